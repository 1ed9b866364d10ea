package io.notesearch.searcher.internal;

import io.notesearch.core.SearchResult;
import io.notesearch.core.analysis.Hangul;
import io.notesearch.core.plan.QueryPlanner;
import io.notesearch.searcher.backend.SearchBackend;

/**
 * Other readings of a query of plain words that finds little: typed with the other keyboard input
 * mode, misspelt, or its last word still being typed. Not API.
 */
final class Rewrites {
  /** At most this many hits and a query may have been mistyped: only then are other readings tried. */
  static final int FEW_HITS = 3;

  private Rewrites() {}

  /** Whether a reading may fall back to any word when no section has every word. */
  enum Fallback {
    /** Plain words that do not all match are searched as any word. */
    ANY_WORD,
    /** Only sections with every word: a completed last word that matches nothing is not taken. */
    NONE
  }

  /** What a run of a query tells about its hits. */
  interface Found {
    /** {@return how many sections the run found} */
    long total();

    /** {@return whether the run required every word (not the any-word fallback)} */
    boolean allWords();
  }

  /** How the pipeline runs one reading of a query; null when it has no searchable word. */
  @FunctionalInterface
  interface Runs<A extends Found, E extends Exception> {
    A attempt(String text, Fallback fallback) throws E;
  }

  /** Where spelling corrections come from: the cleaned query corrected, or null. */
  @FunctionalInterface
  interface Corrections<E extends Exception> {
    String correct(String cleaned) throws E;
  }

  /**
   * The run to show and the rewrite that led to it.
   *
   * @param attempt the run (null when the query had no searchable word)
   * @param rewrite what was searched instead, or {@link SearchResult.Rewrite#NONE}
   * @param <A> the pipeline's record of a run
   */
  record Outcome<A extends Found>(A attempt, SearchResult.Rewrite rewrite) {}

  /**
   * Tries the other readings of a query that found little, in order: the other input mode, spelling
   * corrections, the last word completed. The first that finds more is kept.
   *
   * @param query the query as parsed: only plain words are rewritten
   * @param first its run
   * @param vocabulary what corrections see: from the whole index they may replace even an any-word
   *     answer; from one shard only a query that found few sections
   * @param runs how the pipeline runs another reading
   * @param corrections where its spelling corrections come from
   */
  static <A extends Found, E extends Exception> Outcome<A> apply(QueryPlanner.Parsed query, A first,
      SearchBackend.Vocabulary vocabulary, Runs<A, E> runs, Corrections<E> corrections) throws E {
    A attempt = first;
    boolean anyWordAnswer = vocabulary == SearchBackend.Vocabulary.WHOLE_INDEX && attempt != null && !attempt.allWords();
    if (attempt == null || !query.plainWords() || !(attempt.total() <= FEW_HITS || anyWordAnswer)) {
      return new Outcome<>(attempt, SearchResult.Rewrite.NONE);
    }
    String cleaned = query.text();
    // Typed with the wrong input mode? Searched the other way, it finds far more.
    String switched = Hangul.switchLayout(cleaned);
    if (looksTyped(switched)) {
      A other = runs.attempt(switched, Fallback.ANY_WORD);
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
      A fixed = runs.attempt(corrected, Fallback.ANY_WORD);
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
      A done = runs.attempt(completed, Fallback.NONE);
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
