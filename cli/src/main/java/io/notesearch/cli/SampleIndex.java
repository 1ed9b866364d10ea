package io.notesearch.cli;

import io.notesearch.core.NoteIndexException;
import io.notesearch.core.UserFiles;
import io.notesearch.indexer.IndexMode;
import io.notesearch.indexer.NoteIndexer;
import io.notesearch.searcher.NoteSearcher;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import java.util.stream.Stream;

/**
 * The index of the bundled sample notes, searched when the user has no index yet, kept up to date
 * with them. Bringing it up to date opens an index writer and reads every note (~30 ms of a ~300 ms
 * cold search), so it is skipped while a stamp of what the index was built from still holds: where
 * the notes are, each file's path, size and modification time, the user's analysis files, and the
 * code of this build.
 */
final class SampleIndex {
  /** The stamp's file, in the index folder. */
  static final String STAMP = "sample.stamp";

  private SampleIndex() {}

  /**
   * The sample index, brought up to date with the notes first unless its stamp says it is.
   *
   * @param notes the sample notes folder
   * @param index where their index is kept
   * @param files the user's analysis files, which the index is built with
   * @return the index folder
   * @throws NoteIndexException when there is no index and none can be built
   */
  static Path refreshed(Path notes, Path index, UserFiles files) throws NoteIndexException {
    String stamp = stamp(notes, files);
    String old = read(index);
    if (stamp != null && stamp.equals(old)) {
      return index;
    }
    // An index keeps the notes of every folder it was given: when the sample notes have moved, the
    // old folder's are dropped by building it again.
    boolean moved = stamp != null && old != null && !firstLines(stamp, 2).equals(firstLines(old, 2));
    boolean complete;
    try (NoteIndexer indexer = NoteIndexer.open(index, files)) {
      // A note skipped for a problem that may pass (unreadable right now) is tried again next time.
      complete = indexer.index(List.of(notes), moved ? IndexMode.FULL : IndexMode.DEFAULT).skipped().isEmpty();
    } catch (NoteIndexException e) {
      // Another process is refreshing the sample index right now: search the last commit.
      if (!Files.isDirectory(index)) {
        throw e;
      }
      return index;
    } catch (IOException e) {
      throw new NoteIndexException(NoteIndexException.Reason.DAMAGED, "cannot build the sample index at [" + index + "] (" + e.getMessage() + ")", e);
    }
    if (stamp != null && complete) {
      try {
        // Taken before indexing: a note changed meanwhile makes the next search refresh again.
        Files.writeString(index.resolve(STAMP), stamp, StandardCharsets.UTF_8);
      } catch (IOException e) {
        // Then the next search refreshes again, which is all a missing stamp costs.
      }
    }
    return index;
  }

  /** What the index would be built from, one line per input; null when it cannot be told. */
  static String stamp(Path notes, UserFiles files) {
    StringBuilder out = new StringBuilder("notesearch sample stamp 1\n");
    try {
      // The index keeps absolute paths: a moved checkout must be indexed again.
      out.append("notes ").append(notes.toAbsolutePath().normalize()).append('\n');
      for (Class<?> code : List.of(SampleIndex.class, NoteIndexer.class, NoteSearcher.class)) {
        out.append("code ").append(line(Path.of(code.getProtectionDomain().getCodeSource().getLocation().toURI())));
      }
      out.append("glossary ").append(files.glossary() == null ? "none\n" : line(files.glossary()));
      out.append("dictionary ").append(files.dictionary() == null ? "none\n" : line(files.dictionary()));
      try (Stream<Path> walk = Files.walk(notes)) {
        for (Path p : walk.sorted().toList()) {
          if (Files.isRegularFile(p)) {
            out.append("note ").append(notes.relativize(p)).append(' ').append(line(p));
          }
        }
      }
      return out.toString();
    } catch (IOException | RuntimeException | java.net.URISyntaxException e) {
      return null; // refresh every time, as without a stamp
    }
  }

  private static String firstLines(String text, int n) {
    return String.join("\n", text.lines().limit(n).toList());
  }

  private static String line(Path p) throws IOException {
    BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class);
    return a.size() + " " + a.lastModifiedTime().toMillis() + "\n";
  }

  private static String read(Path index) {
    try {
      return Files.readString(index.resolve(STAMP), StandardCharsets.UTF_8);
    } catch (IOException e) {
      return null;
    }
  }
}
