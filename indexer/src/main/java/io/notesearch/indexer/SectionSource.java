package io.notesearch.indexer;

import java.util.List;
import java.util.Objects;

/**
 * One section of a note as its file has it: the Markdown a reader wrote, from the section's first
 * line to the line before the next section's.
 *
 * @param path the note's file, absolute
 * @param title the note's title (front matter, first heading, or file name)
 * @param headings the section's heading path, outermost first (empty for the text before a note's
 *     first heading)
 * @param anchor the section's GitHub-style anchor, as hits give it (empty for the text before the
 *     first heading)
 * @param line the 1-based line the section starts on
 * @param endLine the 1-based last line of the section, blank lines at its end left out
 * @param markdown lines {@code line} to {@code endLine} of the file, joined by {@code \n}
 */
public record SectionSource(String path, String title, List<String> headings, String anchor, int line, int endLine, String markdown) {
  /** Validates and copies. */
  public SectionSource {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(title, "title");
    headings = List.copyOf(headings);
    Objects.requireNonNull(anchor, "anchor");
    Objects.requireNonNull(markdown, "markdown");
    if (line < 1 || endLine < line - 1) {
      throw new IllegalArgumentException("lines [" + line + ", " + endLine + "]");
    }
  }
}
