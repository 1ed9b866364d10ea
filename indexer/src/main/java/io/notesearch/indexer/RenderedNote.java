package io.notesearch.indexer;

import java.util.List;
import java.util.Objects;

/**
 * A note rendered as HTML by {@link NoteRenderer}.
 *
 * <pre>{@code
 * RenderedNote page = new NoteRenderer().render(Path.of(hit.path()));
 * String html = "<h1>" + escape(page.title()) + "</h1>\n" + page.html();
 * }</pre>
 *
 * @param title the note's title (front matter, first heading, or file name), as plain text
 * @param html the note's body as an HTML fragment, front matter left out; the element where a
 *     section starts has the section's anchor as its {@code id} and a {@code data-section} attribute
 * @param anchors the anchors that the fragment carries as ids, in document order
 */
public record RenderedNote(String title, String html, List<String> anchors) {
  /** Validates and copies. */
  public RenderedNote {
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(html, "html");
    anchors = List.copyOf(anchors);
  }
}
