package io.notesearch.core.glob;

import java.util.ArrayList;
import java.util.List;

/**
 * The patterns of one ignore file ({@code .gitignore}, {@code .ignore}, {@code .notesearchignore}),
 * in file order: the last pattern that matches a path decides, and a negated one ({@code !keep.md})
 * takes the path back.
 *
 * @param globs the patterns, blank lines and comments left out
 */
public record IgnoreRules(List<Glob> globs) {
  /** What the rules say of a path. */
  public enum Decision {
    /** No pattern matches: a file further up, or the default, decides. */
    NONE,
    /** The last matching pattern ignores the path. */
    IGNORE,
    /** The last matching pattern is negated: the path is kept. */
    KEEP
  }

  /** Rules without patterns. */
  public static final IgnoreRules EMPTY = new IgnoreRules(List.of());

  /** Copies the list. */
  public IgnoreRules {
    globs = List.copyOf(globs);
  }

  /**
   * Reads an ignore file's text.
   *
   * @param text the file's text
   * @return its rules
   */
  public static IgnoreRules parse(String text) {
    List<Glob> globs = new ArrayList<>();
    for (String line : text.split("\n", -1)) {
      Glob g = Glob.parse(line);
      if (g != null) {
        globs.add(g);
      }
    }
    return new IgnoreRules(globs);
  }

  /**
   * Whether these rules ignore a path.
   *
   * @param relative the path relative to the folder of the ignore file, {@code /}-separated
   * @param directory whether the path is a folder
   * @return the last matching pattern's decision
   */
  public Decision decide(String relative, boolean directory) {
    Glob g = Glob.lastMatch(globs, relative, directory);
    return g == null ? Decision.NONE : g.negated() ? Decision.KEEP : Decision.IGNORE;
  }

  /** {@return whether there are no patterns} */
  public boolean isEmpty() {
    return globs.isEmpty();
  }
}
