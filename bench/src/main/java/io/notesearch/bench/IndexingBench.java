package io.notesearch.bench;

import io.notesearch.core.SearchRequest;
import io.notesearch.core.SearchResult;
import io.notesearch.indexer.IndexMode;
import io.notesearch.indexer.IndexReport;
import io.notesearch.indexer.NoteIndexer;
import io.notesearch.searcher.NoteSearcher;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Indexing and query figures on a generated folder: full build time, notes/s, MB/s, index size over
 * input size, peak RSS, re-index after touching 1% of the notes, and query latency p50/p99.
 *
 * <pre>{@code
 * scripts/bench-index.sh 10000
 * }</pre>
 */
final class IndexingBench {
  private IndexingBench() {}

  /**
   * Indexes a generated folder and prints the figures.
   *
   * @param notes notes to generate
   * @param seed the generator's seed
   * @param source a generated folder to copy instead (null: generate), so repeated runs skip generating
   * @param fullOnly stop after the full build (for timing it on one core)
   * @param generator which generator writes the notes, and whose queries are timed
   */
  static void run(int notes, long seed, Path source, boolean fullOnly, Generator generator) throws IOException {
    Path work = Files.createTempDirectory("notesearch-bench");
    try {
      measure(notes, seed, source, fullOnly, generator, work);
    } finally {
      deleteTree(work); // a 100k run leaves ~0.5 GB behind otherwise
    }
  }

  /** Deletes a folder and everything in it: a benchmark's generated notes and index. */
  static void deleteTree(Path folder) throws IOException {
    try (Stream<Path> walk = Files.walk(folder)) {
      for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }

  private static void measure(int notes, long seed, Path source, boolean fullOnly, Generator generator, Path work)
      throws IOException {
    Path folder = work.resolve("notes");
    Path index = work.resolve("index");
    long bytes;
    if (source == null) {
      bytes = generator.generate(notes, seed, folder);
    } else {
      bytes = copy(source, folder);
      notes = Markdown.files(folder).size();
    }
    System.out.printf(Locale.ROOT, "notes: %d, markdown: %.1f MB, threads: %d%n", notes, bytes / 1e6,
        Runtime.getRuntime().availableProcessors());

    IndexReport full;
    long liveAfterGc;
    HeapWatch watch = new HeapWatch();
    try (NoteIndexer indexer = NoteIndexer.open(index)) {
      full = indexer.index(List.of(folder), IndexMode.FULL);
    } finally {
      liveAfterGc = watch.stop();
    }
    double seconds = full.took().toNanos() / 1e9;
    System.out.printf(Locale.ROOT, "full index: %.1f s, %.0f notes/s, %.2f MB/s, %d sections%n",
        seconds, notes / seconds, bytes / 1e6 / seconds, full.sections());
    System.out.printf(Locale.ROOT, "index size / markdown: %.2f%n", (double) size(index) / bytes);
    System.out.printf(Locale.ROOT, "heap while indexing: at most %d MiB in use after a collection, pools' peaks %d MiB"
        + " (max heap %d MiB); peak RSS %d MiB%n", liveAfterGc >> 20, peakHeapBytes() >> 20,
        Runtime.getRuntime().maxMemory() >> 20, peakRssKb() / 1024);
    if (fullOnly) {
      return;
    }

    List<Path> files = Markdown.files(folder);
    Random random = new Random(seed);
    int touched = Math.max(1, notes / 100);
    for (int i = 0; i < touched; i++) {
      Path f = files.get(random.nextInt(files.size()));
      Files.writeString(f, Files.readString(f, StandardCharsets.UTF_8) + "\n추가 문장 " + i + " EC2 수정.\n", StandardCharsets.UTF_8);
    }
    IndexReport again;
    try (NoteIndexer indexer = NoteIndexer.open(index)) {
      again = indexer.index(List.of(folder), IndexMode.INCREMENTAL);
    }
    System.out.printf(Locale.ROOT, "re-index after touching 1%% (%d notes): %.2f s (%.1f%% of full)%n",
        again.updated(), again.took().toNanos() / 1e9, 100.0 * again.took().toNanos() / full.took().toNanos());
    IndexReport unchanged;
    try (NoteIndexer indexer = NoteIndexer.open(index)) {
      unchanged = indexer.index(List.of(folder), IndexMode.INCREMENTAL);
    }
    System.out.printf(Locale.ROOT, "re-index of an unchanged folder: %.2f s%n", unchanged.took().toNanos() / 1e9);

    // Made after the indexing figures: the realistic set's analysis would count in their heap and RSS.
    List<String> queries = generator.queries();
    try (NoteSearcher searcher = NoteSearcher.open(index)) {
      for (int i = 0; i < 200; i++) {
        searcher.search(SearchRequest.of(queries.get(i % queries.size())));
      }
      report("query, top 10 with snippets", searcher, queries, true);
      report("query, top 10 without snippets", searcher, queries, false);
      slowest(searcher, queries);
    }
    System.out.printf(Locale.ROOT, "peak RSS: %d MiB%n", peakRssKb() / 1024);
  }

  private static void report(String name, NoteSearcher searcher, List<String> queries, boolean snippets)
      throws IOException {
    int runs = 2000;
    long[] nanos = new long[runs];
    for (int i = 0; i < runs; i++) {
      long t = System.nanoTime();
      searcher.search(SearchRequest.of(queries.get(i % queries.size())).withHighlight(snippets));
      nanos[i] = System.nanoTime() - t;
    }
    Arrays.sort(nanos);
    System.out.printf(Locale.ROOT, "%s: p50 %.2f ms, p99 %.2f ms%n", name, Quantiles.at(nanos, 1, 2) / 1e6,
        Quantiles.at(nanos, 99, 100) / 1e6);
  }

  /**
   * The ten slowest queries (median of five runs each, no snippets), with the sections they match and
   * how the searcher rewrote them: where a p99 comes from.
   */
  private static void slowest(NoteSearcher searcher, List<String> queries) throws IOException {
    List<QueryTiming.Timed> timed = new ArrayList<>(QueryTiming.eachMedian(searcher, queries));
    timed.sort((a, b) -> Double.compare(b.millis(), a.millis()));
    System.out.println("slowest queries (median of 5, no snippets; sections matched; rewrite):");
    for (QueryTiming.Timed t : timed.subList(0, Math.min(10, timed.size()))) {
      SearchResult.Rewrite rewrite = t.result().rewrite();
      System.out.printf(Locale.ROOT, "  %8.2f ms  %7d  %s  [%s]%n", t.millis(), t.result().total(), t.query(),
          rewrite.reason() + (rewrite.query().isEmpty() ? "" : " → " + rewrite.query()));
    }
  }

  /** Copies the Markdown files of a folder tree (the copy gets touched, the source stays as generated). */
  private static long copy(Path from, Path to) throws IOException {
    long bytes = 0;
    for (Path p : Markdown.files(from)) {
      Path target = to.resolve(from.relativize(p).toString());
      Files.createDirectories(target.getParent());
      Files.copy(p, target);
      bytes += Files.size(target);
    }
    return bytes;
  }

  private static long size(Path folder) throws IOException {
    try (Stream<Path> walk = Files.walk(folder)) {
      List<Long> sizes = new ArrayList<>();
      for (Path p : walk.filter(Files::isRegularFile).toList()) {
        sizes.add(Files.size(p));
      }
      return sizes.stream().mapToLong(Long::longValue).sum();
    }
  }

  /**
   * The sum of the heap pools' peak use since the JVM started (an upper bound of the heap's peak: the
   * pools need not peak together).
   */
  static long peakHeapBytes() {
    return heapSum(MemoryPoolMXBean::getPeakUsage);
  }

  /**
   * The heap in use right after the latest collection of each pool, summed: what survives, as
   * against garbage a lazy collector leaves until the heap fills.
   */
  static long heapAfterGcBytes() {
    return heapSum(MemoryPoolMXBean::getCollectionUsage);
  }

  /** One figure of every heap pool, summed (a pool without it counts 0). */
  private static long heapSum(Function<MemoryPoolMXBean, MemoryUsage> usage) {
    long sum = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      MemoryUsage u = pool.getType() == MemoryType.HEAP ? usage.apply(pool) : null;
      if (u != null) {
        sum += u.getUsed();
      }
    }
    return sum;
  }

  /**
   * {@link #heapAfterGcBytes} sampled every 20 ms on a thread of its own while a build runs: the most
   * the heap held after a collection.
   */
  private static final class HeapWatch {
    private final Thread thread;
    private long most; // written by the watch thread; read after joining it

    HeapWatch() {
      thread = Thread.ofPlatform().name("heap-watch").daemon().start(this::watch);
    }

    private void watch() {
      while (!Thread.currentThread().isInterrupted()) {
        most = Math.max(most, heapAfterGcBytes());
        try {
          Thread.sleep(20);
        } catch (InterruptedException e) {
          return;
        }
      }
    }

    /** Stops the thread and waits for it; returns the most seen, a last sample included. */
    long stop() throws InterruptedIOException {
      thread.interrupt();
      try {
        thread.join();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new InterruptedIOException("interrupted while stopping the heap watch");
      }
      return Math.max(most, heapAfterGcBytes());
    }
  }

  /** VmHWM of this process from /proc (Linux), in KiB; 0 elsewhere. */
  static long peakRssKb() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
        if (line.startsWith("VmHWM:")) {
          return Long.parseLong(line.replaceAll("[^0-9]", ""));
        }
      }
    } catch (IOException | NumberFormatException e) {
      return 0;
    }
    return 0;
  }
}
