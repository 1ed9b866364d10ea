package io.notesearch.indexer;

/** Told how far an indexing run got; called from the indexing threads, so implementations must be thread-safe. */
@FunctionalInterface
public interface Progress {
  /** Tells nothing. */
  Progress NONE = (done, total, bytes) -> { };

  /**
   * One more note was handled.
   *
   * @param done notes handled so far (indexed, unchanged or skipped)
   * @param total notes found
   * @param bytes bytes of Markdown analysed so far
   */
  void progress(int done, int total, long bytes);
}
