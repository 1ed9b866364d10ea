package io.notesearch.indexer;

/**
 * How much of the index a run rewrites.
 *
 * <pre>{@code
 * indexer.index(List.of(notes), IndexMode.FULL); // after changing analysis by hand, say
 * }</pre>
 */
public enum IndexMode {
  /** Only notes whose content changed, plus removals (the default). */
  INCREMENTAL,
  /** Everything, from scratch. */
  FULL;

  /** The mode used unless asked otherwise. */
  public static final IndexMode DEFAULT = INCREMENTAL;
}
