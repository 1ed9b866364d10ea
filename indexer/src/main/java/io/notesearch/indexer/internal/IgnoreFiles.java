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
  /**
   * For each folder, the rules that apply inside it, the deepest first: its own files in {@link
   * #NAMES}' order, then {@code .git/info/exclude} at a work tree's top, then its parent's chain.
   * Empty for most folders of most notes folders, so most files cost one map lookup.
   */
  private final Map<Path, List<Layer>> chains = new ConcurrentHashMap<>();
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
    Path parent = path.getParent();
    if (parent == null) {
      return false;
    }
    for (Layer layer : chain(parent)) {
      String relative = layer.folder().relativize(path).toString().replace('\\', '/');
      switch (layer.rules().decide(relative, directory)) {
        case IGNORE -> {
          return true;
        }
        case KEEP -> {
          return false;
        }
        case NONE -> { }
      }
    }
    return false;
  }

  /** One ignore file's rules and the folder its patterns are relative to. */
  private record Layer(Path folder, IgnoreRules rules) {}

  private List<Layer> chain(Path folder) {
    List<Layer> known = chains.get(folder);
    if (known != null) {
      return known;
    }
    List<Layer> out = new java.util.ArrayList<>();
    boolean git = inGit(folder);
    for (String name : NAMES) {
      IgnoreRules rules = name.equals(".gitignore") && !git ? IgnoreRules.EMPTY : load(folder.resolve(name));
      if (!rules.isEmpty()) {
        out.add(new Layer(folder, rules));
      }
    }
    if (Files.exists(folder.resolve(".git"))) {
      IgnoreRules exclude = load(folder.resolve(".git/info/exclude"));
      if (!exclude.isEmpty()) {
        out.add(new Layer(folder, exclude));
      }
    }
    if (folder.getParent() != null) {
      out.addAll(chain(folder.getParent()));
    }
    List<Layer> chain = List.copyOf(out);
    chains.put(folder, chain);
    return chain;
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
