package io.notesearch.server;

import com.sun.net.httpserver.HttpExchange;
import io.notesearch.core.IndexStats;
import io.notesearch.searcher.NoteSearcher;
import io.notesearch.server.Json;
import java.io.IOException;

/** {@code GET /health}: {@code {"status":"ok","notes":N,"sections":M}} of the latest commit. */
final class HealthRoute extends Route {
  private final NoteSearcher searcher;

  HealthRoute(Context context, NoteSearcher searcher) {
    super(context);
    this.searcher = searcher;
  }

  @Override
  void serve(HttpExchange ex) throws IOException, HttpError {
    if (!ex.getRequestURI().getPath().equals("/health")) {
      throw new HttpError(404, "no such page [" + ex.getRequestURI().getPath() + "]");
    }
    IndexStats stats = searcher.stats();
    Responses.json(ex, 200, new Json().field("status", "ok").field("notes", stats.notes()).field("sections", stats.sections()).end());
  }
}
