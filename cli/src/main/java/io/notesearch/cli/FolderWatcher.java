package io.notesearch.cli;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Watches folder trees (new subfolders included) and hands over changed paths in batches: a burst of
 * events (an editor's write-to-temp-and-rename) becomes one batch once the folder has been quiet for
 * {@link #QUIET_MILLIS}, or at most {@link #MAX_WAIT_MILLIS} after the first event.
 */
final class FolderWatcher implements AutoCloseable {
  /** Quiet time that ends a batch. */
  static final long QUIET_MILLIS = 200;

  /** How often, without events, the watch checks that its roots are still where they were. */
  static final long ROOT_CHECK_MILLIS = 1_000;

  /** Longest a batch waits for quiet, so a steady stream of changes still gets indexed. */
  static final long MAX_WAIT_MILLIS = 800;

  private final WatchService service;
  private final Map<WatchKey, Path> keys = new HashMap<>();
  private final List<Path> roots;

  FolderWatcher(List<Path> roots) throws IOException {
    this.roots = roots;
    this.service = FileSystems.getDefault().newWatchService();
    for (Path root : roots) {
      registerTree(root);
    }
  }

  /** The next batch of changed paths; blocks until there is one. Empty when the watch ended. */
  Set<Path> next() throws InterruptedException {
    Set<Path> changed = new LinkedHashSet<>();
    try {
      WatchKey key = service.poll(ROOT_CHECK_MILLIS, TimeUnit.MILLISECONDS);
      // A root renamed or moved away sends no event of its own (its inode lives on): look for it
      // every second, so that the watch ends as soon as a root is gone.
      while (key == null) {
        if (!rootsExist()) {
          return Set.of();
        }
        key = service.poll(ROOT_CHECK_MILLIS, TimeUnit.MILLISECONDS);
      }
      long first = System.nanoTime();
      while (key != null) {
        collect(key, changed);
        long waited = (System.nanoTime() - first) / 1_000_000;
        if (waited >= MAX_WAIT_MILLIS) {
          break;
        }
        key = service.poll(Math.min(QUIET_MILLIS, MAX_WAIT_MILLIS - waited), TimeUnit.MILLISECONDS);
      }
    } catch (ClosedWatchServiceException e) {
      return Set.of();
    }
    return changed;
  }

  /** Whether every watched root still exists. */
  boolean rootsExist() {
    return roots.stream().allMatch(Files::isDirectory);
  }

  private void collect(WatchKey key, Set<Path> changed) {
    Path dir = keys.get(key);
    for (WatchEvent<?> event : key.pollEvents()) {
      if (event.kind() == StandardWatchEventKinds.OVERFLOW || dir == null) {
        changed.addAll(roots); // events were lost: look at everything
        continue;
      }
      Path path = dir.resolve((Path) event.context());
      changed.add(path);
      if (event.kind() == StandardWatchEventKinds.ENTRY_CREATE && Files.isDirectory(path)) {
        try {
          registerTree(path);
        } catch (IOException ignored) {
          // gone again already; the next batch sees it
        }
      }
    }
    if (!key.reset()) {
      keys.remove(key);
    }
  }

  private void registerTree(Path root) throws IOException {
    Files.walkFileTree(root, new SimpleFileVisitor<>() {
      @Override
      public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
        String name = dir.getFileName() == null ? "" : dir.getFileName().toString();
        if (!dir.equals(root) && (name.startsWith(".") || name.equals("node_modules")) || hiddenBelowWatchedRoot(dir)) {
          return FileVisitResult.SKIP_SUBTREE;
        }
        keys.put(dir.register(service, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_DELETE,
            StandardWatchEventKinds.ENTRY_MODIFY), dir);
        return FileVisitResult.CONTINUE;
      }
    });
  }

  /** A new folder created inside a hidden folder or node_modules of a watched root is not watched. */
  private boolean hiddenBelowWatchedRoot(Path dir) {
    for (Path root : roots) {
      if (dir.startsWith(root) && !dir.equals(root)) {
        for (Path part : root.relativize(dir)) {
          String name = part.toString();
          if (name.startsWith(".") || name.equals("node_modules")) {
            return true;
          }
        }
      }
    }
    return false;
  }

  @Override
  public void close() throws IOException {
    service.close();
  }
}
