package io.notesearch.indexer.markdown;

/** Thrown when a note cannot be turned into sections at all; the message says why in one line. */
public final class NoteParseException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message why the note cannot be parsed, for the indexing report
   * @param cause what the Markdown parser threw
   */
  public NoteParseException(String message, Throwable cause) {
    super(message, cause);
  }
}
