package io.notesearch.indexer.internal;

import io.notesearch.indexer.Problem;
import java.io.IOException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Finds the Markdown notes under a folder. Not API. */
final class NoteFiles {
  private NoteFiles() {}

  /** What a walk found. */
  record Found(List<Path> notes, List<Problem> problems) {}

  /**
   * Lists {@code *.md} and {@code *.markdown} files under the roots, skipping hidden folders and
   * {@code node_modules}, following symbolic links but indexing each real file once: under its own
   * path when the walk meets it there, else under the first link that reached it. What the
   * folders' ignore files ignore is not walked ({@link IgnoreFiles}). The roots are absolute and
   * normalised.
   */
  static Found walk(List<Path> roots, IgnoreFiles ignores) throws IOException {
    return walk(roots, ignores, (file, attrs) -> { });
  }

  /** The same, telling {@code onNote} of each note found, with its attributes, as the walk meets it. */
  static Found walk(List<Path> roots, IgnoreFiles ignores, java.util.function.BiConsumer<Path, BasicFileAttributes> onNote)
      throws IOException {
    Map<Path, Path> byRealPath = new LinkedHashMap<>();
    List<Problem> problems = new ArrayList<>();
    for (Path root : roots) {
      Deque<Path> realDirs = new ArrayDeque<>(); // the real path of each folder being walked
      Files.walkFileTree(
          root,
          EnumSet.of(FileVisitOption.FOLLOW_LINKS),
          Integer.MAX_VALUE,
          new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
              String name = dir.getFileName() == null ? "" : dir.getFileName().toString();
              if (!dir.equals(root)
                  && (name.startsWith(".") || name.equals("node_modules") || ignores.ignored(dir, true))) {
                return FileVisitResult.SKIP_SUBTREE;
              }
              try {
                realDirs.push(dir.toRealPath());
              } catch (IOException e) {
                problems.add(new Problem(dir.toString(), "cannot resolve (" + e.getMessage() + ")"));
                return FileVisitResult.SKIP_SUBTREE;
              }
              return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException e) {
              realDirs.pop();
              return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
              if (!isNote(file) || ignores.ignored(file, false)) {
                return FileVisitResult.CONTINUE;
              }
              if (attrs.isSymbolicLink()) {
                // Following it failed: the target is missing or the link points at itself.
                problems.add(new Problem(file.toString(), "broken symbolic link; skipped"));
              } else if (attrs.isRegularFile()) {
                try {
                  // One lstat instead of resolving every component of the path again (realpath).
                  Path real = Files.isSymbolicLink(file) ? file.toRealPath() : realDirs.peek().resolve(file.getFileName());
                  Path path = file.toAbsolutePath().normalize();
                  onNote.accept(path, attrs);
                  Path before = byRealPath.putIfAbsent(real, path);
                  if (before != null && path.equals(real)) {
                    byRealPath.put(real, path);
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
    return new Found(new ArrayList<>(byRealPath.values()), problems);
  }

  static boolean isNote(Path file) {
    Path name = file.getFileName();
    if (name == null) {
      return false;
    }
    String lower = name.toString().toLowerCase(Locale.ROOT);
    return (lower.endsWith(".md") || lower.endsWith(".markdown")) && !lower.startsWith(".");
  }
}
