package io.notesearch.searcher.internal;

import io.notesearch.searcher.SearchRequest;
import io.notesearch.searcher.SearchResult;
import io.notesearch.searcher.analysis.Hangul;

/**
 * Other readings of a query of plain words that finds little: typed with the other keyboard input
 * mode, misspelt, or its last word still being typed. One decision for both searchers (the local
 * index and the Solr edition), which differ only in how a query is run and where corrections come
 * from. Not API.
 */
public final class Rewrites {
  /** At most this many hits and a query may have been mistyped: only then are other readings tried. */
  public static final int FEW_HITS = 3;

  private Rewrites() {}

  /**
   * How a searcher runs one reading of a query.
   *
   * @param <A> the searcher's record of a run
   * @param <E> what its runs throw
   */
  public interface Runs<A, E extends Exception> {
    /**
     * Runs a query: every word, then any word when that finds nothing and {@code plainWords}.
     *
     * @return the run, or null when the query has no searchable word
     */
    A attempt(SearchRequest request, boolean plainWords) throws E;

    /** {@return how many sections the run found} */
    long total(A attempt);

    /** {@return whether the run required every word (not the any-word fallback)} */
    boolean allWords(A attempt);

    /** {@return the cleaned query with its unknown words corrected, or null} */
    String correct(String cleaned) throws E;
  }

  /**
   * The run to show and the rewrite that led to it.
   *
   * @param attempt the run (null when the query had no searchable word)
   * @param rewrite what was searched instead, or {@link SearchResult.Rewrite#NONE}
   * @param <A> the searcher's record of a run
   */
  public record Outcome<A>(A attempt, SearchResult.Rewrite rewrite) {}

  /**
   * Tries the other readings of a query that found little, in order: the other input mode, spelling
   * corrections, the last word completed. The first that finds more is kept.
   *
   * @param request the request as made
   * @param first its run
   * @param plainWords whether the query is plain words (no operators): only those are rewritten
   * @param evenWhenAnyWord also when the any-word fallback found many (the local index; Solr
   *     corrects from one shard's vocabulary, which must not decide a query that found plenty)
   * @param runs how the searcher runs a query
   */
  public static <A, E extends Exception> Outcome<A> apply(SearchRequest request, A first, boolean plainWords,
      boolean evenWhenAnyWord, Runs<A, E> runs) throws E {
    A attempt = first;
    if (attempt == null || !plainWords
        || !(runs.total(attempt) <= FEW_HITS || (evenWhenAnyWord && !runs.allWords(attempt)))) {
      return new Outcome<>(attempt, SearchResult.Rewrite.NONE);
    }
    String cleaned = QueryPlanner.clean(request.query());
    // Typed with the wrong input mode? Searched the other way, it finds far more.
    String switched = Hangul.switchLayout(cleaned);
    if (looksTyped(switched)) {
      A other = runs.attempt(request.withQuery(switched), true);
      long typed = runs.allWords(attempt) ? runs.total(attempt) : 0;
      if (other != null && runs.allWords(other) && runs.total(other) > 0 && (typed == 0 || runs.total(other) > 4 * typed)) {
        return new Outcome<>(other, new SearchResult.Rewrite(SearchResult.Reason.KEYBOARD_LAYOUT, switched));
      }
    }
    if (runs.total(attempt) > 0 && runs.allWords(attempt)) {
      return new Outcome<>(attempt, SearchResult.Rewrite.NONE);
    }
    // Not every word is in the index: a misspelling? Corrected, every word may match.
    String corrected = runs.correct(cleaned);
    if (corrected != null) {
      A fixed = runs.attempt(request.withQuery(corrected), true);
      // Taken only when it matches every word (or the words as typed found nothing): an English
      // word the notes lack is "corrected" to a near one (order → older) as well.
      if (fixed != null && runs.total(fixed) > 0 && (runs.allWords(fixed) || runs.total(attempt) == 0)) {
        return new Outcome<>(fixed, new SearchResult.Rewrite(SearchResult.Reason.SPELLING, corrected));
      }
    }
    // The last word not finished (the search page searches as it is typed): words starting with
    // it, every other word still required. Taken only when that matches.
    String completed = QueryPlanner.completeLastWord(cleaned);
    if (completed != null) {
      A done = runs.attempt(request.withQuery(completed), false);
      if (done != null && runs.total(done) > 0) {
        return new Outcome<>(done, new SearchResult.Rewrite(SearchResult.Reason.COMPLETION, completed));
      }
    }
    return new Outcome<>(attempt, SearchResult.Rewrite.NONE);
  }

  /** Whether a layout-switched query is what a person would type: whole syllables, or Latin words. */
  static boolean looksTyped(String switched) {
    for (int i = 0; i < switched.length(); i++) {
      char c = switched.charAt(i);
      if (c >= 'ㄱ' && c <= 'ㅣ') {
        return false; // leftover jamo: the Latin letters were not Korean keystrokes
      }
    }
    return !switched.isBlank();
  }
}
