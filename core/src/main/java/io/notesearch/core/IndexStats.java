package io.notesearch.core;

/**
 * How much an index holds, as of the commit a searcher sees.
 *
 * <pre>{@code
 * IndexStats stats = searcher.stats();
 * System.out.println(stats.notes() + " notes in " + stats.sections() + " sections");
 * }</pre>
 *
 * @param notes indexed note files
 * @param sections indexed sections (one per heading, plus each note's intro)
 */
public record IndexStats(int notes, int sections) {
  /** Validates. */
  public IndexStats {
    if (notes < 0 || sections < 0) {
      throw new IllegalArgumentException("counts must be >= 0, got [" + notes + ", " + sections + "]");
    }
  }
}
