package io.notesearch.server;

import com.sun.net.httpserver.HttpExchange;
import io.notesearch.core.Hit;
import io.notesearch.core.SearchRequest;
import io.notesearch.core.SearchResult;
import io.notesearch.searcher.NoteSearcher;
import io.notesearch.server.HitJson;
import io.notesearch.server.Json;
import java.io.IOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Set;

/**
 * {@code GET /search?q=&n=&tag=&category=&from=&to=}: hits as {@code search --json} prints them, with
 * the total, the time taken, facet counts and the rewrite (or null).
 */
final class SearchRoute extends Route {
  /** Longest query text accepted, in chars. */
  static final int MAX_QUERY = SearchRequest.MAX_QUERY_LENGTH;

  /** Most hits one request returns. */
  static final int MAX_HITS = 100;

  private static final Set<String> PARAMETERS = Set.of("q", "n", "tag", "category", "from", "to");
  private static final String PARAMETER_LIST = "q, n, tag, category, from, to";

  private final NoteSearcher searcher;

  SearchRoute(Context context, NoteSearcher searcher) {
    super(context);
    this.searcher = searcher;
  }

  @Override
  void serve(HttpExchange ex) throws IOException, HttpError {
    if (!ex.getRequestURI().getPath().equals("/search")) {
      throw new HttpError(404, "no such page [" + ex.getRequestURI().getPath() + "]");
    }
    SearchRequest request = request(QueryString.parse(ex.getRequestURI().getRawQuery()));
    SearchResult result = searcher.search(request);
    Responses.json(ex, 200, json(result));
  }

  /** The search a query string asks for; IllegalArgumentException (400) naming the bad parameter. */
  static SearchRequest request(QueryString params) {
    params.onlyKnown(PARAMETERS, PARAMETER_LIST);
    String q = params.single("q");
    if (q == null || q.isBlank()) {
      throw new IllegalArgumentException("missing query: /search?q=WORDS");
    }
    if (q.length() > MAX_QUERY) {
      throw new IllegalArgumentException("query too long [" + q.length() + " chars]; at most " + MAX_QUERY);
    }
    SearchRequest request = SearchRequest.of(q).withLimit(limit(params.single("n"))).withFacets(true).withExactTotal(true);
    for (String tag : params.all("tag")) {
      if (!tag.isBlank()) {
        request = request.withTag(tag.strip());
      }
    }
    String category = params.single("category");
    if (category != null) {
      request = request.withCategory(category.strip());
    }
    return request.withDates(date("from", params.single("from")), date("to", params.single("to")));
  }

  private static int limit(String n) {
    if (n == null || n.isEmpty()) {
      return SearchRequest.DEFAULT_LIMIT;
    }
    int value;
    try {
      value = Integer.parseInt(n);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("n must be a number 1.." + MAX_HITS + ", got [" + n + "]", e);
    }
    if (value < 1 || value > MAX_HITS) {
      throw new IllegalArgumentException("n must be 1.." + MAX_HITS + ", got [" + n + "]");
    }
    return value;
  }

  private static LocalDate date(String name, String value) {
    if (value == null || value.isEmpty()) {
      return null;
    }
    try {
      return LocalDate.parse(value);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("bad date [" + name + "=" + value + "]; use YYYY-MM-DD", e);
    }
  }

  /** {@code {"hits":[…],"total":N,"took_ms":…,"facets":{…},"rewrite":{…}|null}}. */
  static String json(SearchResult result) {
    StringBuilder hits = new StringBuilder("[");
    for (Hit h : result.hits()) {
      hits.append(hits.length() == 1 ? "" : ",").append(HitJson.hit(h));
    }
    hits.append(']');
    String rewrite = result.rewrite().reason() == SearchResult.Reason.NONE
        ? "null"
        : new Json()
            .field("reason", result.rewrite().reason().name().toLowerCase(Locale.ROOT))
            .field("query", result.rewrite().query())
            .end();
    return new Json()
        .raw("hits", hits.toString())
        .field("total", result.total())
        .field("took_ms", Math.round(result.took().toNanos() / 1_000.0) / 1_000.0)
        .raw("facets", HitJson.facets(result.facets()))
        .raw("rewrite", rewrite)
        .end();
  }
}
