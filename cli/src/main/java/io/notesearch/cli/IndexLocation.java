package io.notesearch.cli;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * Where the index lives: {@code --index}, else {@code $NOTESEARCH_INDEX}, else the user's data
 * folder ({@code $XDG_DATA_HOME/notesearch/index}, {@code ~/.local/share/notesearch/index}, or
 * {@code ~/Library/Application Support/notesearch/index} on macOS).
 */
final class IndexLocation {
  /** Environment variable naming the index folder. */
  static final String ENV = "NOTESEARCH_INDEX";

  private IndexLocation() {}

  /** How the location was chosen: an explicit choice never falls back to the sample notes. */
  record Resolved(Path path, boolean explicit) {}

  static Resolved resolve(Path option, Map<String, String> env, Path cwd) {
    if (option != null) {
      return new Resolved(cwd.resolve(option).normalize(), true);
    }
    String fromEnv = env.get(ENV);
    if (fromEnv != null && !fromEnv.isBlank()) {
      return new Resolved(cwd.resolve(fromEnv).normalize(), true);
    }
    return new Resolved(defaultFolder(env), false);
  }

  /** Fails with a usage error when the index location is a file: no index, and none can be made there. */
  static void checkNotAFile(Path location) {
    if (java.nio.file.Files.exists(location) && !java.nio.file.Files.isDirectory(location)) {
      throw new IllegalArgumentException("the index location is a file, not a folder [" + location + "]");
    }
  }

  /**
   * The user's home: {@code $HOME}, as the launcher, the shell and the XDG rules read it; Java's
   * {@code user.home} comes from the password database, which differs under {@code sudo -E}, in
   * containers and for service users.
   */
  static String home(Map<String, String> env) {
    String home = env.get("HOME");
    return home != null && !home.isBlank() ? home : System.getProperty("user.home");
  }

  static Path defaultFolder(Map<String, String> env) {
    String home = home(env);
    String xdg = env.get("XDG_DATA_HOME");
    if (xdg != null && !xdg.isBlank()) {
      return Path.of(xdg, "notesearch", "index");
    }
    if (System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("mac")) {
      return Path.of(home, "Library", "Application Support", "notesearch", "index");
    }
    return Path.of(home, ".local", "share", "notesearch", "index");
  }
}
