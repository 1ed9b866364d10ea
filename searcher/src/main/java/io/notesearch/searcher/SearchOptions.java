package io.notesearch.searcher;

import java.nio.file.Path;
import java.util.concurrent.ExecutorService;

/**
 * How a searcher runs, beyond what it searches: where Nori's decoded dictionaries are cached, and
 * how a large index is searched in slices at once. Immutable; {@link #DEFAULT} suits most programs.
 *
 * <pre>{@code
 * SearchOptions options = SearchOptions.DEFAULT.withNoriCache(Path.of("/var/cache/myapp"));
 * try (NoteSearcher searcher = NoteSearcher.open(index, UserFiles.NONE, Synonyms.DEFAULT, options)) { … }
 * }</pre>
 *
 * @param noriCache a folder where Nori's connection costs and word dictionary are kept decoded, so a
 *     new JVM maps them instead of decoding 25 MB (~230 ms of CPU); null: Nori decodes them in every
 *     JVM. Set once per JVM: the first searcher or indexer that loads Nori decides, and a later,
 *     different folder is reported once and not used
 * @param sliceSections a large index is searched in slices of about this many sections at once, on
 *     the searching thread and {@code executor}; 0 searches on the calling thread only
 * @param executor runs the slices besides the searching thread; null: a pool of one daemon thread
 *     per further core, made by the searcher (threads end after 30 s idle) and shut down at close
 * @param feedback when no section has every word of a query, also search the words its best sections
 *     share and fuse the two rankings (pseudo-relevance feedback: paraphrases and long questions find
 *     their section more often; docs/relevance.md); false: the any-word ranking alone
 */
public record SearchOptions(Path noriCache, int sliceSections, ExecutorService executor, boolean feedback) {
  /**
   * Sections per slice by default. 100k notes (884k sections in 7 segments, 2 cores) search in slices
   * about twice as fast as on one thread; an index below it is one slice and never wakes the pool,
   * since on two cores the pool thread then waits for a core (docs/benchmarks.md).
   */
  public static final int DEFAULT_SLICE_SECTIONS = 100_000;

  /** No Nori cache, slices of {@link #DEFAULT_SLICE_SECTIONS} on the searcher's own pool, feedback on. */
  public static final SearchOptions DEFAULT = new SearchOptions(null, DEFAULT_SLICE_SECTIONS, null, true);

  /** Checks the slice size. */
  public SearchOptions {
    if (sliceSections < 0) {
      throw new IllegalArgumentException("sliceSections must be >= 0, got [" + sliceSections + "]");
    }
  }

  /**
   * These options with Nori's dictionaries cached in a folder.
   *
   * @param folder the cache folder, or null for none
   * @return the new options
   */
  public SearchOptions withNoriCache(Path folder) {
    return new SearchOptions(folder, sliceSections, executor, feedback);
  }

  /**
   * These options with another slice size.
   *
   * @param sections sections per slice; 0 never slices
   * @return the new options
   */
  public SearchOptions withSliceSections(int sections) {
    return new SearchOptions(noriCache, sections, executor, feedback);
  }

  /**
   * These options with slices run on an executor of the caller's, which the caller shuts down.
   *
   * @param pool the executor, or null for the searcher's own pool
   * @return the new options
   */
  public SearchOptions withExecutor(ExecutorService pool) {
    return new SearchOptions(noriCache, sliceSections, pool, feedback);
  }

  /**
   * These options with pseudo-relevance feedback on or off (see {@link #feedback()}).
   *
   * @param on whether an any-word search also searches the words its best sections share
   * @return the new options
   */
  public SearchOptions withFeedback(boolean on) {
    return new SearchOptions(noriCache, sliceSections, executor, on);
  }
}
