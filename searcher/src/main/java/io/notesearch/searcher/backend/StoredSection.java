package io.notesearch.searcher.backend;

import io.notesearch.core.schema.SectionRecord.LinkText;
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
 * @param linkTexts where the body shows the note names wikilinks give, sorted by offset; empty
 *     when the body was not read
 */
public record StoredSection(String path, int line, String title, List<String> headings, String anchor,
    List<String> tags, List<String> categories, LocalDate date, String body, String dateSource, long modified,
    List<LinkText> linkTexts) {
  /** Copies the lists. */
  public StoredSection {
    headings = List.copyOf(headings);
    tags = List.copyOf(tags);
    categories = List.copyOf(categories);
    linkTexts = List.copyOf(linkTexts);
  }

  /** {@return the link texts of stored {@link io.notesearch.core.schema.IndexSchema#LINK_TEXT} values, sorted by offset} */
  public static List<LinkText> linkTexts(java.util.Collection<?> stored) {
    if (stored == null || stored.isEmpty()) {
      return List.of();
    }
    return stored.stream().map(v -> io.notesearch.core.schema.IndexSchema.linkText(v.toString()))
        .filter(java.util.Objects::nonNull).sorted(java.util.Comparator.comparingInt(LinkText::start)).toList();
  }
}
