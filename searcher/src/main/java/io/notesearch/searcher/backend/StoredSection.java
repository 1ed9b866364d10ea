package io.notesearch.searcher.backend;

import java.time.LocalDate;
import java.util.List;

/**
 * What a backend stores of a section for its hit.
 *
 * @param path the note's path
 * @param line the 1-based line the section starts on
 * @param title the note's title
 * @param headings the heading path, outermost first
 * @param anchor the section's anchor, empty for the text before the first heading
 * @param tags the note's tags
 * @param categories the note's categories
 * @param date the note's date, or null
 * @param body the section's text when it was asked for, else null
 * @param dateSource where the date came from, or empty
 * @param modified the file's modification time in epoch milliseconds, or -1 when not kept
 */
public record StoredSection(String path, int line, String title, List<String> headings, String anchor,
    List<String> tags, List<String> categories, LocalDate date, String body, String dateSource, long modified) {
  /** Copies the lists. */
  public StoredSection {
    headings = List.copyOf(headings);
    tags = List.copyOf(tags);
    categories = List.copyOf(categories);
  }
}
