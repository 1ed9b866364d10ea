package io.notesearch.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import picocli.CommandLine;

/**
 * What {@code notesearch --version} prints: the version and commit this build was made from (Maven
 * writes them into {@code version.properties}), the Lucene it searches with, and the Java runtime it
 * runs on, which is the installed archive's own or a JDK the checkout's launcher found.
 */
final class Version implements CommandLine.IVersionProvider {
  private static final Properties BUILD = load();

  private static Properties load() {
    Properties p = new Properties();
    try (InputStream in = Version.class.getResourceAsStream("version.properties")) {
      if (in != null) {
        p.load(in);
      }
    } catch (IOException e) {
      // Then "unknown" below: --version still answers.
    }
    return p;
  }

  /** The notesearch version, e.g. {@code 0.1.0}. */
  static String version() {
    return known(BUILD.getProperty("version"));
  }

  /** The commit the build was made from (abbreviated), or {@code unknown} outside a Git checkout. */
  static String commit() {
    return known(BUILD.getProperty("commit"));
  }

  private static String known(String value) {
    // An unfiltered placeholder (a build from an IDE that skips resource filtering) is not a value.
    return value == null || value.isBlank() || value.startsWith("${") ? "unknown" : value;
  }

  @Override
  public String[] getVersion() {
    return new String[] {
      "notesearch " + version() + " (commit " + commit() + ")",
      "Lucene " + org.apache.lucene.util.Version.LATEST + ", Java " + Runtime.version() + " (" + System.getProperty("java.home") + ")"
    };
  }
}
