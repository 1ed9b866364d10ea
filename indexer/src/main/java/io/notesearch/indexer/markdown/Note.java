package io.notesearch.indexer.markdown;

import io.notesearch.core.schema.IndexSchema;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * A parsed note: its front matter and its sections.
 *
 * @param title front matter title, else the first level-1 heading, else the file name
 * @param aliases other names of the note (front matter {@code aliases}), searched like the title
 * @param date the front matter date, or null
 * @param categories the front matter's categories ({@code categories}, else {@code category})
 * @param tags the front matter tags, then the note's inline {@code #tags} (Obsidian)
 * @param description the front matter description, or empty
 * @param draft whether front matter says {@code draft: true}
 * @param slug the front matter slug, or empty
 * @param lang the front matter language ({@code lang}), or empty
 * @param sections the sections in document order
 * @param warnings problems that cost a field but not the note (e.g. an impossible date)
 * @param dateSource where {@code date} came from: {@code front matter}, {@code file name} or {@code
 *     folders}; empty when there is no date
 * @param links what the note's links point to, with their lines ({@link IndexSchema#LINK} keys)
 */
public record Note(
    String title,
    List<String> aliases,
    LocalDate date,
    List<String> categories,
    List<String> tags,
    String description,
    boolean draft,
    String slug,
    String lang,
    List<Section> sections,
    List<String> warnings,
    String dateSource,
    List<Link> links) {
  /**
   * A link to another note.
   *
   * @param line the 1-based line of the file it is on
   * @param target what it points to ({@link IndexSchema#pathLink}, {@link IndexSchema#nameLink})
   */
  public record Link(int line, String target) {}

  /** Validates and copies. */
  public Note {
    Objects.requireNonNull(title, "title");
    aliases = List.copyOf(aliases);
    categories = List.copyOf(categories);
    tags = List.copyOf(tags);
    Objects.requireNonNull(description, "description");
    Objects.requireNonNull(slug, "slug");
    Objects.requireNonNull(lang, "lang");
    sections = List.copyOf(sections);
    warnings = List.copyOf(warnings);
    Objects.requireNonNull(dateSource, "dateSource");
    links = List.copyOf(links);
  }
}
