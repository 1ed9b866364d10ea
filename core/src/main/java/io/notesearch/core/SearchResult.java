package io.notesearch.core;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The answer to one {@link SearchRequest}.
 *
 * <pre>{@code
 * SearchResult result = searcher.search(SearchRequest.of("fkaek").withFacets(true));
 * if (result.rewrite().reason() == SearchResult.Reason.KEYBOARD_LAYOUT) {
 *   System.out.println("searched " + result.rewrite().query() + " instead");  // 람다
 * }
 * System.out.println(result.total() + " sections in " + result.took().toMillis() + " ms; tags " + result.facets().tags());
 * }</pre>
 *
 * @param hits the page of hits asked for, best first
 * @param total how many sections matched (before the per-note cap and paging): exact up to {@value
 *     #EXACT_TOTAL_UP_TO}, or when the request asked for it ({@link SearchRequest#withExactTotal})
 *     or for facets; otherwise at least that many
 * @param matching how the query words had to match to find these hits
 * @param took time spent searching and highlighting
 * @param rewrite how the query was changed to find these hits, if it was
 * @param facets counts of matching sections by tag, category and year (empty unless asked for)
 */
public record SearchResult(List<Hit> hits, long total, Matching matching, Duration took, Rewrite rewrite, Facets facets) {
  /**
   * Up to this many matching sections the total is always exact; past it, unless asked for an exact
   * total, the search stops counting so that it can skip sections that cannot reach the page.
   */
  public static final int EXACT_TOTAL_UP_TO = 1000;

  /**
   * Matching sections counted by value, most first: {@code result.facets().tags()} is, for instance,
   * {@code {aws=49, lambda=26}}.
   *
   * @param tags by tag (lowercase)
   * @param categories by category (lowercase)
   * @param years by the year of the note's date
   */
  public record Facets(Map<String, Long> tags, Map<String, Long> categories, Map<Integer, Long> years) {
    /** No counts. */
    public static final Facets NONE = new Facets(Map.of(), Map.of(), Map.of());

    /** Copies, keeping the order. */
    public Facets {
      tags = Collections.unmodifiableMap(new LinkedHashMap<>(tags));
      categories = Collections.unmodifiableMap(new LinkedHashMap<>(categories));
      years = Collections.unmodifiableMap(new LinkedHashMap<>(years));
    }
  }

  /**
   * A query that notesearch searched instead of the one typed, and why.
   *
   * @param reason why
   * @param query what was searched
   */
  public record Rewrite(Reason reason, String query) {
    /** No rewrite: the query as typed. */
    public static final Rewrite NONE = new Rewrite(Reason.NONE, "");
  }

  /** Why a query was rewritten. */
  public enum Reason {
    /** It was not. */
    NONE,
    /** Typed with the other keyboard input mode ({@code fkaek} for {@code 람다}). */
    KEYBOARD_LAYOUT,
    /** A word was not in the index and a close one was ({@code elasticahce} → {@code elasticache}). */
    SPELLING,
    /**
     * Nothing had every word as typed, but words starting with the last one were there: a word still
     * being typed ({@code 로드 밸} → {@code 로드 밸*}).
     */
    COMPLETION
  }

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
    Objects.requireNonNull(rewrite, "rewrite");
    Objects.requireNonNull(facets, "facets");
  }
}
