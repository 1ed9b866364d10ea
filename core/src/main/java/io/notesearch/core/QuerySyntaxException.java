package io.notesearch.core;

/** A query that cannot be understood; the message is one line naming the problem. */
public final class QuerySyntaxException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message one line naming the bad part in brackets and what would work
   */
  public QuerySyntaxException(String message) {
    super(message);
  }
}
