package io.notesearch.core.schema;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * One section of a note, as the indexer hands it to the index: the unit that search ranks.
 *
 * @param path absolute path of the note file
 * @param noteHash content hash (and file stamp) of the whole note file, for incremental indexing
 * @param title the note's title (front matter, first heading, or file name)
 * @param aliases the note's other names (front matter {@code aliases}), searched like its title
 * @param headings heading path of this section, outermost first; empty for the text before the
 *     first heading
 * @param anchor GitHub-style anchor of the section's heading, without {@code #}; empty for the intro
 * @param line 1-based line of the file where the section starts
 * @param text the section's prose: HTML removed, entities decoded, code left out
 * @param code the section's code blocks
 * @param tags the note's tags
 * @param categories the note's categories, in front matter order (usually one or none)
 * @param date the note's date, or null when it has none
 * @param draft whether the note is a draft
 * @param description the note's front matter description, or empty
 * @param dateSource where the date came from: {@code front matter}, {@code file name}, {@code folders},
 *     or empty when there is none
 * @param modified the file's modification time in epoch milliseconds, or -1 when unknown
 * @param links what this section's links point to ({@link IndexSchema#pathLink}, {@link IndexSchema#nameLink})
 * @param noteKeys the names a link to this note may give ({@link IndexSchema#LINK_KEY}): its file
 *     name (and its folder's for an {@code index.md}), slug and aliases; links by path and by title
 *     are matched against its path and {@link IndexSchema#TITLE_KEY}
 * @param linkTexts where {@code text} shows the name of a note a wikilink gives ({@code [[git]]}),
 *     for hits to show the note's title there instead
 */
public record SectionRecord(
    String path,
    String noteHash,
    String title,
    List<String> aliases,
    List<String> headings,
    String anchor,
    int line,
    String text,
    String code,
    List<String> tags,
    List<String> categories,
    LocalDate date,
    boolean draft,
    String description,
    String dateSource,
    long modified,
    List<String> links,
    List<String> noteKeys,
    List<LinkText> linkTexts) {

  /**
   * A note's name as a wikilink shows it in the section's text: {@code text.substring(start, end)}
   * names the note {@code key} reaches.
   *
   * @param start the first char's offset in the text
   * @param end the offset after the last char
   * @param key the link's {@link IndexSchema#nameLink}
   */
  public record LinkText(int start, int end, String key) {
    /** Validates. */
    public LinkText {
      if (start < 0 || end <= start) {
        throw new IllegalArgumentException("bad span [" + start + ", " + end + ")");
      }
      Objects.requireNonNull(key, "key");
    }
  }

  /** Validates and copies the lists. */
  public SectionRecord {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(noteHash, "noteHash");
    Objects.requireNonNull(title, "title");
    aliases = List.copyOf(aliases);
    headings = List.copyOf(headings);
    Objects.requireNonNull(anchor, "anchor");
    if (line < 1) {
      throw new IllegalArgumentException("line must be >= 1, got [" + line + "]");
    }
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(code, "code");
    tags = List.copyOf(tags);
    categories = List.copyOf(categories);
    Objects.requireNonNull(description, "description");
    Objects.requireNonNull(dateSource, "dateSource");
    links = List.copyOf(links);
    noteKeys = List.copyOf(noteKeys);
    linkTexts = List.copyOf(linkTexts);
    for (LinkText t : linkTexts) {
      if (t.end() > text.length()) {
        throw new IllegalArgumentException("link text [" + t.start() + ", " + t.end() + ") outside a text of "
            + text.length() + " chars");
      }
    }
  }
}
