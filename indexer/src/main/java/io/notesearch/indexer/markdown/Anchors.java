package io.notesearch.indexer.markdown;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * GitHub-style heading anchors, as github-slugger (GitHub, Gatsby) makes them: lowercase, spaces to
 * {@code -}, punctuation, symbols and emoji dropped, letters, marks and digits of every script kept
 * ({@code 파트너} stays), and {@code -1}, {@code -2} appended to repeats within one note. One
 * instance per note.
 */
public final class Anchors {
  private final Map<String, Integer> seen = new HashMap<>();

  /**
   * The unique anchor for a heading of this note.
   *
   * @param heading the heading's text content as GitHub renders it (image alt text left out)
   */
  public String next(String heading) {
    return unique(slug(heading));
  }

  /**
   * The unique anchor for an anchor the note gives itself ({@code ## Title {#custom-id}}).
   *
   * @param base the anchor as written
   */
  public String unique(String base) {
    // github-slugger's loop: a repeat gets the next free "-n" of its base slug.
    String slug = base;
    while (seen.containsKey(slug)) {
      int n = seen.merge(base, 1, Integer::sum);
      slug = base + "-" + n;
    }
    seen.put(slug, 0);
    return slug;
  }

  /**
   * The anchor of a heading, without the repeat suffix.
   *
   * @param heading the heading's text content as GitHub renders it (image alt text left out)
   */
  public static String slug(String heading) {
    String lower = heading.toLowerCase(Locale.ROOT);
    StringBuilder out = new StringBuilder(lower.length());
    lower.codePoints()
        .forEach(
            cp -> {
              if (cp == ' ') {
                out.append('-');
              } else if (kept(cp)) {
                out.appendCodePoint(cp);
              }
            });
    return out.toString();
  }

  /**
   * github-slugger's rule: it removes other numbers, punctuation but {@code -} and connectors,
   * symbols, controls, format characters and separators, except where a code point is alphabetic.
   */
  private static boolean kept(int cp) {
    if (cp == '-' || Character.isAlphabetic(cp)) {
      return true;
    }
    return switch (Character.getType(cp)) {
      case Character.UPPERCASE_LETTER, Character.LOWERCASE_LETTER, Character.TITLECASE_LETTER,
          Character.MODIFIER_LETTER, Character.OTHER_LETTER, Character.NON_SPACING_MARK,
          Character.COMBINING_SPACING_MARK, Character.ENCLOSING_MARK, Character.DECIMAL_DIGIT_NUMBER,
          Character.LETTER_NUMBER, Character.CONNECTOR_PUNCTUATION -> true;
      default -> false;
    };
  }
}
