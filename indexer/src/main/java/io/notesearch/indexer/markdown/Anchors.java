package io.notesearch.indexer.markdown;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * GitHub-style heading anchors, as github-slugger (GitHub, Gatsby) makes them: lowercase, spaces to
 * {@code -}, punctuation and symbols dropped, letters of every script kept ({@code 파트너} stays),
 * and {@code -1}, {@code -2} appended to repeats within one note. One instance per note.
 */
public final class Anchors {
  private final Map<String, Integer> seen = new HashMap<>();

  /**
   * The unique anchor for a heading of this note.
   *
   * @param heading the heading text as rendered
   */
  public String next(String heading) {
    // github-slugger's loop: a repeat gets the next free "-n" of its base slug.
    String base = slug(heading);
    String slug = base;
    while (seen.containsKey(slug)) {
      int n = seen.merge(base, 1, Integer::sum);
      slug = base + "-" + n;
    }
    seen.put(slug, 0);
    return slug;
  }

  /** The anchor of a heading, without the repeat suffix. */
  public static String slug(String heading) {
    String lower = heading.toLowerCase(Locale.ROOT);
    StringBuilder out = new StringBuilder(lower.length());
    lower.codePoints()
        .forEach(
            cp -> {
              if (cp == ' ') {
                out.append('-');
              } else if (cp == '-' || cp == '_' || Character.isLetterOrDigit(cp) || isMark(cp)) {
                out.appendCodePoint(cp);
              }
            });
    return out.toString();
  }

  private static boolean isMark(int cp) {
    int type = Character.getType(cp);
    return type == Character.NON_SPACING_MARK
        || type == Character.COMBINING_SPACING_MARK
        || type == Character.ENCLOSING_MARK;
  }
}
