package io.notesearch.core;

import java.util.List;
import java.util.Objects;

/**
 * The best passage of a section, with the ranges that matched the query.
 *
 * <pre>{@code
 * Snippet s = hit.snippet();
 * String terminal = s.render("\u001b[1;31m", "\u001b[0m");
 * for (Snippet.Mark m : s.marks()) {
 *   System.out.println("matched: " + s.text().substring(m.start(), m.end()));
 * }
 * }</pre>
 *
 * @param text the passage, on one line
 * @param marks matched ranges in {@code text}, in order and not overlapping
 */
public record Snippet(String text, List<Mark> marks) {

  /**
   * A matched range of a snippet.
   *
   * @param start index of the first char
   * @param end index after the last char
   */
  public record Mark(int start, int end) {
    /** Validates the range. */
    public Mark {
      if (start < 0 || end < start) {
        throw new IllegalArgumentException("bad mark [" + start + ", " + end + "]");
      }
    }
  }

  /** Validates and copies. */
  public Snippet {
    Objects.requireNonNull(text, "text");
    marks = List.copyOf(marks);
    for (Mark m : marks) {
      if (m.end() > text.length()) {
        throw new IllegalArgumentException("mark [" + m + "] beyond text of length " + text.length());
      }
    }
  }

  /** {@return an empty snippet} */
  public static Snippet empty() {
    return new Snippet("", List.of());
  }

  /**
   * The text with each mark wrapped in the given strings, e.g. {@code render("**", "**")}.
   *
   * @param open what goes before a mark
   * @param close what goes after a mark
   * @return the text with its marks wrapped
   */
  public String render(String open, String close) {
    StringBuilder out = new StringBuilder(text.length() + marks.size() * 8);
    int at = 0;
    for (Mark m : marks) {
      out.append(text, at, m.start()).append(open).append(text, m.start(), m.end()).append(close);
      at = m.end();
    }
    return out.append(text, at, text.length()).toString();
  }
}
