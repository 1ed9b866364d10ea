package io.notesearch.server;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;

/** {@code GET /} (the search page) and {@code GET /static/NAME}: files from this jar, a fixed list. */
final class StaticRoute extends Route {
  /** The files and their types; nothing else is served from the jar. */
  private static final Map<String, String> TYPES = Map.of(
      "index.html", Responses.HTML,
      "search.js", "text/javascript; charset=utf-8",
      "note.js", "text/javascript; charset=utf-8",
      "notesearch.css", "text/css; charset=utf-8",
      "favicon.svg", "image/svg+xml");

  private final Map<String, byte[]> files = new HashMap<>();

  StaticRoute(Context context) {
    super(context);
    for (String name : TYPES.keySet()) {
      try (InputStream in = StaticRoute.class.getResourceAsStream("static/" + name)) {
        if (in == null) {
          throw new IllegalStateException("static/" + name + " is missing from the notesearch jar");
        }
        files.put(name, in.readAllBytes());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  @Override
  void serve(HttpExchange ex) throws IOException, HttpError {
    String path = ex.getRequestURI().getPath();
    String name = path.equals("/") ? "index.html" : path.startsWith("/static/") ? path.substring("/static/".length()) : null;
    if (name == null || !files.containsKey(name)) {
      throw new HttpError(404, "no such page [" + path + "]");
    }
    // Revalidated on every load: a new notesearch version must not run with an old page.
    Responses.send(ex, 200, TYPES.get(name), files.get(name), "no-cache", Responses.PAGE_POLICY);
  }
}
