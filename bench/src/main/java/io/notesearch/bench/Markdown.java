package io.notesearch.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The Markdown files of a notes folder, as the bench commands read one. */
final class Markdown {
  private Markdown() {}

  /**
   * The {@code .md} files under a folder, at any depth, sorted by path.
   *
   * @param folder a notes folder (a generated one has subfolders of 500 notes)
   * @return the files
   */
  static List<Path> files(Path folder) throws IOException {
    try (Stream<Path> walk = Files.walk(folder)) {
      return walk.filter(p -> p.toString().endsWith(".md")).sorted().toList();
    }
  }
}
