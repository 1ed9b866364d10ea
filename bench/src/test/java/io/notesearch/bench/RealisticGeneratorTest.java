package io.notesearch.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.notesearch.core.SearchRequest;
import io.notesearch.indexer.IndexMode;
import io.notesearch.indexer.IndexReport;
import io.notesearch.indexer.NoteIndexer;
import io.notesearch.searcher.NoteSearcher;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RealisticGeneratorTest {
  private static final Path CORPUS = Path.of(System.getProperty("notesearch.corpus", "../corpus"));

  @TempDir Path tmp;

  @Test
  void sameSeedSameNotesAndQueries() {
    RealisticGenerator g = RealisticGenerator.measured();
    assertEquals(g.note(3, 7, r -> {}), g.note(3, 7, r -> {}));
    assertNotEquals(g.note(3, 7, r -> {}), g.note(4, 7, r -> {}));
    assertEquals(g.queries(7, 50), g.queries(7, 50));
  }

  /**
   * Generated words as many as the real notes have measure the real notes' Zipf exponent and about
   * their number of distinct words: the fit holds for the parameters shipped.
   */
  @Test
  void rankFrequencySlopeMatchesTheRealNotes() throws Exception {
    CorpusFit.Measured real = CorpusFit.measure(CorpusFit.files(CorpusFit.defaultFolders(CORPUS)), null);
    assertTrue(real.notes() >= 91, "the corpus's three notes folders hold 91 notes; read " + real.notes());
    double realSlope = RankFrequency.zipfExponent(real.words().frequencies(), 3);
    List<String> texts = new ArrayList<>();
    long words = 0;
    for (int n = 0; words < real.words().tokens(); n++) {
      String text = RealisticGenerator.measured().note(1, n, r -> {});
      texts.add(text);
      words += CorpusFit.measureTexts(List.of(text), null).words().tokens();
    }
    CorpusFit.Measured generated = CorpusFit.measureTexts(texts, null);
    double slope = RankFrequency.zipfExponent(generated.words().frequencies(), 3);
    assertEquals(realSlope, slope, 0.05, "Zipf exponent of generated against real words");
    assertEquals(real.words().types(), generated.words().types(), 0.15 * real.words().types(), "distinct words");
    assertEquals(real.words().heaps(1000)[1], generated.words().heaps(1000)[1], 0.1, "Heaps' beta");
  }

  /** A uniform draw from few words has a far flatter head: the slope check above can fail. */
  @Test
  void uniformNotesFailTheSlopeCheck() throws Exception {
    double realSlope = RankFrequency.zipfExponent(
        CorpusFit.measure(CorpusFit.files(CorpusFit.defaultFolders(CORPUS)), null).words().frequencies(), 3);
    List<String> texts = new ArrayList<>();
    java.util.Random r = new java.util.Random(1);
    for (int n = 0; n < 60; n++) {
      texts.add(NotesGenerator.note(r, n));
    }
    double slope = RankFrequency.zipfExponent(CorpusFit.measureTexts(texts, null).words().frequencies(), 3);
    assertTrue(Math.abs(slope - realSlope) > 0.05, "uniform slope " + slope + ", real " + realSlope);
  }

  @Test
  void aMissingNotesFolderFailsTheFit() {
    assertThrows(IllegalArgumentException.class,
        () -> CorpusFit.files(List.of(CORPUS.resolve("notes"), tmp.resolve("missing"))));
  }

  /**
   * The shipped parameters are what fit measures on the default folders (when ../shared/seed is
   * there), every one of them: the solved exponents within their solver's play, the counts and
   * shares within what an edit of a corpus note moves them, the percentiles exactly.
   */
  @Test
  void shippedParametersAreTheFit() throws Exception {
    assumeTrue(Files.isDirectory(CorpusFit.seedFolder(CORPUS)), "the seed folder is not here");
    RealisticShape fit = RealisticShape.fit(CorpusFit.measure(CorpusFit.files(CorpusFit.defaultFolders(CORPUS)), null));
    RealisticShape shipped = RealisticShape.MEASURED;
    assertEquals(12, RealisticShape.class.getRecordComponents().length, "every parameter is compared below");
    assertEquals(shipped.zipf(), fit.zipf(), 0.02, "zipf");
    assertEquals(shipped.heapsK(), fit.heapsK(), 0.05, "heapsK");
    assertEquals(shipped.heapsBeta(), fit.heapsBeta(), 0.01, "heapsBeta");
    assertEquals(shipped.fitWords(), fit.fitWords(), 0.005 * shipped.fitWords(), "fitWords");
    assertEquals(shipped.fitTypes(), fit.fitTypes(), 0.005 * shipped.fitTypes(), "fitTypes");
    assertEquals(shipped.tailBreak(), fit.tailBreak(), "tailBreak");
    assertEquals(shipped.tail(), fit.tail(), 0.02, "tail");
    assertArrayEquals(shipped.headingsPerNote(), fit.headingsPerNote(), "headingsPerNote");
    assertArrayEquals(shipped.sectionWords(), fit.sectionWords(), "sectionWords");
    assertArrayEquals(shipped.levels(), fit.levels(), 0.005, "levels");
    assertArrayEquals(shipped.shares(), fit.shares(), 0.005, "shares");
    assertArrayEquals(shipped.tailKinds(), fit.tailKinds(), 0.005, "tailKinds");
  }

  @Test
  void generatedNotesIndexCleanlyAndQueriesAnswer() throws Exception {
    RealisticGenerator.Written w = RealisticGenerator.measured().generate(80, 1, tmp.resolve("notes"), true);
    assertTrue(w.distinctWords() > 0 && w.distinctWords() < w.words());
    try (NoteIndexer indexer = NoteIndexer.open(tmp.resolve("index"))) {
      IndexReport report = indexer.index(List.of(tmp.resolve("notes")), IndexMode.FULL);
      assertEquals(80, report.notes());
      assertEquals(List.of(), report.skipped());
      assertEquals(List.of(), report.warnings());
    }
    List<String> queries = RealisticGenerator.measured().queries(RealisticGenerator.QUERY_SEED, 200);
    // Typed in the wrong layout: Latin keys that, read as the Korean layout, are the notes' own words.
    java.util.Set<String> head = java.util.Set.copyOf(WordModel.headWords());
    assertTrue(queries.stream().anyMatch(q -> q.matches("[a-z ]+") && java.util.Arrays.stream(
        io.notesearch.core.analysis.Hangul.switchLayout(q).split(" ")).allMatch(head::contains)),
        "some queries are typed in the wrong layout");
    try (NoteSearcher searcher = NoteSearcher.open(tmp.resolve("index"))) {
      int answered = 0;
      for (String q : queries) {
        answered += searcher.search(SearchRequest.of(q)).total() > 0 ? 1 : 0;
      }
      assertTrue(answered > 50, answered + " of 200 queries found something in 80 notes");
    }
  }

  @Test
  void typoChangesOneCharacter() {
    String t = RealisticGenerator.typo("로드 밸런서", new java.util.Random(1));
    assertEquals(6, t.length());
    int differ = 0;
    for (int i = 0; i < t.length(); i++) {
      differ += t.charAt(i) != "로드 밸런서".charAt(i) ? 1 : 0;
    }
    assertEquals(1, differ, t);
  }
}
