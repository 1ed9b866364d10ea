package io.notesearch.server;

import com.sun.net.httpserver.HttpExchange;
import io.notesearch.indexer.NoteRenderer;
import io.notesearch.indexer.RenderedNote;
import java.io.IOException;
import java.nio.file.Path;

/**
 * {@code GET /notes/{path}}: the note as an HTML page whose section ids are the hits' anchors, so
 * {@code /notes/{path}#anchor} opens at the section and highlights it; and the images a note shows
 * by a relative path, from the notes folder.
 */
final class NoteRoute extends Route {
  private final NotePaths paths;
  private final NoteRenderer renderer;

  NoteRoute(Context context, NotePaths paths, NoteRenderer renderer) {
    super(context);
    this.paths = paths;
    this.renderer = renderer;
  }

  @Override
  void serve(HttpExchange ex) throws IOException, HttpError {
    String path = ex.getRequestURI().getPath();
    String image = NotePaths.imageType(path);
    if (image != null) {
      // An image the note shows by a relative path; never a script (an SVG opened by itself).
      Responses.send(ex, 200, image, java.nio.file.Files.readAllBytes(paths.image(path)), "no-cache", "default-src 'none'; style-src 'unsafe-inline'");
      return;
    }
    Path file = paths.resolve(path);
    RenderedNote note = renderer.render(file);
    Responses.html(ex, 200, page(note, path.substring(NotePaths.PREFIX.length())), Responses.NOTE_POLICY);
  }

  /** The page around a rendered note: a bar with the way back, the title and the path. */
  static String page(RenderedNote note, String path) {
    String title = Responses.escape(note.title());
    return """
        <!doctype html>
        <html lang="ko">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <meta name="color-scheme" content="light dark">
        <title>%s · notesearch</title>
        <link rel="icon" href="/static/favicon.svg" type="image/svg+xml">
        <link rel="stylesheet" href="/static/notesearch.css">
        </head>
        <body class="note-page">
        <header class="note-head"><a id="notesearch-back" href="/">← search</a><span class="title">%s</span><span class="path">%s</span></header>
        <main><article class="note">
        %s
        </article></main>
        <script src="/static/note.js"></script>
        </body>
        </html>
        """.formatted(title, title, Responses.escape(path), note.html());
  }
}
