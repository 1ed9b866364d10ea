package io.notesearch.server;

import io.notesearch.indexer.IndexMode;
import io.notesearch.indexer.NoteIndexer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * One index of the bundled notes for the server tests of a test run: built on first use, removed
 * when the JVM exits. Nothing writes to it after that, so tests may share it.
 */
final class CorpusIndex {
  static final Path NOTES = Path.of(System.getProperty("notesearch.corpus", "../corpus")).toAbsolutePath().normalize().resolve("notes");

  private static Path index;

  private CorpusIndex() {}

  static synchronized Path get() {
    if (index == null) {
      try {
        Path dir = Files.createTempDirectory("notesearch-corpus-index");
        Runtime.getRuntime().addShutdownHook(new Thread(() -> delete(dir), "notesearch-test-cleanup"));
        Path built = dir.resolve("index");
        try (NoteIndexer indexer = NoteIndexer.open(built)) {
          indexer.index(List.of(NOTES), IndexMode.FULL);
        }
        index = built;
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return index;
  }

  static void delete(Path dir) {
    try (Stream<Path> walk = Files.walk(dir)) {
      walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // a temp folder left behind is not worth failing a run for
    }
  }
}
