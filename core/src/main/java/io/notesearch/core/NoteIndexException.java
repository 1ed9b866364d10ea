package io.notesearch.core;

import java.io.IOException;
import java.util.Objects;

/**
 * An index (or a collection) that cannot be used: missing, written by another version, damaged,
 * locked by another writer, out of disk space, unreachable. {@link #reason()} says which, so that an
 * application can act on it; the message names the index and the cause, in one line.
 */
public final class NoteIndexException extends IOException {
  private static final long serialVersionUID = 1L;

  /** Why an index cannot be used. */
  public enum Reason {
    /** There is no index at the location (or no collection of that name): build one first. */
    MISSING,
    /** The index was written by another version of notesearch: rebuild it. */
    OLDER_FORMAT,
    /** The index's files are unreadable or corrupt. */
    DAMAGED,
    /** Another process is writing the index. */
    LOCKED,
    /** The disk holding the index is full. */
    DISK_FULL,
    /** The index cannot be written (a read-only folder or file system). */
    READ_ONLY,
    /** A user analysis file (glossary, dictionary) cannot be read. */
    USER_FILE,
    /** The server holding the collection cannot be reached, answers with an error, or does not run notesearch's plugin. */
    UNREACHABLE
  }

  /** Why; never null. */
  private final Reason reason;

  /**
   * Creates the exception.
   *
   * @param reason why the index cannot be used
   * @param message one line naming the index and the cause
   * @param cause the underlying exception, or null
   */
  public NoteIndexException(Reason reason, String message, Throwable cause) {
    super(message, cause);
    this.reason = Objects.requireNonNull(reason, "reason");
  }

  /** {@return why the index cannot be used} */
  public Reason reason() {
    return reason;
  }
}
