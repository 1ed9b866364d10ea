package io.notesearch.indexer;

import java.nio.file.Path;
import java.util.concurrent.ExecutorService;

/**
 * How an indexer runs: its threads, and where Nori's decoded dictionaries are cached. Immutable;
 * {@link #DEFAULT} suits most programs.
 *
 * @param threads how many notes are parsed and analysed at once, on a pool made for each run (at
 *     least 1; by default one per core)
 * @param executor runs the indexing tasks instead of a pool of {@code threads}; the caller shuts it
 *     down (null: the indexer's own pool)
 * @param noriCache a folder where Nori's dictionaries are kept decoded, shared with the searcher's
 *     ({@code SearchOptions#noriCache}); null: none
 * @param ignoreFiles whether notes that {@code .gitignore}, {@code .ignore} and {@code
 *     .notesearchignore} files ignore are left out, as ripgrep leaves them out (hidden folders and
 *     {@code node_modules} are left out either way)
 */
public record IndexOptions(int threads, ExecutorService executor, Path noriCache, boolean ignoreFiles) {
  /** One thread per core, the indexer's own pool, no Nori cache, ignore files read. */
  public static final IndexOptions DEFAULT =
      new IndexOptions(Math.max(1, Runtime.getRuntime().availableProcessors()), null, null, true);

  /** Checks the thread count. */
  public IndexOptions {
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be >= 1, got [" + threads + "]");
    }
  }

  /**
   * These options with another number of indexing threads.
   *
   * @param count threads, at least 1
   * @return the new options
   */
  public IndexOptions withThreads(int count) {
    return new IndexOptions(count, executor, noriCache, ignoreFiles);
  }

  /**
   * These options with the indexing tasks run on an executor of the caller's.
   *
   * @param pool the executor, or null for the indexer's own pool
   * @return the new options
   */
  public IndexOptions withExecutor(ExecutorService pool) {
    return new IndexOptions(threads, pool, noriCache, ignoreFiles);
  }

  /**
   * These options with Nori's dictionaries cached in a folder.
   *
   * @param folder the cache folder, or null for none
   * @return the new options
   */
  public IndexOptions withNoriCache(Path folder) {
    return new IndexOptions(threads, executor, folder, ignoreFiles);
  }

  /**
   * These options reading the folders' ignore files, or not ({@code notesearch index --no-ignore}).
   *
   * @param read whether ignore files are read
   * @return the new options
   */
  public IndexOptions withIgnoreFiles(boolean read) {
    return new IndexOptions(threads, executor, noriCache, read);
  }
}
