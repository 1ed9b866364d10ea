package io.notesearch.solr.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.notesearch.core.schema.IndexSchema;
import io.notesearch.core.schema.NoteFields;
import io.notesearch.core.schema.SectionRecord;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.core.KeywordAnalyzer;
import org.apache.lucene.index.IndexableField;
import org.apache.solr.common.SolrInputDocument;
import org.junit.jupiter.api.Test;

/** A Solr document carries every field of a local section document, and the config set declares exactly those. */
class SolrDocumentTest {
  private static final SectionRecord SECTION = new SectionRecord(
      "/notes/aws/lambda.md", "abc@1:2", "AWS 람다 정리", List.of("Lambda 노트"), List.of("람다", "콜드 스타트"), "콜드-스타트", 12,
      "람다 함수(Lambda Function)의 콜드 스타트는 첫 요청에서 생긴다.", "def handler(event):\n  return 1",
      List.of("AWS", "서버리스"), List.of("Cloud", "Serverless"), LocalDate.of(2021, 3, 4), false, "람다 요약",
      "file name", 1_700_000_000_000L, List.of("name:vpc", "path:/notes/aws/s3.md"),
      List.of("name:lambda"), List.of(new SectionRecord.LinkText(0, 2, "name:람다")));

  @Test
  void everyLocalFieldIsSent() {
    Set<String> local = new TreeSet<>();
    for (IndexableField f : IndexSchema.toDocument(SECTION, NoteFields.of(SECTION, new KeywordAnalyzer()))) {
      local.add(f.name());
    }
    // TERMS holds the local index's BM25F scores; Solr computes BM25F at query time
    // from the fields themselves, so it indexes the description, which locally lives only in them.
    assertTrue(local.remove(IndexSchema.TERMS), local.toString());
    local.add(IndexSchema.DESCRIPTION);
    SolrInputDocument solr = SolrIndexer.document(SECTION, IndexSchema.InNote.FIRST);
    assertEquals(local, new TreeSet<>(solr.getFieldNames().stream().filter(n -> !n.equals(IndexSchema.NOTE_FIRST)).toList()),
        "the Solr document must have the local document's fields (IndexSchema.toDocument)");
    assertEquals(List.of("=ㅋㄷ", "=ㅅㅌㅌ", "ㅋㄷㅅㅌㅌ", "ㅅㅌㅌ"), solr.getFieldValues(IndexSchema.HEADING_INITIALS).stream().map(Object::toString).toList());
    assertEquals("람다", solr.getFieldValue(IndexSchema.PARENTS));
    assertEquals("콜드 스타트", solr.getFieldValue(IndexSchema.HEADING));
    assertEquals("false", solr.getFieldValue(IndexSchema.DRAFT));
    assertEquals(LocalDate.of(2021, 3, 4).toEpochDay(), solr.getFieldValue(IndexSchema.DATE));
    assertEquals(SolrIndexer.stamp("abc@1:2"), solr.getFieldValue(IndexSchema.NOTE_HASH));
    assertTrue(solr.getFieldValues(IndexSchema.GLOSS).stream().anyMatch(v -> v.toString().contains("lambda function")), solr.toString());
  }

  @Test
  void theConfigSetDeclaresEveryFieldSent() throws Exception {
    String schema;
    try (InputStream in = SolrCollection.class.getResourceAsStream("configset/schema.xml")) {
      schema = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    }
    Set<String> declared = new TreeSet<>();
    Matcher m = Pattern.compile("<field name=\"([^\"]+)\"").matcher(schema);
    while (m.find()) {
      declared.add(m.group(1));
    }
    // Solr's own version field aside, schema.xml declares exactly the fields a document is sent with.
    assertTrue(declared.remove("_version_"), declared.toString());
    assertEquals(new TreeSet<>(SolrIndexer.document(SECTION, IndexSchema.InNote.FIRST).getFieldNames()), declared,
        "schema.xml's fields are IndexSchema's fields as the Solr client sends them");
    assertTrue(SolrCollection.configSetZip(io.notesearch.core.UserFiles.NONE).length > 1000);
  }
}
