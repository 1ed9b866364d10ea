package io.notesearch.core;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * What to search for. Build one with {@link #of(String)} and the {@code with…} methods, each of
 * which returns a new request:
 *
 * <pre>{@code
 * SearchRequest request = SearchRequest.of("로드 밸런서").withLimit(5).withTag("aws");
 * }</pre>
 *
 * @param query the query text as the user typed it
 * @param limit how many hits to return, 1 to {@value #MAX_LIMIT}
 * @param offset how many hits to skip, for paging
 * @param tags only sections of notes having all these tags (case-insensitive)
 * @param category only sections of notes in this category (case-insensitive), or empty for any
 * @param from only notes dated on or after this day, or null
 * @param to only notes dated on or before this day, or null
 * @param drafts whether notes marked {@code draft: true} are searched
 * @param highlight whether hits carry snippets
 * @param maxPerNote at most this many sections of one note in the results
 * @param sort the order of hits
 * @param facets whether the result counts matching sections by tag, category and year
 * @param exactTotal whether {@link SearchResult#total()} counts every matching section; otherwise
 *     counting stops being exact past {@value SearchResult#EXACT_TOTAL_UP_TO}, which lets the ranking
 *     skip sections that cannot make the page
 * @param reading how the words are read: as meant (rewrites, any-word fallback) or exactly as typed
 * @param globs only notes these globs keep, read as {@code rg -g} reads them ({@link
 *     io.notesearch.core.glob.PathGlobs}): {@code "aws/**"} keeps, {@code "!drafts/**"} leaves out,
 *     the last that matches decides; matched against the path below the indexed folder
 * @param caseSensitive whether the query's Latin words match only in the case typed ({@code rg -s})
 * @param wholeWords whether each word matches only as typed and whole ({@code rg -w}): no
 *     completion, spelling correction, plural, synonym or any-word fallback; a Korean particle after
 *     a word still counts ({@code EC2가} is the word {@code EC2})
 */
public record SearchRequest(
    String query,
    int limit,
    int offset,
    List<String> tags,
    String category,
    LocalDate from,
    LocalDate to,
    boolean drafts,
    boolean highlight,
    int maxPerNote,
    Sort sort,
    boolean facets,
    boolean exactTotal,
    Reading reading,
    List<String> globs,
    boolean caseSensitive,
    boolean wholeWords) {

  /** The order of hits. */
  public enum Sort {
    /** Best match first. */
    SCORE,
    /** Newest note first, best match first within a day. */
    DATE,
    /** Most recently modified file first, best match first for the same time. */
    MODIFIED;

    /** The order unless asked otherwise. */
    public static final Sort DEFAULT = SCORE;
  }

  /** How the query's words are read. */
  public enum Reading {
    /**
     * As meant: when the words as typed find little, another keyboard input mode, a spelling
     * correction or the last word completed is searched instead, and when no section has every
     * word, any word; {@link SearchResult#rewrite()} and {@link SearchResult#matching()} say so.
     */
    AS_MEANT,
    /** Exactly as typed, every word required: nothing rewritten, no any-word fallback (for scripts). */
    AS_TYPED;

    /** {@link #AS_MEANT}. */
    public static final Reading DEFAULT = AS_MEANT;
  }

  /** The largest page of hits one request returns. */
  public static final int MAX_LIMIT = 1000;

  /** The longest query text accepted, in chars; longer text is cut. */
  public static final int MAX_QUERY_LENGTH = 1000;

  /** Hits per page unless asked otherwise. */
  public static final int DEFAULT_LIMIT = 10;

  /** Sections of one note in the results unless asked otherwise, so one note does not flood them. */
  public static final int DEFAULT_MAX_PER_NOTE = 3;

  /** Validates and copies. */
  public SearchRequest {
    Objects.requireNonNull(query, "query");
    if (limit < 1 || limit > MAX_LIMIT) {
      throw new IllegalArgumentException("limit must be 1.." + MAX_LIMIT + ", got [" + limit + "]");
    }
    if (offset < 0) {
      throw new IllegalArgumentException("offset must be >= 0, got [" + offset + "]");
    }
    tags = tags.stream().map(t -> t.toLowerCase(Locale.ROOT)).toList();
    category = Objects.requireNonNull(category, "category").toLowerCase(Locale.ROOT);
    if (from != null && to != null && from.isAfter(to)) {
      throw new IllegalArgumentException("date range is empty: from [" + from + "] is after to [" + to + "]");
    }
    Objects.requireNonNull(sort, "sort");
    Objects.requireNonNull(reading, "reading");
    if (maxPerNote < 1) {
      throw new IllegalArgumentException("maxPerNote must be >= 1, got [" + maxPerNote + "]");
    }
    globs = List.copyOf(globs);
    io.notesearch.core.glob.PathGlobs.of(globs); // an empty glob fails here, not in the middle of a search
  }

  /**
   * A request without an exact total: the constructor of notesearch 0.1.0, before {@code exactTotal}.
   *
   * @param query the query text as the user typed it
   * @param limit how many hits to return, 1 to {@value #MAX_LIMIT}
   * @param offset how many hits to skip, for paging
   * @param tags only sections of notes having all these tags (case-insensitive)
   * @param category only sections of notes in this category (case-insensitive), or empty for any
   * @param from only notes dated on or after this day, or null
   * @param to only notes dated on or before this day, or null
   * @param drafts whether notes marked {@code draft: true} are searched
   * @param highlight whether hits carry snippets
   * @param maxPerNote at most this many sections of one note in the results
   * @param sort the order of hits
   * @param facets whether the result counts matching sections by tag, category and year
   */
  public SearchRequest(String query, int limit, int offset, List<String> tags, String category, LocalDate from,
      LocalDate to, boolean drafts, boolean highlight, int maxPerNote, Sort sort, boolean facets) {
    this(query, limit, offset, tags, category, from, to, drafts, highlight, maxPerNote, sort, facets, false, Reading.DEFAULT,
        List.of(), false, false);
  }

  /**
   * A request for the given text with every other setting at its default.
   *
   * @param query the query text
   * @return the request
   */
  public static SearchRequest of(String query) {
    return new SearchRequest(
        query, DEFAULT_LIMIT, 0, List.of(), "", null, null, false, true, DEFAULT_MAX_PER_NOTE, Sort.DEFAULT, false, false,
        Reading.DEFAULT, List.of(), false, false);
  }

  /**
   * This request with its words read another way.
   *
   * @param reading {@link Reading#AS_TYPED} to search the words exactly as typed
   * @return the new request
   */
  public SearchRequest withReading(Reading reading) {
    return new SearchRequest(query, limit, offset, tags, category, from, to, drafts, highlight, maxPerNote, sort, facets, exactTotal, reading, globs, caseSensitive, wholeWords);
  }

  /**
   * {@return this request with hits in another order}
   *
   * @param sort the order of hits
   */
  public SearchRequest withSort(Sort sort) {
    return new SearchRequest(query, limit, offset, tags, category, from, to, drafts, highlight, maxPerNote, sort, facets, exactTotal, reading, globs, caseSensitive, wholeWords);
  }

  /**
   * {@return this request with or without facet counts}
   *
   * @param facets whether to count matching sections by tag, category and year
   */
  public SearchRequest withFacets(boolean facets) {
    return new SearchRequest(query, limit, offset, tags, category, from, to, drafts, highlight, maxPerNote, sort, facets, exactTotal, reading, globs, caseSensitive, wholeWords);
  }

  /**
   * {@return this request with other query text}
   *
   * @param query the query text
   */
  public SearchRequest withQuery(String query) {
    return new SearchRequest(query, limit, offset, tags, category, from, to, drafts, highlight, maxPerNote, sort, facets, exactTotal, reading, globs, caseSensitive, wholeWords);
  }

  /**
   * {@return this request returning at most {@code limit} hits}
   *
   * @param limit hits per page, 1 to {@value #MAX_LIMIT}
   */
  public SearchRequest withLimit(int limit) {
    return new SearchRequest(query, limit, offset, tags, category, from, to, drafts, highlight, maxPerNote, sort, facets, exactTotal, reading, globs, caseSensitive, wholeWords);
  }

  /**
   * {@return this request skipping the first {@code offset} hits}
   *
   * @param offset hits to skip, for paging
   */
  public SearchRequest withOffset(int offset) {
    return new SearchRequest(query, limit, offset, tags, category, from, to, drafts, highlight, maxPerNote, sort, facets, exactTotal, reading, globs, caseSensitive, wholeWords);
  }

  /**
   * {@return this request restricted to notes that also have {@code tag}}
   *
   * @param tag a tag (case-insensitive)
   */
  public SearchRequest withTag(String tag) {
    List<String> more = new java.util.ArrayList<>(tags);
    more.add(tag);
    return new SearchRequest(query, limit, offset, more, category, from, to, drafts, highlight, maxPerNote, sort, facets, exactTotal, reading, globs, caseSensitive, wholeWords);
  }

  /**
   * {@return this request restricted to one category}
   *
   * @param category the category (case-insensitive), or empty for any
   */
  public SearchRequest withCategory(String category) {
    return new SearchRequest(query, limit, offset, tags, category, from, to, drafts, highlight, maxPerNote, sort, facets, exactTotal, reading, globs, caseSensitive, wholeWords);
  }

  /**
   * {@return this request restricted to notes dated in {@code [from, to]}}
   *
   * @param from the first day, or null for no lower bound
   * @param to the last day, or null for no upper bound
   */
  public SearchRequest withDates(LocalDate from, LocalDate to) {
    return new SearchRequest(query, limit, offset, tags, category, from, to, drafts, highlight, maxPerNote, sort, facets, exactTotal, reading, globs, caseSensitive, wholeWords);
  }

  /**
   * {@return this request searching drafts too, or not}
   *
   * @param drafts whether notes marked {@code draft: true} are searched
   */
  public SearchRequest withDrafts(boolean drafts) {
    return new SearchRequest(query, limit, offset, tags, category, from, to, drafts, highlight, maxPerNote, sort, facets, exactTotal, reading, globs, caseSensitive, wholeWords);
  }

  /**
   * {@return this request with or without snippets}
   *
   * @param highlight whether hits carry snippets
   */
  public SearchRequest withHighlight(boolean highlight) {
    return new SearchRequest(query, limit, offset, tags, category, from, to, drafts, highlight, maxPerNote, sort, facets, exactTotal, reading, globs, caseSensitive, wholeWords);
  }

  /**
   * {@return this request allowing up to {@code maxPerNote} sections of one note}
   *
   * @param maxPerNote sections of one note at most, >= 1
   */
  public SearchRequest withMaxPerNote(int maxPerNote) {
    return new SearchRequest(query, limit, offset, tags, category, from, to, drafts, highlight, maxPerNote, sort, facets, exactTotal, reading, globs, caseSensitive, wholeWords);
  }

  /**
   * {@return this request with an exact total, or one that may stop counting at {@value
   * SearchResult#EXACT_TOTAL_UP_TO}}
   *
   * @param exactTotal whether every matching section is counted (slower when many match)
   */
  public SearchRequest withExactTotal(boolean exactTotal) {
    return new SearchRequest(query, limit, offset, tags, category, from, to, drafts, highlight, maxPerNote, sort, facets, exactTotal, reading, globs, caseSensitive, wholeWords);
  }

  /**
   * {@return this request searching only the notes that the globs keep}
   *
   * @param globs {@code rg -g} globs in the order given ({@code "!drafts/**"}, {@code "aws/**"}); empty for all notes
   */
  public SearchRequest withGlobs(List<String> globs) {
    return new SearchRequest(query, limit, offset, tags, category, from, to, drafts, highlight, maxPerNote, sort, facets, exactTotal, reading, globs, caseSensitive, wholeWords);
  }

  /**
   * {@return this request matching Latin words in the case typed, or in any case}
   *
   * @param caseSensitive whether {@code EC2} leaves out sections that only say {@code ec2}
   */
  public SearchRequest withCaseSensitive(boolean caseSensitive) {
    return new SearchRequest(query, limit, offset, tags, category, from, to, drafts, highlight, maxPerNote, sort, facets, exactTotal, reading, globs, caseSensitive, wholeWords);
  }

  /**
   * {@return this request matching each word only whole and as typed, or as meant}
   *
   * @param wholeWords whether {@code function} leaves out sections that only say {@code functions}
   */
  public SearchRequest withWholeWords(boolean wholeWords) {
    return new SearchRequest(query, limit, offset, tags, category, from, to, drafts, highlight, maxPerNote, sort, facets, exactTotal, reading, globs, caseSensitive, wholeWords);
  }
}
