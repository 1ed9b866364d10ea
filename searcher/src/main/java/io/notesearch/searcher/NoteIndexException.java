package io.notesearch.searcher;

import java.io.IOException;

/**
 * The index cannot be opened or read: missing, not a notesearch index, or damaged. Its message is
 * one line that names the index folder and what to do.
 *
 * <pre>{@code
 * try (NoteSearcher searcher = NoteSearcher.open(index)) {
 *   ...
 * } catch (NoteIndexException e) {
 *   System.err.println(e.getMessage()); // "no index at [/home/me/index]: run `notesearch index DIR` first"
 * }
 * }</pre>
 */
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
