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

  /** What a searcher's run of a query tells about its hits. */
  public interface Found {
    /** {@return how many sections the run found} */
    long total();

    /** {@return whether the run required every word (not the any-word fallback)} */
    boolean allWords();
  }

  /**
   * How a searcher runs one reading of a query: every word, then any word when that finds nothing
   * and {@code plainWords}; null when the query has no searchable word.
   */
  @FunctionalInterface
  public interface Runs<A extends Found, E extends Exception> {
    A attempt(SearchRequest request, boolean plainWords) throws E;
  }

  /** Where a searcher's spelling corrections come from: the cleaned query corrected, or null. */
  @FunctionalInterface
  public interface Corrections<E extends Exception> {
    String correct(String cleaned) throws E;
  }

  /**
   * The run to show and the rewrite that led to it.
   *
   * @param attempt the run (null when the query had no searchable word)
   * @param rewrite what was searched instead, or {@link SearchResult.Rewrite#NONE}
   * @param <A> the searcher's record of a run
   */
  public record Outcome<A extends Found>(A attempt, SearchResult.Rewrite rewrite) {}

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
   * @param corrections where its spelling corrections come from
   */
  public static <A extends Found, E extends Exception> Outcome<A> apply(SearchRequest request, A first, boolean plainWords,
      boolean evenWhenAnyWord, Runs<A, E> runs, Corrections<E> corrections) throws E {
    A attempt = first;
    if (attempt == null || !plainWords
        || !(attempt.total() <= FEW_HITS || (evenWhenAnyWord && !attempt.allWords()))) {
      return new Outcome<>(attempt, SearchResult.Rewrite.NONE);
    }
    String cleaned = QueryPlanner.clean(request.query());
    // Typed with the wrong input mode? Searched the other way, it finds far more.
    String switched = Hangul.switchLayout(cleaned);
    if (looksTyped(switched)) {
      A other = runs.attempt(request.withQuery(switched), true);
      long typed = attempt.allWords() ? attempt.total() : 0;
      if (other != null && other.allWords() && other.total() > 0 && (typed == 0 || other.total() > 4 * typed)) {
        return new Outcome<>(other, new SearchResult.Rewrite(SearchResult.Reason.KEYBOARD_LAYOUT, switched));
      }
    }
    if (attempt.total() > 0 && attempt.allWords()) {
      return new Outcome<>(attempt, SearchResult.Rewrite.NONE);
    }
    // Not every word is in the index: a misspelling? Corrected, every word may match.
    String corrected = corrections.correct(cleaned);
    if (corrected != null) {
      A fixed = runs.attempt(request.withQuery(corrected), true);
      // Taken only when it matches every word (or the words as typed found nothing): an English
      // word the notes lack is "corrected" to a near one (order → older) as well.
      if (fixed != null && fixed.total() > 0 && (fixed.allWords() || attempt.total() == 0)) {
        return new Outcome<>(fixed, new SearchResult.Rewrite(SearchResult.Reason.SPELLING, corrected));
      }
    }
    // The last word not finished (the search page searches as it is typed): words starting with
    // it, every other word still required. Taken only when that matches.
    String completed = QueryPlanner.completeLastWord(cleaned);
    if (completed != null) {
      A done = runs.attempt(request.withQuery(completed), false);
      if (done != null && done.total() > 0) {
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
