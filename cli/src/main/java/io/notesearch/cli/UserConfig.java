package io.notesearch.cli;

import io.notesearch.core.UserFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * The user's own analysis files, extending the shipped ones: {@code glossary.txt} (synonym groups)
 * and {@code userdict.txt} (Nori user dictionary). Each is found at its environment variable ({@code
 * $NOTESEARCH_GLOSSARY}, {@code $NOTESEARCH_USERDICT}), else in {@code $XDG_CONFIG_HOME/notesearch/},
 * else in {@code ~/.config/notesearch/}; absent is fine.
 */
final class UserConfig {
  /** Environment variable naming the user's glossary file. */
  static final String GLOSSARY_ENV = "NOTESEARCH_GLOSSARY";

  private UserConfig() {}

  /** Environment variable naming the user's Nori dictionary file. */
  static final String DICTIONARY_ENV = "NOTESEARCH_USERDICT";

  /** The user's analysis files (each null when absent). */
  static UserFiles files(Map<String, String> env) {
    return new UserFiles(glossary(env), file(env, DICTIONARY_ENV, "userdict.txt"));
  }

  /** The user's glossary file, or null when there is none. */
  static Path glossary(Map<String, String> env) {
    return file(env, GLOSSARY_ENV, "glossary.txt");
  }

  private static Path file(Map<String, String> env, String variable, String name) {
    String named = env.get(variable);
    if (named != null && !named.isBlank()) {
      Path p = Path.of(named);
      if (!Files.isRegularFile(p)) {
        throw new IllegalArgumentException("no file at [" + p + "] (from $" + variable + ")");
      }
      return p;
    }
    Path p = configFolder(env).resolve(name);
    return Files.isRegularFile(p) ? p : null;
  }

  static Path configFolder(Map<String, String> env) {
    String xdg = env.get("XDG_CONFIG_HOME");
    if (xdg != null && !xdg.isBlank()) {
      return Path.of(xdg, "notesearch");
    }
    return Path.of(IndexLocation.home(env), ".config", "notesearch");
  }

  /**
   * Whether the daemon is turned off: {@code NOTESEARCH_DAEMON=off}, or {@code daemon = off} in
   * {@code notesearch.conf} (the launcher reads the same two).
   */
  static boolean daemonOff(Map<String, String> env) {
    if ("off".equals(env.get("NOTESEARCH_DAEMON"))) {
      return true;
    }
    try {
      for (String line : java.nio.file.Files.readAllLines(configFolder(env).resolve("notesearch.conf"))) {
        if (line.replaceAll("\\s", "").equals("daemon=off")) {
          return true;
        }
      }
    } catch (java.io.IOException | java.io.UncheckedIOException e) {
      // no config file, or an unreadable one: the default
    }
    return false;
  }
}
