package io.notesearch.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.notesearch.searcher.NoteSearcher;
import io.notesearch.server.NoteServer;
import io.notesearch.server.ServerConfig;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * A bounded load test of the HTTP server on loopback: N clients (20) search for M seconds (20), each
 * sending the judged queries of {@code corpus/judgments.tsv} (Korean, English, mixed, typos) one
 * after another; reports requests per second and latency percentiles, and fails on any error.
 *
 * <p>Not in {@code ./mvnw verify} (surefire runs {@code *Test} only). Run it with:
 *
 * <pre>
 * ./mvnw verify -pl cli -am -Dtest=HttpLoadIT -Dsurefire.failIfNoSpecifiedTests=false
 *     [-Dload.clients=20 -Dload.seconds=20 -Dload.warmup=5]
 * </pre>
 *
 * Clients and server share this JVM and its cores, so the figures are a floor for the server.
 */
class HttpLoadIT {
  private static final int CLIENTS = Integer.getInteger("load.clients", 20);
  private static final int SECONDS = Integer.getInteger("load.seconds", 20);
  private static final int WARMUP = Integer.getInteger("load.warmup", 5);

  /** Per-client results: latencies of the requests it made, and its failures. */
  private record Run(long[] nanos, int count, List<String> errors) {}

  @Test
  void twentyClientsForTwentySecondsWithoutAnError() throws Exception {
    // The judged queries (id, kind, query, note, heading), header line skipped.
    List<String> queries = java.nio.file.Files.readAllLines(CorpusIndex.NOTES.resolveSibling("judgments.tsv")).stream()
        .skip(1).map(line -> line.split("\t")[2]).toList();
    try (NoteSearcher searcher = NoteSearcher.open(CorpusIndex.get());
        NoteServer server = NoteServer.start(ServerConfig.loopback(0), searcher, line -> System.err.println(line))) {
      HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
      load(client, server.port(), queries, WARMUP); // JIT and caches; not counted
      long started = System.nanoTime();
      List<Run> runs = load(client, server.port(), queries, SECONDS);
      double seconds = (System.nanoTime() - started) / 1e9;

      List<String> errors = runs.stream().flatMap(r -> r.errors().stream()).toList();
      int total = runs.stream().mapToInt(Run::count).sum();
      long[] all = new long[total];
      int at = 0;
      for (Run r : runs) {
        System.arraycopy(r.nanos(), 0, all, at, r.count());
        at += r.count();
      }
      Arrays.sort(all);
      String report = String.format(Locale.ROOT,
          "HTTP load: %d clients, %.1f s, %d requests, %d errors: %.0f requests/s; latency p50 %.1f ms, p90 %.1f ms, p99 %.1f ms, max %.1f ms (%d queries from judgments.tsv, server pool %d threads, %d cores)",
          CLIENTS, seconds, total, errors.size(), total / seconds, ms(all, 0.50), ms(all, 0.90), ms(all, 0.99),
          all.length == 0 ? 0 : all[all.length - 1] / 1e6, queries.size(), ServerConfig.defaultThreads(),
          Runtime.getRuntime().availableProcessors());
      System.out.println(report);
      Path target = Path.of(System.getProperty("notesearch.target", "target"));
      Files.createDirectories(target);
      Files.writeString(target.resolve("http-load.txt"), report + "\n", StandardCharsets.UTF_8);
      assertEquals(List.of(), errors.stream().limit(10).toList(), errors.size() + " errors");
      assertTrue(total > CLIENTS, "requests were made: " + total);
    }
  }

  private static double ms(long[] sorted, double quantile) {
    if (sorted.length == 0) {
      return 0;
    }
    int i = (int) Math.ceil(quantile * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, i))] / 1e6;
  }

  private static List<Run> load(HttpClient client, int port, List<String> queries, int seconds) throws Exception {
    long deadline = System.nanoTime() + seconds * 1_000_000_000L;
    AtomicLong next = new AtomicLong();
    ExecutorService pool = Executors.newFixedThreadPool(CLIENTS, Thread.ofPlatform().name("load-client-", 1).factory());
    try {
      List<Future<Run>> futures = new ArrayList<>();
      for (int c = 0; c < CLIENTS; c++) {
        futures.add(pool.submit(() -> client(client, port, queries, next, deadline)));
      }
      List<Run> runs = new ArrayList<>();
      for (Future<Run> f : futures) {
        runs.add(f.get());
      }
      return runs;
    } finally {
      pool.shutdownNow();
    }
  }

  private static Run client(HttpClient client, int port, List<String> queries, AtomicLong next, long deadline) {
    long[] nanos = new long[1 << 16];
    int count = 0;
    List<String> errors = new ArrayList<>();
    while (System.nanoTime() < deadline) {
      String q = queries.get((int) (next.getAndIncrement() % queries.size()));
      URI uri = URI.create("http://127.0.0.1:" + port + "/search?n=10&q=" + URLEncoder.encode(q, StandardCharsets.UTF_8));
      long t0 = System.nanoTime();
      try {
        HttpResponse<String> r = client.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).build(),
            HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        long took = System.nanoTime() - t0;
        if (r.statusCode() != 200 || !r.body().startsWith("{\"hits\":")) {
          errors.add(q + " → " + r.statusCode() + " " + r.body());
        }
        if (count == nanos.length) {
          nanos = Arrays.copyOf(nanos, count * 2);
        }
        nanos[count++] = took;
      } catch (Exception e) {
        errors.add(q + " → " + e);
      }
    }
    return new Run(nanos, count, errors);
  }
}
