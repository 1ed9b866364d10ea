package io.notesearch.core.glob;

import java.util.ArrayList;
import java.util.List;

/**
 * The {@code -g/--glob} filters of a search, read as ripgrep reads them: {@code 'aws/**'} keeps
 * only the notes it matches (once any such glob is given, a note must match one), {@code
 * '!drafts/**'} or {@code '!drafts'} leaves notes out, and when several match a path, the one given
 * last decides. A folder left out leaves out everything inside it.
 *
 * <p>Paths are relative to the indexed folder that holds the note, {@code /}-separated. Globs are
 * gitignore patterns ({@link Glob}): one without a {@code /} matches a file or folder name at any
 * depth ({@code '*.draft.md'}, {@code '!archive'}).
 *
 * @param globs the globs, in the order given
 */
public record PathGlobs(List<Glob> globs) {
  /** Copies the list. */
  public PathGlobs {
    globs = List.copyOf(globs);
  }

  /**
   * Reads {@code -g} arguments.
   *
   * @param args the globs as given
   * @return the filter
   * @throws IllegalArgumentException for an empty glob
   */
  public static PathGlobs of(List<String> args) {
    List<Glob> out = new ArrayList<>();
    for (String a : args) {
      Glob g = a.startsWith("#") ? null : Glob.parse(a);
      if (g == null) {
        throw new IllegalArgumentException("empty glob [" + a + "]");
      }
      out.add(g);
    }
    return new PathGlobs(out);
  }

  /**
   * Whether a note is searched.
   *
   * @param relative the note's path relative to its indexed folder, {@code /}-separated
   * @return whether the globs keep it
   */
  public boolean keeps(String relative) {
    if (globs.isEmpty()) {
      return true;
    }
    // A folder that a '!' glob matches is left out with everything in it, as rg does not walk it.
    for (int slash = relative.indexOf('/'); slash >= 0; slash = relative.indexOf('/', slash + 1)) {
      Glob last = Glob.lastMatch(globs, relative.substring(0, slash), true);
      if (last != null && last.negated()) {
        return false;
      }
    }
    Glob last = Glob.lastMatch(globs, relative, false);
    if (last != null) {
      return !last.negated();
    }
    return globs.stream().allMatch(Glob::negated);
  }
}
