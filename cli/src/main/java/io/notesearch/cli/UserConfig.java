package io.notesearch.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * The user's own analysis files: a glossary that extends the shipped one. Found at {@code
 * $NOTESEARCH_GLOSSARY}, else {@code $XDG_CONFIG_HOME/notesearch/glossary.txt}, else {@code
 * ~/.config/notesearch/glossary.txt}; absent is fine.
 */
final class UserConfig {
  /** Environment variable naming the user's glossary file. */
  static final String GLOSSARY_ENV = "NOTESEARCH_GLOSSARY";

  private UserConfig() {}

  /** The user's glossary file, or null when there is none. */
  static Path glossary(Map<String, String> env) {
    String named = env.get(GLOSSARY_ENV);
    if (named != null && !named.isBlank()) {
      Path p = Path.of(named);
      if (!Files.isRegularFile(p)) {
        throw new IllegalArgumentException("no glossary file at [" + p + "] (from $" + GLOSSARY_ENV + ")");
      }
      return p;
    }
    Path p = configFolder(env).resolve("glossary.txt");
    return Files.isRegularFile(p) ? p : null;
  }

  static Path configFolder(Map<String, String> env) {
    String xdg = env.get("XDG_CONFIG_HOME");
    if (xdg != null && !xdg.isBlank()) {
      return Path.of(xdg, "notesearch");
    }
    return Path.of(System.getProperty("user.home"), ".config", "notesearch");
  }
}
