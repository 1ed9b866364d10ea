package io.notesearch.bench;

import io.notesearch.core.SearchRequest;
import io.notesearch.core.SearchResult;
import io.notesearch.searcher.NoteSearcher;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;

/** Times searches one query at a time: each the median of a few runs, so that one slow run does not count. */
final class QueryTiming {
  private QueryTiming() {}

  /**
   * A query's median time and what its last run found.
   *
   * @param query the query as typed
   * @param millis the median of its runs, in milliseconds
   * @param result the last run's result (its total and how the searcher rewrote the query)
   */
  record Timed(String query, double millis, SearchResult result) {}

  /** The median of {@code runs} searches of a request. */
  static Timed median(NoteSearcher searcher, SearchRequest request, int runs) throws IOException {
    long[] nanos = new long[runs];
    SearchResult result = null;
    for (int i = 0; i < runs; i++) {
      long t = System.nanoTime();
      result = searcher.search(request);
      nanos[i] = System.nanoTime() - t;
    }
    Arrays.sort(nanos);
    return new Timed(request.query(), Quantiles.at(nanos, 1, 2) / 1e6, result);
  }

  /** Each distinct query of a set, in the set's order: the median of five runs, no snippets. */
  static List<Timed> eachMedian(NoteSearcher searcher, List<String> queries) throws IOException {
    List<Timed> timed = new ArrayList<>();
    for (String q : new LinkedHashSet<>(queries)) {
      timed.add(median(searcher, SearchRequest.of(q).withHighlight(false), 5));
    }
    return timed;
  }
}
