package io.notesearch.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.notesearch.core.SearchRequest;
import io.notesearch.searcher.NoteSearcher;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The notes and index QueryBenchmark keeps between forks with {@code -Dnotesearch.bench.cache}. */
class QueryBenchmarkTest {
  @TempDir Path cache;

  /** The folder is named by the generator's parameters, and a fork's set-up brings the kept index up to date. */
  @Test
  void cachedIndexIsKeyedByTheGeneratorAndUpdatedAtSetUp() throws Exception {
    QueryBenchmark bench = new QueryBenchmark();
    bench.generator = "uniform";
    bench.notes = 30;
    bench.sliceSections = 0;
    System.setProperty("notesearch.bench.cache", cache.toString());
    try {
      bench.setUp();
      bench.tearDown();
      Path work = cache.resolve("uniform-30-" + Generator.UNIFORM.fingerprint());
      try (Stream<Path> kept = Files.list(cache)) {
        assertEquals(List.of(work), kept.toList());
      }
      Path note = Markdown.files(work.resolve("notes")).get(0);
      Files.writeString(note, Files.readString(note) + "\nzyxwvutsrq\n");
      bench.setUp();
      bench.tearDown();
      try (NoteSearcher searcher = NoteSearcher.open(work.resolve("index"))) {
        assertEquals(1, searcher.search(SearchRequest.of("zyxwvutsrq")).total());
      }
    } finally {
      System.clearProperty("notesearch.bench.cache");
    }
  }

  @Test
  void generatorsHaveTheirOwnFingerprints() {
    assertEquals(Generator.REALISTIC.fingerprint(), Generator.named("realistic").fingerprint());
    assertNotEquals(Generator.REALISTIC.fingerprint(), Generator.UNIFORM.fingerprint());
    assertThrows(IllegalArgumentException.class, () -> Generator.named("zipf"));
  }

  @Test
  void quantilesAreTheSampleAtTheFlooredRank() {
    long[] sorted = {10, 20, 30, 40};
    assertEquals(30, Quantiles.at(sorted, 1, 2));
    assertEquals(40, Quantiles.at(sorted, 99, 100));
    assertEquals(10, Quantiles.at(sorted, 0, 10));
    assertEquals(40, Quantiles.at(sorted, 10, 10));
    assertEquals(1980, Quantiles.index(2000, 99, 100));
  }
}
