package io.notesearch.indexer.markdown;

import io.notesearch.core.schema.SectionRecord.LinkText;
import java.util.List;
import java.util.Objects;

/**
 * A part of a note that a reader sees under one heading (or bold pseudo-heading).
 *
 * @param headings heading path, outermost first; empty for the text before the first heading
 * @param anchor GitHub-style anchor of the section's own heading, or empty for the intro
 * @param line 1-based line of the file where the section starts
 * @param text prose with HTML removed and entities decoded, code left out
 * @param code the text of the section's code blocks
 * @param linkTexts where the text shows the note names wikilinks give
 */
public record Section(List<String> headings, String anchor, int line, String text, String code, List<LinkText> linkTexts) {
  /** Validates and copies. */
  public Section {
    headings = List.copyOf(headings);
    Objects.requireNonNull(anchor, "anchor");
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(code, "code");
    linkTexts = List.copyOf(linkTexts);
  }

  /** A section whose text shows no wikilink. */
  public Section(List<String> headings, String anchor, int line, String text, String code) {
    this(headings, anchor, line, text, code, List.of());
  }

  /** The section's own heading, or empty for the intro. */
  public String heading() {
    return headings.isEmpty() ? "" : headings.getLast();
  }
}
