package io.notesearch.core;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * One matching section.
 *
 * <pre>{@code
 * for (Hit hit : searcher.search(SearchRequest.of("로드 밸런서")).hits()) {
 *   String where = hit.path() + ":" + hit.line();                      // open the file here
 *   String link = hit.anchor().isEmpty() ? "" : "#" + hit.anchor();     // or the rendered note here
 *   String crumbs = hit.title() + " › " + String.join(" › ", hit.headings());
 *   String html = hit.snippet().render("<mark>", "</mark>");            // escape the text first in real code
 * }
 * }</pre>
 *
 * @param path absolute path of the note file
 * @param line 1-based line where the section starts
 * @param title the note's title
 * @param headings the section's heading path, outermost first (empty for a note's intro)
 * @param anchor GitHub-style anchor without {@code #} (empty for a note's intro)
 * @param score relevance score; only comparable within one result
 * @param snippet the best passage with matched terms marked
 * @param tags the note's tags
 * @param categories the note's categories, in front matter order (usually one or none)
 * @param date the note's date, or null when the note has none
 * @param matches the words of the section that matched, as they are written there (from the snippet)
 * @param dateSource where the date came from: {@code front matter}, {@code file name} or {@code
 *     folders} ({@code _posts/2016-04-28-title.md}, {@code 2016/04/28.md}); empty without a date, or
 *     when the backend does not keep it
 * @param modified when the note's file was last modified, or null when the backend does not keep it
 */
public record Hit(
    String path,
    int line,
    String title,
    List<String> headings,
    String anchor,
    float score,
    Snippet snippet,
    List<String> tags,
    List<String> categories,
    LocalDate date,
    List<String> matches,
    String dateSource,
    java.time.Instant modified) {

  /** Validates and copies. */
  public Hit {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(title, "title");
    headings = List.copyOf(headings);
    Objects.requireNonNull(anchor, "anchor");
    Objects.requireNonNull(snippet, "snippet");
    tags = List.copyOf(tags);
    categories = List.copyOf(categories);
    matches = List.copyOf(matches);
    Objects.requireNonNull(dateSource, "dateSource");
  }

  /**
   * {@return the note's first category, or empty when it has none}
   */
  public String category() {
    return categories.isEmpty() ? "" : categories.getFirst();
  }
}
