package io.notesearch.searcher;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * The answer to one {@link SearchRequest}.
 *
 * @param hits the page of hits asked for, best first
 * @param total how many sections matched (before the per-note cap and paging)
 * @param matching how the query words had to match to find these hits
 * @param took time spent searching and highlighting
 */
public record SearchResult(List<Hit> hits, long total, Matching matching, Duration took) {

  /** How many of the query's words a section had to contain. */
  public enum Matching {
    /** Every word (the default). */
    ALL_WORDS,
    /** Any word: used when no section has them all. */
    ANY_WORD
  }

  /** Validates and copies. */
  public SearchResult {
    hits = List.copyOf(hits);
    Objects.requireNonNull(matching, "matching");
    Objects.requireNonNull(took, "took");
  }
}
