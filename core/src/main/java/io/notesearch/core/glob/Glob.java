package io.notesearch.core.glob;

import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One pattern line of a {@code .gitignore}, read the way git reads it (gitignore(5)), and the
 * globs of {@code notesearch search -g}, which ripgrep reads the same way.
 *
 * <ul>
 *   <li>{@code !} in front negates; {@code \!} and {@code \#} stand for the characters themselves.
 *   <li>A trailing {@code /} matches folders only.
 *   <li>A pattern with a {@code /} at its start or in its middle is anchored: it matches the path
 *       from the folder of the file that holds it. Otherwise it matches a name at any depth.
 *   <li>{@code *} and {@code ?} never match {@code /}; {@code [a-z]} and {@code [!a-z]} are
 *       classes; {@code **} matches any folders: {@code **}{@code /x}, {@code x/**}, {@code a/**}{@code /b}.
 *   <li>Trailing spaces are dropped unless escaped with {@code \}.
 * </ul>
 *
 * <p>JGit has this matcher ({@code FastIgnoreRule}), but it would add 3 MB to a release that has
 * no other use for it. {@code GlobTest} pins the patterns case by case, and the indexer's {@code
 * IgnoreFilesTest} checks a whole tree of ignore files against {@code git ls-files}.
 *
 * @param text the pattern as written, without the negation
 * @param negated whether the line starts with {@code !}: a match then re-includes the path
 * @param directoryOnly whether the pattern ends with {@code /}
 * @param anchored whether the pattern is matched against the whole path, not only the name
 * @param regex the pattern as a regular expression over a {@code /}-separated relative path
 */
public record Glob(String text, boolean negated, boolean directoryOnly, boolean anchored, Pattern regex) {
  /** Checks the components. */
  public Glob {
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(regex, "regex");
  }

  /**
   * Reads one line of an ignore file, or one {@code -g} argument.
   *
   * @param line the line
   * @return the pattern, or null for a blank line or a comment
   */
  public static Glob parse(String line) {
    String s = stripTrailingSpaces(line);
    if (s.isEmpty() || s.startsWith("#")) {
      return null;
    }
    boolean negated = false;
    if (s.startsWith("!")) {
      negated = true;
      s = s.substring(1);
    } else if (s.startsWith("\\!") || s.startsWith("\\#")) {
      s = s.substring(1);
    }
    boolean directoryOnly = false;
    while (s.endsWith("/") && !s.endsWith("\\/")) {
      directoryOnly = true;
      s = s.substring(0, s.length() - 1);
    }
    if (s.isEmpty()) {
      return null;
    }
    boolean anchored = s.indexOf('/') >= 0;
    if (s.startsWith("/")) {
      s = s.substring(1);
    }
    if (s.startsWith("**/")) {
      // "**/x" matches x at any depth: the same as an unanchored "x" when x has no further slash.
      anchored = true;
    }
    return new Glob(s, negated, directoryOnly, anchored, Pattern.compile(toRegex(s), Pattern.DOTALL));
  }

  /**
   * Whether the pattern matches a path, ignoring negation.
   *
   * @param relative the path relative to the pattern's folder, {@code /}-separated, no leading {@code /}
   * @param directory whether the path is a folder
   * @return whether it matches
   */
  public boolean matches(String relative, boolean directory) {
    if (directoryOnly && !directory) {
      return false;
    }
    if (anchored) {
      return regex.matcher(relative).matches();
    }
    int slash = relative.lastIndexOf('/');
    return regex.matcher(slash < 0 ? relative : relative.substring(slash + 1)).matches();
  }

  /**
   * The pattern of a list that decides for a path: the last that matches it, as gitignore and
   * {@code rg -g} read a list.
   *
   * @param globs the patterns, in file or command-line order
   * @param relative the path, as {@link #matches} takes it
   * @param directory whether the path is a folder
   * @return the deciding pattern, or null when none matches
   */
  public static Glob lastMatch(List<Glob> globs, String relative, boolean directory) {
    for (int i = globs.size() - 1; i >= 0; i--) {
      if (globs.get(i).matches(relative, directory)) {
        return globs.get(i);
      }
    }
    return null;
  }

  private static String stripTrailingSpaces(String line) {
    int end = line.length();
    while (end > 0 && (line.charAt(end - 1) == ' ' || line.charAt(end - 1) == '\r')) {
      if (end >= 2 && line.charAt(end - 2) == '\\' && line.charAt(end - 1) == ' ') {
        break;
      }
      end--;
    }
    return line.substring(0, end);
  }

  /** The pattern as a regular expression, {@code **} handled by whole path components. */
  static String toRegex(String glob) {
    StringBuilder re = new StringBuilder();
    int i = 0;
    int n = glob.length();
    while (i < n) {
      char c = glob.charAt(i);
      if (c == '*' && i + 1 < n && glob.charAt(i + 1) == '*'
          && (i == 0 || glob.charAt(i - 1) == '/')
          && (i + 2 == n || glob.charAt(i + 2) == '/')) {
        if (i + 2 == n) {
          re.append(".*"); // "a/**": everything inside a
          i += 2;
        } else {
          re.append("(?:.*/)?"); // "**/" : zero or more folders
          i += 3;
        }
        continue;
      }
      switch (c) {
        case '*' -> {
          while (i + 1 < n && glob.charAt(i + 1) == '*') {
            i++; // "a**b" is two stars inside a name: the same as one
          }
          re.append("[^/]*");
        }
        case '?' -> re.append("[^/]");
        case '[' -> {
          int end = classEnd(glob, i);
          if (end < 0) {
            re.append("\\[");
          } else {
            re.append(charClass(glob.substring(i + 1, end)));
            i = end;
          }
        }
        case '\\' -> {
          if (i + 1 < n) {
            i++;
            re.append(Pattern.quote(String.valueOf(glob.charAt(i))));
          } else {
            re.append("\\\\");
          }
        }
        default -> re.append(Pattern.quote(String.valueOf(c)));
      }
      i++;
    }
    return re.toString();
  }

  /** Index of the {@code ]} closing the class opened at {@code open}, or -1. */
  private static int classEnd(String glob, int open) {
    int i = open + 1;
    if (i < glob.length() && (glob.charAt(i) == '!' || glob.charAt(i) == '^')) {
      i++;
    }
    if (i < glob.length() && glob.charAt(i) == ']') {
      i++; // "[]]" holds a ']'
    }
    while (i < glob.length()) {
      char c = glob.charAt(i);
      if (c == '\\') {
        i += 2;
        continue;
      }
      if (c == ']') {
        return i;
      }
      i++;
    }
    return -1;
  }

  private static String charClass(String body) {
    // Never '/': a lookahead, since Java's [^…&&…] reads the negation differently across versions.
    StringBuilder re = new StringBuilder("(?:(?!/)[");
    int i = 0;
    if (!body.isEmpty() && (body.charAt(0) == '!' || body.charAt(0) == '^')) {
      re.append('^');
      i = 1;
    }
    for (; i < body.length(); i++) {
      char c = body.charAt(i);
      if (c == '\\' && i + 1 < body.length()) {
        c = body.charAt(++i);
        re.append('\\').append(c);
      } else if (c == '-') {
        re.append('-');
      } else if (Character.isLetterOrDigit(c)) {
        re.append(c);
      } else {
        re.append('\\').append(c);
      }
    }
    return re.append("])").toString();
  }
}
