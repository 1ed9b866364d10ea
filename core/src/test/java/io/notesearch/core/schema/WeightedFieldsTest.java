package io.notesearch.core.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.notesearch.core.analysis.NoteAnalyzers;
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
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.CombinedFieldQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.junit.jupiter.api.Test;

/** {@link IndexSchema#TERMS} carries each term once with its BM25F score over the fields, worked out when written. */
class WeightedFieldsTest {
  private static final Analyzer ANALYZER = NoteAnalyzers.standard().index();

  private static SectionRecord section(String path, String title, List<String> headings, String text, String code,
      List<String> tags, String description) {
    return new SectionRecord(path, "h@1:2", title, List.of(), headings, "a", 1, text, code, tags, List.of(), LocalDate.of(2024, 1, 2), false,
        description, "front matter", -1, List.of(), List.of(), List.of());
  }

  private static final SectionRecord LAMBDA = section("/n/lambda.md", "람다 정리", List.of("서버리스", "람다 과금"),
      "람다는 요청 수와 실행 시간으로 과금된다. 람다 메모리를 늘리면 과금도 는다.", "lambda.invoke(memory)",
      List.of("람다", "AWS"), "람다 비용 정리");

  /** The counts of a section's own fields, weight × occurrences (section weights doubled to whole numbers). */
  private static Map<String, Integer> sectionCounts(SectionRecord s) {
    Map<String, Integer> counts = new HashMap<>();
    List<String> h = s.headings();
    count(counts, IndexSchema.HEADING, h.isEmpty() ? "" : h.getLast(), 5 * IndexSchema.SECTION_SCALE);
    if (h.size() > 1) {
      count(counts, IndexSchema.PARENTS, String.join("\n", h.subList(0, h.size() - 1)), 2 * IndexSchema.SECTION_SCALE);
    }
    count(counts, IndexSchema.BODY, s.text(), 3);
    count(counts, IndexSchema.CODE, s.code(), IndexSchema.SECTION_SCALE);
    return counts;
  }

  /** The counts of the note's fields: title ×2, tags ×2, description ×1. */
  private static Map<String, Integer> noteCounts(SectionRecord s) {
    Map<String, Integer> counts = new HashMap<>();
    count(counts, IndexSchema.TITLE, s.title(), 2);
    s.tags().forEach(t -> count(counts, IndexSchema.TAGS_TEXT, t, 2));
    count(counts, IndexSchema.DESCRIPTION, s.description(), 1);
    return counts;
  }

  private static void count(Map<String, Integer> counts, String field, String text, int weight) {
    Tokens.of(ANALYZER, field, text).countInto(counts, weight);
  }

  @Test
  void eachTermOnceWithItsSectionAndNoteScore() throws IOException {
    try (Directory dir = new ByteBuffersDirectory()) {
      index(dir, List.of(LAMBDA));
      try (DirectoryReader reader = DirectoryReader.open(dir)) {
        Map<String, Integer> stored = freqs(reader.leaves().getFirst().reader(), IndexSchema.TERMS);
        Map<String, Integer> section = sectionCounts(LAMBDA);
        Map<String, Integer> note = noteCounts(LAMBDA);
        assertEquals(of(section, note), stored);
        // Spot checks of the counts the scores come from.
        assertEquals(10 + 3 * expected(IndexSchema.BODY, LAMBDA.text(), "과금"), section.get("과금"), section.toString());
        assertEquals(4, section.get("서버리스"), section.toString());
        assertEquals(2 + 3 * expected(IndexSchema.BODY, LAMBDA.text(), "memory"), section.get("memory"), section.toString());
        assertEquals(2, note.get("aws"), note.toString());
        assertTrue(stored.containsKey("요청") && stored.containsKey("aws"), "body-only and note-only terms: " + stored);
        // A heading term scores above a body-only one; a term of both parts above the better part alone.
        assertTrue(stored.get("과금") > stored.get("요청"), stored.toString());
        int sectionOnly = of(Map.of("람다", section.get("람다")), Map.of()).get("람다");
        assertTrue(stored.get("람다") > sectionOnly, stored + " vs " + sectionOnly);
      }
    }
  }

  /** A section too long to record token by token is counted as it streams by: the same counts. */
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
        Map<String, Integer> longCounts = new HashMap<>();
        sectionCounts(shortOne).forEach((term, c) -> longCounts.put(term,
            expected(IndexSchema.HEADING, "과금", term) * 10 + expected(IndexSchema.BODY, sentence, term) * 3 * occurrences));
        Map<String, Integer> want = of(longCounts, noteCounts(longOne));
        for (String term : List.of("람다", "요청", "과금")) {
          int perSentence = expected(IndexSchema.BODY, sentence, term);
          assertTrue(perSentence > 0, term);
          assertEquals(want.get(term), freq(reader, IndexSchema.TERMS, term, 1), term + " long");
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
   * A term query on {@link IndexSchema#TERMS}, read with {@link NoteSimilarity}, ranks and scores
   * like the same BM25F worked out at query time over the fields themselves (what the Solr edition
   * runs): the better of section and note plus a tie share of the other, with the index's own
   * average lengths. Scores are compared relative to the best one: the idf differs (one for both
   * parts here), and so do the lengths by stacked tokens and one-byte norms.
   */
  @Test
  void aTermScoresAsBm25fOverTheFieldsAtQueryTime() throws IOException {
    List<SectionRecord> sections = List.of(LAMBDA,
        section("/n/s3.md", "S3 정리", List.of("버킷"), "버킷에 객체를 올린다. 람다 트리거도 된다.", "", List.of("AWS"), ""),
        section("/n/ec2.md", "EC2 정리", List.of("인스턴스", "람다와 비교"), "인스턴스는 시간으로 과금된다.", "ec2.run()", List.of(), ""),
        section("/n/vpc.md", "VPC", List.of("서브넷 과금"), "서브넷은 과금되지 않는다. 람다 얘기는 없다 람다 람다.", "", List.of(), ""));
    TermImpacts.Sample sample = new TermImpacts.Sample();
    sections.forEach(s -> IndexSchema.sample(s, NoteFields.of(s, ANALYZER), sample));
    try (Directory dir = new ByteBuffersDirectory()) {
      index(dir, sections, sample.averages());
      try (DirectoryReader reader = DirectoryReader.open(dir)) {
        IndexSearcher searcher = new IndexSearcher(reader);
        searcher.setSimilarity(NoteSimilarity.INSTANCE);
        IndexSearcher plain = new IndexSearcher(reader);
        // Not 람다: in one note's fields and four sections' text, its two sides have different idfs
        // at query time and one here (what the judged queries measure: docs/relevance.md).
        for (String term : List.of("과금", "인스턴스", "서브넷", "버킷")) {
          Query stored = new TermQuery(new Term(IndexSchema.TERMS, term));
          var a = searcher.search(stored, 10).scoreDocs;
          var b = plain.search(atQueryTime(term), 10).scoreDocs;
          assertEquals(b.length, a.length, term);
          for (int i = 0; i < a.length; i++) {
            assertEquals(b[i].doc, a[i].doc, term + ": same order");
            assertEquals(b[i].score / b[0].score, a[i].score / a[0].score, 0.05, term + ": close relative scores");
          }
        }
        assertEquals(0, searcher.count(new TermQuery(new Term(IndexSchema.DESCRIPTION, "비용"))), "no description postings");
      }
    }
  }

  private static Query atQueryTime(String term) {
    CombinedFieldQuery.Builder section = new CombinedFieldQuery.Builder(term);
    IndexSchema.SECTION_WEIGHTS.forEach(section::addField);
    CombinedFieldQuery.Builder note = new CombinedFieldQuery.Builder(term);
    IndexSchema.NOTE_WEIGHTS.forEach(note::addField);
    return new DisjunctionMaxQuery(List.of(section.build(), note.build()), IndexSchema.NOTE_TIE);
  }

  private static final TermImpacts.Averages AVERAGES = TermImpacts.Averages.DEFAULT;

  /** The expected scores of counts, with the note's length summed from its counts. */
  private static Map<String, Integer> of(Map<String, Integer> section, Map<String, Integer> note) {
    return TermImpacts.of(section, note, TermImpacts.length(note), AVERAGES);
  }

  private static void index(Directory dir, List<SectionRecord> sections) throws IOException {
    index(dir, sections, AVERAGES);
  }

  private static void index(Directory dir, List<SectionRecord> sections, TermImpacts.Averages averages) throws IOException {
    try (IndexWriter w = new IndexWriter(dir, new IndexWriterConfig(ANALYZER))) {
      for (SectionRecord s : sections) {
        w.addDocument(IndexSchema.toDocument(s, NoteFields.of(s, ANALYZER), IndexSchema.InNote.FIRST, averages));
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
