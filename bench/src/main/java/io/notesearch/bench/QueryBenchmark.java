package io.notesearch.bench;

import io.notesearch.core.SearchRequest;
import io.notesearch.core.SearchResult;
import io.notesearch.core.Synonyms;
import io.notesearch.core.UserFiles;
import io.notesearch.indexer.IndexMode;
import io.notesearch.indexer.NoteIndexer;
import io.notesearch.searcher.NoteSearcher;
import io.notesearch.searcher.SearchOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Warm query latency on a generated folder: top 10, with and without snippets. Sample mode gives
 * the p50/p99 the goals are stated in. The realistic notes are searched with 200 seeded queries
 * drawn like their words ({@link RealisticGenerator#queries}); the uniform ones (the worst case,
 * {@code -p generator=uniform}) with 14 queries of their few hundred words.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class QueryBenchmark {
  /** Which generator writes the notes: {@code realistic} (fitted to real notes) or {@code uniform} (the worst case). */
  @Param({"realistic"})
  public String generator;

  /** Notes in the generated folder. */
  @Param({"10000"})
  public int notes;

  /** Whether hits carry snippets. */
  @Param({"false", "true"})
  public boolean snippets;

  /** Sections per search slice ({@link SearchOptions#sliceSections()}); 0 searches on one thread. */
  @Param({"100000"})
  public int sliceSections;

  private NoteSearcher searcher;
  private List<String> queries;
  private int next;

  @Setup(Level.Trial)
  public void setUp() throws IOException {
    Generator g = Generator.named(generator);
    queries = g.queries();
    // -Dnotesearch.bench.cache=DIR keeps the notes and index between forks and runs (100k notes take
    // minutes), in a folder named by the generator's parameters: notes of a changed generator are not reused.
    String cache = System.getProperty("notesearch.bench.cache");
    Path work = cache == null ? Files.createTempDirectory("notesearch-querybench")
        : Path.of(cache, generator + "-" + notes + "-" + g.fingerprint());
    Path folder = work.resolve("notes");
    Path generated = work.resolve("generated");
    if (!Files.exists(generated)) {
      g.generate(notes, 1, folder);
      Files.createFile(generated);
    }
    // Always an update: unchanged notes are skipped (about a second at 100k), and an index of an older
    // schema, analysis or parser is rebuilt rather than searched as it is.
    try (NoteIndexer indexer = NoteIndexer.open(work.resolve("index"))) {
      indexer.index(List.of(folder), IndexMode.INCREMENTAL);
    }
    searcher = NoteSearcher.open(work.resolve("index"), UserFiles.NONE, Synonyms.DEFAULT,
        SearchOptions.DEFAULT.withSliceSections(sliceSections));
  }

  @TearDown(Level.Trial)
  public void tearDown() throws IOException {
    searcher.close();
  }

  @Benchmark
  public SearchResult search() throws IOException {
    String q = queries.get(next++ % queries.size());
    return searcher.search(SearchRequest.of(q).withHighlight(snippets));
  }
}
