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
  private final io.notesearch.searcher.NoteSearcher searcher;

  NoteRoute(Context context, NotePaths paths, NoteRenderer renderer, io.notesearch.searcher.NoteSearcher searcher) {
    super(context);
    this.paths = paths;
    this.renderer = renderer;
    this.searcher = searcher;
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
    String indexed = path.substring(NotePaths.PREFIX.length());
    Responses.html(ex, 200, page(note, indexed, backlinks(indexed)), Responses.NOTE_POLICY);
  }

  /** The sections that link to the note, for the list under it; none when the backend keeps no links. */
  private java.util.List<io.notesearch.core.NoteLinks.Link> backlinks(String path) {
    try {
      return searcher.links(path).backlinks();
    } catch (UnsupportedOperationException | IllegalArgumentException | io.notesearch.core.NoteIndexException e) {
      return java.util.List.of();
    }
  }

  /** The list of backlinks under a note: each a link to the linking section's page and anchor. */
  static String backlinksHtml(java.util.List<io.notesearch.core.NoteLinks.Link> links) {
    if (links.isEmpty()) {
      return "";
    }
    StringBuilder html = new StringBuilder("<section class=\"backlinks\"><h2>Linked from</h2><ul>\n");
    for (io.notesearch.core.NoteLinks.Link l : links) {
      String url = NotePaths.PREFIX + java.util.Arrays.stream(l.fromPath().split("/", -1))
          .map(s -> java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20"))
          .collect(java.util.stream.Collectors.joining("/")).replaceFirst("^(?!/)", "/")
          + (l.fromAnchor().isEmpty() ? "" : "#" + java.net.URLEncoder.encode(l.fromAnchor(), java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20"));
      java.util.List<String> crumbs = new java.util.ArrayList<>();
      crumbs.add(l.fromTitle());
      crumbs.addAll(l.fromHeadings());
      html.append("<li><a href=\"").append(Responses.escape(url)).append("\">")
          .append(Responses.escape(String.join(" › ", crumbs))).append("</a> <span class=\"path\">")
          .append(Responses.escape(l.fromPath() + ":" + l.fromLine())).append("</span></li>\n");
    }
    return html.append("</ul></section>").toString();
  }

  /** The page around a rendered note: a bar with the way back, the title and the path; the backlinks under it. */
  static String page(RenderedNote note, String path, java.util.List<io.notesearch.core.NoteLinks.Link> backlinks) {
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
        </article>
        %s
        </main>
        <script src="/static/note.js"></script>
        </body>
        </html>
        """.formatted(title, title, Responses.escape(path), note.html(), backlinksHtml(backlinks));
  }
}
