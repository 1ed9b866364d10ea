package io.notesearch.cli;

/** What {@code notesearch} exits with; scripts rely on these, so they never change meaning. */
public final class ExitCodes {
  /** Success; for search, at least one hit. */
  public static final int OK = 0;

  /** The search ran and found nothing. */
  public static final int NO_HITS = 1;

  /** Bad usage or bad input: an unknown option, a missing folder, a query that cannot be read. */
  public static final int USAGE = 2;

  /** The index is missing, locked, damaged or unwritable. */
  public static final int INDEX = 3;

  /** A bug: something notesearch did not expect. Reported in one line; never a stack trace. */
  public static final int INTERNAL = 4;

  private ExitCodes() {}
}
