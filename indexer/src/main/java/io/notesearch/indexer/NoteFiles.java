package io.notesearch.indexer;

import java.io.IOException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Finds the Markdown notes under a folder. Not API. */
final class NoteFiles {
  private NoteFiles() {}

  /** What a walk found. */
  record Found(List<Path> notes, List<Problem> problems) {}

  /**
   * Lists {@code *.md} and {@code *.markdown} files under the roots, skipping hidden folders and
   * {@code node_modules}, following symbolic links but indexing each real file once.
   */
  static Found walk(List<Path> roots) throws IOException {
    Set<Path> seen = new LinkedHashSet<>();
    List<Path> notes = new ArrayList<>();
    List<Problem> problems = new ArrayList<>();
    for (Path root : roots) {
      Files.walkFileTree(
          root,
          EnumSet.of(FileVisitOption.FOLLOW_LINKS),
          Integer.MAX_VALUE,
          new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
              String name = dir.getFileName() == null ? "" : dir.getFileName().toString();
              if (!dir.equals(root) && (name.startsWith(".") || name.equals("node_modules"))) {
                return FileVisitResult.SKIP_SUBTREE;
              }
              return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
              if (attrs.isRegularFile() && isNote(file)) {
                try {
                  if (seen.add(file.toRealPath())) {
                    notes.add(file.toAbsolutePath().normalize());
                  }
                } catch (IOException e) {
                  problems.add(new Problem(file.toString(), "cannot resolve (" + e.getMessage() + ")"));
                }
              }
              return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) {
              String reason =
                  e instanceof FileSystemLoopException
                      ? "symbolic link loop; not followed"
                      : "cannot read (" + e.getClass().getSimpleName() + ")";
              problems.add(new Problem(file.toString(), reason));
              return FileVisitResult.CONTINUE;
            }
          });
    }
    return new Found(notes, problems);
  }

  static boolean isNote(Path file) {
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    return (name.endsWith(".md") || name.endsWith(".markdown")) && !name.startsWith(".");
  }
}
