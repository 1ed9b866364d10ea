package io.notesearch.searcher;

import java.io.IOException;

/** The index cannot be opened or read: missing, not a notesearch index, or damaged. */
public final class NoteIndexException extends IOException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message one line naming the index path and what to do
   * @param cause the underlying failure, or null
   */
  public NoteIndexException(String message, Throwable cause) {
    super(message, cause);
  }
}
