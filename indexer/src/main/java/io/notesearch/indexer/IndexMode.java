package io.notesearch.indexer;

/** How much of the index a run rewrites. */
public enum IndexMode {
  /** Only notes whose content changed, plus removals (the default). */
  INCREMENTAL,
  /** Everything, from scratch. */
  FULL;

  /** The mode used unless asked otherwise. */
  public static final IndexMode DEFAULT = INCREMENTAL;
}
