package io.notesearch.bench;

import io.notesearch.core.SearchRequest;
import io.notesearch.indexer.IndexMode;
import io.notesearch.indexer.IndexReport;
import io.notesearch.indexer.NoteIndexer;
import io.notesearch.searcher.NoteSearcher;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.stream.Stream;

/**
 * Indexing and query figures on a generated folder: full build time, notes/s, MB/s, index size over
 * input size, peak RSS, re-index after touching 1% of the notes, and query latency p50/p99.
 *
 * <pre>{@code
 * scripts/bench-index.sh 10000
 * }</pre>
 */
public final class IndexingBench {
  private static final List<String> QUERIES = List.of(
      "로드 밸런서", "EC2 인스턴스", "람다 함수 비용", "S3 버킷", "Kubernetes 클러스터", "보안 그룹 설정", "캐시 트래픽",
      "event loop", "Docker 컨테이너 배포", "파티션 키", "Route 53", "IAM 역할 권한", "closure 스코프", "요금");

  private IndexingBench() {}

  /**
   * {@code NOTES [SEED]}: generates, indexes and queries, printing one line per figure.
   *
   * @param args the number of notes and an optional seed
   */
  public static void main(String[] args) throws IOException {
    run(Integer.parseInt(args[0]), args.length > 1 ? Long.parseLong(args[1]) : 1, null, false, false);
  }

  /**
   * Indexes a generated folder and prints the figures.
   *
   * @param notes notes to generate
   * @param seed the generator's seed
   * @param source a generated folder to copy instead (null: generate), so repeated runs skip generating
   * @param fullOnly stop after the full build (for timing it on one core)
   * @param uniform the worst-case generator ({@link NotesGenerator}) and its queries instead of the realistic one
   */
  static void run(int notes, long seed, Path source, boolean fullOnly, boolean uniform) throws IOException {
    Path work = Files.createTempDirectory("notesearch-bench");
    try {
      measure(notes, seed, source, fullOnly, uniform, work);
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

  private static void measure(int notes, long seed, Path source, boolean fullOnly, boolean uniform, Path work)
      throws IOException {
    List<String> queries = uniform ? QUERIES : RealisticGenerator.measured().queries(7, 200);
    Path folder = work.resolve("notes");
    Path index = work.resolve("index");
    long bytes;
    if (source == null) {
      bytes = uniform ? NotesGenerator.generate(notes, seed, folder)
          : RealisticGenerator.measured().generate(notes, seed, folder, false).bytes();
    } else {
      bytes = copy(source, folder);
      try (Stream<Path> walk = Files.walk(folder)) {
        notes = (int) walk.filter(p -> p.toString().endsWith(".md")).count();
      }
    }
    System.out.printf(Locale.ROOT, "notes: %d, markdown: %.1f MB, threads: %d%n", notes, bytes / 1e6,
        Runtime.getRuntime().availableProcessors());

    IndexReport full;
    long[] liveAfterGc = new long[1];
    Thread watch = Thread.ofPlatform().daemon().start(() -> {
      while (!Thread.currentThread().isInterrupted()) {
        liveAfterGc[0] = Math.max(liveAfterGc[0], heapAfterGcBytes());
        try {
          Thread.sleep(20);
        } catch (InterruptedException e) {
          return;
        }
      }
    });
    try (NoteIndexer indexer = NoteIndexer.open(index)) {
      full = indexer.index(List.of(folder), IndexMode.FULL);
    }
    watch.interrupt();
    double seconds = full.took().toNanos() / 1e9;
    System.out.printf(Locale.ROOT, "full index: %.1f s, %.0f notes/s, %.2f MB/s, %d sections%n",
        seconds, notes / seconds, bytes / 1e6 / seconds, full.sections());
    System.out.printf(Locale.ROOT, "index size / markdown: %.2f%n", (double) size(index) / bytes);
    System.out.printf(Locale.ROOT, "heap while indexing: at most %d MiB in use after a collection, pools' peaks %d MiB"
        + " (max heap %d MiB); peak RSS %d MiB%n", liveAfterGc[0] >> 20, peakHeapBytes() >> 20,
        Runtime.getRuntime().maxMemory() >> 20, peakRssKb() / 1024);
    if (fullOnly) {
      return;
    }

    List<Path> files;
    try (Stream<Path> walk = Files.walk(folder)) {
      files = walk.filter(p -> p.toString().endsWith(".md")).sorted().toList();
    }
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
    System.out.printf(Locale.ROOT, "%s: p50 %.2f ms, p99 %.2f ms%n", name, nanos[runs / 2] / 1e6, nanos[runs * 99 / 100] / 1e6);
  }

  /**
   * The ten slowest queries (median of five runs each, no snippets), with the sections they match and
   * how the searcher rewrote them: where a p99 comes from.
   */
  private static void slowest(NoteSearcher searcher, List<String> queries) throws IOException {
    record Timed(String query, double millis, long total, String rewrite) {}
    List<Timed> timed = new ArrayList<>();
    for (String q : new java.util.LinkedHashSet<>(queries)) {
      long[] nanos = new long[5];
      io.notesearch.core.SearchResult result = null;
      for (int i = 0; i < nanos.length; i++) {
        long t = System.nanoTime();
        result = searcher.search(SearchRequest.of(q).withHighlight(false));
        nanos[i] = System.nanoTime() - t;
      }
      Arrays.sort(nanos);
      timed.add(new Timed(q, nanos[2] / 1e6, result.total(),
          result.rewrite().reason() + (result.rewrite().query().isEmpty() ? "" : " → " + result.rewrite().query())));
    }
    timed.sort((a, b) -> Double.compare(b.millis(), a.millis()));
    System.out.println("slowest queries (median of 5, no snippets; sections matched; rewrite):");
    for (Timed t : timed.subList(0, Math.min(10, timed.size()))) {
      System.out.printf(Locale.ROOT, "  %8.2f ms  %7d  %s  [%s]%n", t.millis(), t.total(), t.query(), t.rewrite());
    }
  }

  /** Copies the Markdown files of a folder tree (the copy gets touched, the source stays as generated). */
  private static long copy(Path from, Path to) throws IOException {
    long bytes = 0;
    try (Stream<Path> walk = Files.walk(from)) {
      for (Path p : walk.filter(f -> f.toString().endsWith(".md")).toList()) {
        Path target = to.resolve(from.relativize(p).toString());
        Files.createDirectories(target.getParent());
        Files.copy(p, target);
        bytes += Files.size(target);
      }
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
    long sum = 0;
    for (java.lang.management.MemoryPoolMXBean pool : java.lang.management.ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == java.lang.management.MemoryType.HEAP && pool.getPeakUsage() != null) {
        sum += pool.getPeakUsage().getUsed();
      }
    }
    return sum;
  }

  /**
   * The heap in use right after the latest collection of each pool, summed: what survives, as
   * against garbage a lazy collector leaves until the heap fills.
   */
  static long heapAfterGcBytes() {
    long sum = 0;
    for (java.lang.management.MemoryPoolMXBean pool : java.lang.management.ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == java.lang.management.MemoryType.HEAP && pool.getCollectionUsage() != null) {
        sum += pool.getCollectionUsage().getUsed();
      }
    }
    return sum;
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
