package io.notesearch.indexer;

import java.util.Objects;

/**
 * A file that was skipped, or indexed with a loss, and why.
 *
 * <pre>{@code
 * for (Problem p : report.warnings()) {
 *   System.err.println(p.path() + ": " + p.reason()); // notes/x.md: not UTF-8; read as CP949
 * }
 * }</pre>
 *
 * @param path the file
 * @param reason one line a user can act on
 */
public record Problem(String path, String reason) {
  /** Validates. */
  public Problem {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(reason, "reason");
  }

  @Override
  public String toString() {
    return path + ": " + reason;
  }
}
