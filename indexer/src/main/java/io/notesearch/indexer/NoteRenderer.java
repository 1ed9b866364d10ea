package io.notesearch.indexer;

import io.notesearch.indexer.markdown.NoteHtml;
import io.notesearch.indexer.markdown.TextDecoder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Renders a note file as HTML, with the same section anchors as its hits: {@code #anchor} of a
 * {@code Hit} is an element id in the page.
 *
 * <p>Thread-safe; make one and share it. The HTML keeps the note's inline HTML as written, so pages
 * that show notes from others should forbid scripts (a Content-Security-Policy does).
 *
 * <pre>{@code
 * NoteRenderer renderer = new NoteRenderer();
 * RenderedNote page = renderer.render(Path.of("notes/aws/lambda.md"));
 * System.out.println(page.title() + ": sections " + page.anchors());
 * }</pre>
 */
public final class NoteRenderer {
  private final NoteHtml html = new NoteHtml();

  /** Creates a renderer; the Markdown parser and HTML renderer are built once, here. */
  public NoteRenderer() {}

  /**
   * Reads and renders a note file (UTF-8, or legacy Korean CP949).
   *
   * @param file the note
   * @return the note's title and HTML
   * @throws IOException when the file cannot be read or is not text
   */
  public RenderedNote render(Path file) throws IOException {
    Objects.requireNonNull(file, "file");
    byte[] content = Files.readAllBytes(file);
    String text;
    try {
      text = TextDecoder.decode(content).text();
    } catch (TextDecoder.NotTextException e) {
      throw new IOException("cannot render [" + file + "]: " + e.getMessage(), e);
    }
    return render(text, file);
  }

  /**
   * Renders a note's text.
   *
   * @param text the note's Markdown
   * @param file the note's file, for the title when nothing else names the note
   * @return the note's title and HTML
   */
  public RenderedNote render(String text, Path file) {
    Objects.requireNonNull(text, "text");
    NoteHtml.Rendered r = html.render(text, file);
    return new RenderedNote(r.note().title(), r.html(), r.anchors());
  }
}
