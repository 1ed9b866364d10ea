package io.notesearch.bench;

import io.notesearch.bench.QueryTiming.Timed;
import io.notesearch.core.SearchRequest;
import io.notesearch.core.SearchResult;
import io.notesearch.searcher.NoteSearcher;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Where a query set's tail latency comes from, on an existing index: each query's median time (no
 * snippets), grouped by how the searcher rewrote it (spelling, keyboard layout, none), then the
 * slowest queries with the sections each of their words matches alone.
 *
 * <pre>{@code
 * scripts/notesearch-bench queries --index /tmp/querybench-cache/realistic-100000-HASH/index
 * }</pre>
 */
final class QueryProfile {
  private QueryProfile() {}

  static void run(Path index, List<String> queries) throws IOException {
    try (NoteSearcher searcher = NoteSearcher.open(index)) {
      List<String> distinct = new ArrayList<>(new LinkedHashSet<>(queries));
      for (int round = 0; round < 3; round++) { // warm-up: the JIT and the index's pages
        for (String q : distinct) {
          searcher.search(SearchRequest.of(q).withHighlight(false));
        }
      }
      List<Timed> timed = new ArrayList<>(QueryTiming.eachMedian(searcher, distinct));
      Map<SearchResult.Reason, List<Double>> byReason = new TreeMap<>();
      for (Timed t : timed) {
        byReason.computeIfAbsent(t.result().rewrite().reason(), k -> new ArrayList<>()).add(t.millis());
      }
      System.out.println("by rewrite: queries, median, slowest (ms; each query's median of 5, no snippets)");
      for (var e : byReason.entrySet()) {
        double[] ms = e.getValue().stream().mapToDouble(Double::doubleValue).sorted().toArray();
        System.out.printf(Locale.ROOT, "  %-16s %4d  %7.2f  %7.2f%n", e.getKey(), ms.length, Quantiles.at(ms, 1, 2),
            ms[ms.length - 1]);
      }
      long over2 = timed.stream().filter(t -> t.millis() > 2).count();
      System.out.printf(Locale.ROOT, "queries over 2 ms: %d of %d%n", over2, timed.size());
      timed.sort((a, b) -> Double.compare(b.millis(), a.millis()));
      System.out.println("slowest: ms, sections matched (counting stops past 1,000 when skipping pays), query [rewrite];"
          + " sections each word matches alone");
      for (Timed t : timed.subList(0, Math.min(15, timed.size()))) {
        StringBuilder words = new StringBuilder();
        for (String w : t.query().split(" ")) {
          long n = searcher.search(SearchRequest.of(w).withHighlight(false).withExactTotal(true)).total();
          words.append(words.isEmpty() ? "" : ", ").append(w).append(' ').append(n);
        }
        SearchResult.Rewrite rewrite = t.result().rewrite();
        System.out.printf(Locale.ROOT, "  %7.2f  %7d  %s  [%s%s]  (%s)%n", t.millis(), t.result().total(), t.query(),
            rewrite.reason(), rewrite.query().isEmpty() ? "" : " → " + rewrite.query(), words);
      }
    }
  }
}
