package io.notesearch.searcher.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.notesearch.searcher.analysis.NoteAnalyzers;
import java.io.IOException;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.CombinedFieldQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.index.Term;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.junit.jupiter.api.Test;

/** The weighted fields carry each term once with weight × occurrences, and score as BM25F over the fields. */
class WeightedFieldsTest {
  private static final Analyzer ANALYZER = NoteAnalyzers.standard().index();

  private static SectionRecord section(String path, String title, List<String> headings, String text, String code,
      List<String> tags, String description) {
    return new SectionRecord(path, "h@1:2", title, headings, "a", 1, text, code, tags, "", LocalDate.of(2024, 1, 2), false,
        description);
  }

  private static final SectionRecord LAMBDA = section("/n/lambda.md", "람다 정리", List.of("서버리스", "람다 과금"),
      "람다는 요청 수와 실행 시간으로 과금된다. 람다 메모리를 늘리면 과금도 는다.", "lambda.invoke(memory)",
      List.of("람다", "AWS"), "람다 비용 정리");

  @Test
  void frequenciesAreWeightTimesOccurrencesPerField() throws IOException {
    try (Directory dir = new ByteBuffersDirectory()) {
      index(dir, List.of(LAMBDA));
      try (DirectoryReader reader = DirectoryReader.open(dir)) {
        LeafReader leaf = reader.leaves().getFirst().reader();
        Map<String, Integer> section = freqs(leaf, IndexSchema.SECTION_TERMS);
        Map<String, Integer> note = freqs(leaf, IndexSchema.NOTE_TERMS);
        // Section weights are doubled (SECTION_SCALE) to whole numbers: heading 10, parents 4, body 3, code 2.
        int h = 5 * IndexSchema.SECTION_SCALE, p = 2 * IndexSchema.SECTION_SCALE, b = 3, c = IndexSchema.SECTION_SCALE;
        String body = LAMBDA.text();
        assertEquals(expected(IndexSchema.HEADING, "람다 과금", "과금") * h + expected(IndexSchema.BODY, body, "과금") * b,
            section.get("과금"), section.toString());
        assertEquals(expected(IndexSchema.HEADING, "람다 과금", "람다") * h + expected(IndexSchema.BODY, body, "람다") * b,
            section.get("람다"), section.toString());
        assertEquals(expected(IndexSchema.PARENTS, "서버리스", "서버리스") * p, section.get("서버리스"), section.toString());
        assertEquals(expected(IndexSchema.CODE, "lambda.invoke(memory)", "memory") * c
            + expected(IndexSchema.BODY, body, "memory") * b, section.get("memory"), section.toString());
        assertEquals(expected(IndexSchema.BODY, body, "요청") * b, section.get("요청"), "body-only terms count too: " + section);
        assertTrue(expected(IndexSchema.BODY, body, "요청") > 0 && expected(IndexSchema.BODY, body, "과금") > 0, "the body has them");
        // 람다 in the title (×2), a tag (×2) and the description (×1).
        int want = 2 * expected(IndexSchema.TITLE, "람다 정리", "람다") + 2 * expected(IndexSchema.TAGS_TEXT, "람다", "람다")
            + expected(IndexSchema.DESCRIPTION, "람다 비용 정리", "람다");
        assertEquals(want, note.get("람다"), note.toString());
        assertEquals(2, note.get("aws"), note.toString());
      }
    }
  }

  /** A section too long to record token by token is counted as it streams by: the same terms and counts. */
  @Test
  void aLongSectionIsCountedTheSameWay() throws IOException {
    String sentence = "람다는 요청 수로 과금된다. ";
    String longText = sentence.repeat(IndexSchema.RECORD_MAX_CHARS / sentence.length() + 10);
    assertTrue(longText.length() > IndexSchema.RECORD_MAX_CHARS);
    SectionRecord shortOne = section("/n/a.md", "노트", List.of("과금"), sentence, "", List.of(), "");
    SectionRecord longOne = section("/n/b.md", "노트", List.of("과금"), longText, "", List.of(), "");
    try (Directory dir = new ByteBuffersDirectory()) {
      index(dir, List.of(shortOne, longOne));
      try (DirectoryReader reader = DirectoryReader.open(dir)) {
        int occurrences = longText.length() / sentence.length();
        for (String term : List.of("람다", "요청", "과금")) {
          int perSentence = expected(IndexSchema.BODY, sentence, term);
          assertTrue(perSentence > 0, term);
          int heading = expected(IndexSchema.HEADING, "과금", term) * 5 * IndexSchema.SECTION_SCALE;
          assertEquals(heading + perSentence * 3, freq(reader, IndexSchema.SECTION_TERMS, term, 0), term + " short");
          assertEquals(heading + perSentence * 3 * occurrences, freq(reader, IndexSchema.SECTION_TERMS, term, 1), term + " long");
          assertEquals(perSentence * occurrences, freq(reader, IndexSchema.BODY, term, 1), term + " body postings of the long one");
        }
        assertEquals(longText, reader.storedFields().document(1).get(IndexSchema.BODY), "stored as written");
      }
    }
  }

  private static int freq(DirectoryReader reader, String field, String term, int doc) throws IOException {
    PostingsEnum pe = reader.leaves().getFirst().reader().postings(new Term(field, term), PostingsEnum.FREQS);
    return pe != null && pe.advance(doc) == doc ? pe.freq() : 0;
  }

  /**
   * The section part of a query term, one term query with {@link NoteSimilarity}, scores like
   * CombinedFieldQuery over the four fields themselves with plain BM25, up to the rounding of
   * lengths into one-byte norms and the document frequency (the fields' largest there, the sections
   * with the term in any field here).
   */
  @Test
  void theSectionPartScoresAsBm25fOverTheFields() throws IOException {
    List<SectionRecord> sections = List.of(LAMBDA,
        section("/n/s3.md", "S3 정리", List.of("버킷"), "버킷에 객체를 올린다. 람다 트리거도 된다.", "", List.of("AWS"), ""),
        section("/n/ec2.md", "EC2 정리", List.of("인스턴스", "람다와 비교"), "인스턴스는 시간으로 과금된다.", "ec2.run()", List.of(), ""),
        section("/n/vpc.md", "VPC", List.of("서브넷 과금"), "서브넷은 과금되지 않는다. 람다 얘기는 없다 람다 람다.", "", List.of(), ""));
    try (Directory dir = new ByteBuffersDirectory()) {
      index(dir, sections);
      try (DirectoryReader reader = DirectoryReader.open(dir)) {
        IndexSearcher searcher = new IndexSearcher(reader);
        searcher.setSimilarity(NoteSimilarity.INSTANCE);
        IndexSearcher plain = new IndexSearcher(reader);
        // Not 람다: in all four sections but the body of three, its idf differs (see above).
        for (String term : List.of("과금", "인스턴스", "서브넷", "버킷")) {
          Query weighted = new TermQuery(new Term(IndexSchema.SECTION_TERMS, term));
          CombinedFieldQuery.Builder fields = new CombinedFieldQuery.Builder(term);
          IndexSchema.SECTION_WEIGHTS.forEach(fields::addField);
          var a = searcher.search(weighted, 10).scoreDocs;
          var b = plain.search(fields.build(), 10).scoreDocs;
          assertEquals(b.length, a.length, term);
          for (int i = 0; i < a.length; i++) {
            assertEquals(b[i].doc, a[i].doc, term + ": same order");
            assertEquals(b[i].score, a[i].score, b[i].score * 0.05, term + ": close scores");
          }
        }
        assertEquals(0, searcher.count(new TermQuery(new Term(IndexSchema.DESCRIPTION, "비용"))), "no description postings");
      }
    }
  }

  private static void index(Directory dir, List<SectionRecord> sections) throws IOException {
    try (IndexWriter w = new IndexWriter(dir, new IndexWriterConfig(ANALYZER))) {
      for (SectionRecord s : sections) {
        w.addDocument(IndexSchema.toDocument(s, NoteFields.of(s, ANALYZER)));
      }
    }
  }

  /** How often the analyzer emits {@code term} for {@code text} in {@code field}. */
  private static int expected(String field, String text, String term) {
    Map<String, Integer> counts = new HashMap<>();
    Tokens.of(ANALYZER, field, text).countInto(counts, 1);
    return counts.getOrDefault(term, 0);
  }

  private static Map<String, Integer> freqs(LeafReader leaf, String field) throws IOException {
    Map<String, Integer> out = new HashMap<>();
    Terms terms = leaf.terms(field);
    TermsEnum te = terms.iterator();
    while (te.next() != null) {
      PostingsEnum pe = te.postings(null, PostingsEnum.FREQS);
      pe.nextDoc();
      out.put(te.term().utf8ToString(), pe.freq());
    }
    return out;
  }
}
