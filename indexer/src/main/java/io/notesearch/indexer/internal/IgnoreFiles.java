package io.notesearch.indexer.internal;

import io.notesearch.core.glob.IgnoreRules;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The ignore files of a notes folder, read as ripgrep reads them. In each folder, {@code
 * .notesearchignore} beats {@code .ignore}, which beats {@code .gitignore}; a deeper folder's files
 * beat those above it, up through the folders above the indexed one. {@code .gitignore} and {@code
 * .git/info/exclude} count only inside a git work tree, as in git. A folder they ignore is not
 * walked, so nothing inside it can be taken back (git's rule too). Not API.
 */
final class IgnoreFiles {
  /** The files read in each folder, the strongest first. */
  private static final List<String> NAMES = List.of(".notesearchignore", ".ignore", ".gitignore");

  /** Rules that ignore nothing: {@code --no-ignore}. */
  static final IgnoreFiles NONE = new IgnoreFiles(false);

  private final boolean enabled;
  /** Each folder's rules, in {@link #NAMES}' order, then {@code .git/info/exclude} at a work tree's top. */
  private final Map<Path, IgnoreRules[]> byFolder = new ConcurrentHashMap<>();
  /** Whether a folder lies in a git work tree. */
  private final Map<Path, Boolean> inGit = new ConcurrentHashMap<>();

  private IgnoreFiles(boolean enabled) {
    this.enabled = enabled;
  }

  /** Rules read from the folders' ignore files. */
  static IgnoreFiles read() {
    return new IgnoreFiles(true);
  }

  /**
   * Whether a file or folder is ignored.
   *
   * @param path an absolute, normalised path
   * @param directory whether it is a folder
   */
  boolean ignored(Path path, boolean directory) {
    if (!enabled) {
      return false;
    }
    for (Path folder = path.getParent(); folder != null; folder = folder.getParent()) {
      String relative = folder.relativize(path).toString().replace('\\', '/');
      for (IgnoreRules rules : rules(folder)) {
        switch (rules.decide(relative, directory)) {
          case IGNORE -> {
            return true;
          }
          case KEEP -> {
            return false;
          }
          case NONE -> { }
        }
      }
    }
    return false;
  }

  private IgnoreRules[] rules(Path folder) {
    return byFolder.computeIfAbsent(folder, f -> {
      boolean git = inGit(f);
      IgnoreRules[] out = new IgnoreRules[NAMES.size() + 1];
      for (int i = 0; i < NAMES.size(); i++) {
        out[i] = NAMES.get(i).equals(".gitignore") && !git ? IgnoreRules.EMPTY : load(f.resolve(NAMES.get(i)));
      }
      out[NAMES.size()] = Files.exists(f.resolve(".git")) ? load(f.resolve(".git/info/exclude")) : IgnoreRules.EMPTY;
      return out;
    });
  }

  private boolean inGit(Path folder) {
    Boolean known = inGit.get(folder);
    if (known == null) {
      known = Files.exists(folder.resolve(".git")) || (folder.getParent() != null && inGit(folder.getParent()));
      inGit.put(folder, known);
    }
    return known;
  }

  private static IgnoreRules load(Path file) {
    if (!Files.isRegularFile(file)) {
      return IgnoreRules.EMPTY;
    }
    try {
      return IgnoreRules.parse(new String(Files.readAllBytes(file), StandardCharsets.UTF_8));
    } catch (IOException e) {
      return IgnoreRules.EMPTY; // unreadable: as if absent, as git and rg do
    }
  }
}
