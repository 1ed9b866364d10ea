package io.notesearch.cli;

import io.notesearch.searcher.NoteSearcher;
import io.notesearch.searcher.SearchOptions;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Entry point of the {@code notesearch} command. */
public final class Main {
  static {
    // Library warnings (System.Logger, e.g. a Nori cache that cannot be used) print as one line,
    // like the command's own messages; read when the first warning is printed.
    System.setProperty("java.util.logging.SimpleFormatter.format", "notesearch: warning: %5$s%n");
  }

  /**
   * Lucene logs a notice about the incubating vector module on every start; a CLI user cannot act on
   * it. Held in a field because java.util.logging keeps loggers weakly.
   */
  private static final Logger VECTOR_NOTICE = Logger.getLogger("org.apache.lucene.internal.vectorization");

  /**
   * Commands that always analyse text, so load Nori's dictionaries on a thread of their own from the
   * start. Not {@code index}: a run with nothing changed analyses nothing (10k unchanged notes: 438
   * against 530 ms), and it names the dictionaries' cache itself.
   */
  private static final Set<String> ANALYSING = Set.of("search", "related", "eval", "serve", "daemon");

  /** System property by which the launcher names a folder for Nori's decoded dictionaries (its build folder). */
  static final String NORI_CACHE = "notesearch.nori.cache";

  private Main() {}

  /**
   * Runs the command and exits with its code (see {@link ExitCodes}).
   *
   * @param args command-line arguments
   */
  public static void main(String[] args) {
    runAndExit(args);
  }

  /**
   * The command line's model, every subcommand included: what the release build generates the man
   * page and the shell completions from (dist/), so they list what this build accepts.
   *
   * @return picocli's model of {@code notesearch}
   */
  public static picocli.CommandLine commandLine() {
    return Notesearch.described();
  }

  private static void runAndExit(String[] args) {
    VECTOR_NOTICE.setLevel(Level.OFF);
    if (args.length > 0 && ANALYSING.contains(args[0])) {
      String cache = System.getProperty(NORI_CACHE);
      NoteSearcher.preload(SearchOptions.DEFAULT.withNoriCache(cache == null || cache.isBlank() ? null : Path.of(cache)));
    }
    System.exit(
        Notesearch.run(
            args,
            new PrintWriter(System.out, true, StandardCharsets.UTF_8),
            new PrintWriter(System.err, true, StandardCharsets.UTF_8),
            System.getenv()));
  }
}
