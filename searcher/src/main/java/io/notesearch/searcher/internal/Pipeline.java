package io.notesearch.searcher.internal;

import io.notesearch.core.Hit;
import io.notesearch.core.IndexStats;
import io.notesearch.core.NoteIndexException;
import io.notesearch.core.SearchRequest;
import io.notesearch.core.SearchResult;
import io.notesearch.core.Snippet;
import io.notesearch.core.plan.QueryPlanner;
import io.notesearch.core.schema.SectionRecord;
import io.notesearch.searcher.NoteSearcher;
import io.notesearch.searcher.backend.Run;
import io.notesearch.searcher.backend.SearchBackend;
import io.notesearch.searcher.backend.SearchBackend.Candidates;
import io.notesearch.searcher.backend.SearchBackend.View;
import io.notesearch.searcher.backend.Snippets;
import io.notesearch.searcher.backend.StoredSection;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;

/**
 * The one search pipeline, over either backend: parses a query once, plans it, runs it (every word,
 * then any word), tries its other readings when it finds little ({@link Rewrites}), pages through the
 * best sections with at most so many per note, and builds hits with their snippets. Not API: the
 * front door is {@link NoteSearcher}.
 *
 * @param <C> how the backend refers to a section it found
 */
public final class Pipeline<C> implements NoteSearcher {
  /**
   * An unmarked snippet shorter than this is replaced by the beginning of the section: the
   * highlighter's first sentence of a numbered summary ({@code 1. How to … · 2. …}) is {@code 1.}.
   */
  static final int SHORT_SNIPPET = 40;

  /** The most sections collected for one page, however many sections one note contributes. */
  static final int MAX_WINDOW = 10_000;

  private final SearchBackend<C> backend;
  private final boolean feedback;
  private final QueryPlanner planner;
  private final Snippets snippets;
  private volatile boolean closed;

  /**
   * A pipeline over a backend, which it closes when it is closed.
   *
   * @param backend where the sections are
   */
  public Pipeline(SearchBackend<C> backend) {
    this(backend, true);
  }

  /**
   * A pipeline over a backend, which it closes when it is closed.
   *
   * @param backend where the sections are
   * @param feedback whether an any-word search also searches the words its best sections share ({@link Feedback})
   */
  public Pipeline(SearchBackend<C> backend, boolean feedback) {
    this.backend = Objects.requireNonNull(backend, "backend");
    this.feedback = feedback;
    this.planner = new QueryPlanner(backend.analyzers());
    this.snippets = new Snippets(backend.analyzers().index());
  }

  /** One reading of a query, run: every word, or any word when no section has them all. */
  private record Attempt<C>(Run run, Candidates<C> found) implements Rewrites.Found {
    @Override
    public long total() {
      return found.total();
    }

    @Override
    public boolean allWords() {
      return run.words() == QueryPlanner.Words.ALL;
    }
  }

  @Override
  public SearchResult search(SearchRequest request) throws NoteIndexException {
    Objects.requireNonNull(request, "request");
    long started = System.nanoTime();
    QueryPlanner.Parsed query = QueryPlanner.parse(request.query());
    try (View<C> view = open()) {
      // -s and -w check the words as typed, all of them: nothing completed, corrected or dropped.
      boolean asTyped = request.reading() == SearchRequest.Reading.AS_TYPED || request.wholeWords() || request.caseSensitive();
      Rewrites.Outcome<Attempt<C>> outcome = asTyped
          ? new Rewrites.Outcome<>(attempt(view, request, query, Rewrites.Fallback.NONE), SearchResult.Rewrite.NONE)
          : Rewrites.apply(query, attempt(view, request, query, Rewrites.Fallback.ANY_WORD), backend.vocabulary(),
              (text, fallback) -> attempt(view, request, QueryPlanner.parse(text), fallback), view::correct);
      Attempt<C> attempt = outcome.attempt();
      if (attempt == null) {
        return new SearchResult(List.of(), 0, SearchResult.Matching.ALL_WORDS, since(started), SearchResult.Rewrite.NONE,
            SearchResult.Facets.NONE);
      }
      List<C> page = capPerNote(view, attempt.found().top(), request);
      // A few long notes can fill the window with sections the cap drops: look further down.
      for (int window = attempt.found().top().size() * 4;
          page.size() < request.limit() && attempt.found().top().size() < attempt.total()
              && attempt.found().top().size() < MAX_WINDOW;
          window *= 4) {
        attempt = new Attempt<>(attempt.run(), view.run(attempt.run(), Math.min(window, MAX_WINDOW)));
        page = capPerNote(view, attempt.found().top(), request);
      }
      Map<C, Double> fused = null;
      if (feedback && !attempt.allWords() && !asTyped) {
        fused = feedback(view, request, attempt);
        if (fused != null) {
          page = List.copyOf(fused.keySet());
        }
      }
      List<Hit> hits = hits(view, page, attempt.run().plan(), request.highlight(), fused);
      SearchResult.Facets facets = SearchResult.Facets.NONE;
      long total = attempt.total();
      if (request.facets()) {
        // One pass over every match gives the facets and the exact total.
        SearchBackend.Counted counted = view.facets(attempt.run());
        facets = counted.facets();
        total = counted.total();
      } else if (request.exactTotal() && !attempt.found().exact()) {
        total = view.count(attempt.run());
      }
      return new SearchResult(hits, total,
          attempt.allWords() ? SearchResult.Matching.ALL_WORDS : SearchResult.Matching.ANY_WORD, since(started),
          outcome.rewrite(), facets);
    } catch (IndexSearcher.TooManyClauses e) {
      throw new IllegalArgumentException("query too complex [" + e.getMessage() + "]; use fewer words or operators", e);
    } catch (IOException e) {
      throw unreadable(e);
    }
  }

  /**
   * Runs one reading of a query: every word, then (for plain words, when nothing has them all) any
   * word. Null when the query has no searchable word.
   */
  private Attempt<C> attempt(View<C> view, SearchRequest request, QueryPlanner.Parsed query, Rewrites.Fallback fallback)
      throws IOException {
    QueryPlanner.Plan plan = restricted(planner.plan(query, request, QueryPlanner.Words.ALL), request, query);
    if (plan == null) {
      return null;
    }
    int window = (int) Math.min(MAX_WINDOW,
        ((long) request.offset() + request.limit()) * (Math.min(request.maxPerNote(), 1000) + 4L) + 20);
    Run all = new Run(request, query.text(), plan, QueryPlanner.Words.ALL);
    Candidates<C> found = view.run(all, window);
    if (found.total() > 0 || fallback == Rewrites.Fallback.NONE || !query.plainWords()) {
      return new Attempt<>(all, found);
    }
    Run any = new Run(request, query.text(), restricted(planner.plan(query, request, QueryPlanner.Words.ANY), request, query),
        QueryPlanner.Words.ANY);
    return new Attempt<>(any, view.run(any, window));
  }

  /**
   * A plan with the request's {@code -g} globs and its {@code -s}/{@code -w} word checks joined to
   * its filter: the planner's filters are terms every backend indexes, these read the note's path
   * and the section's stored text ({@link PathGlobQuery}, {@link WordCheckQuery}).
   */
  private static QueryPlanner.Plan restricted(QueryPlanner.Plan plan, SearchRequest request, QueryPlanner.Parsed query) {
    if (plan == null || (request.globs().isEmpty() && !request.caseSensitive() && !request.wholeWords())) {
      return plan;
    }
    BooleanQuery.Builder filter = new BooleanQuery.Builder();
    if (plan.filter() != null) {
      plan.filter().clauses().forEach(filter::add);
    }
    if (!request.globs().isEmpty()) {
      filter.add(new PathGlobQuery(request.globs()), BooleanClause.Occur.FILTER);
    }
    List<String> words = WordCheckQuery.words(query.root());
    if ((request.caseSensitive() || request.wholeWords()) && words != null) {
      filter.add(new WordCheckQuery(words, request.caseSensitive(), request.wholeWords()), BooleanClause.Occur.FILTER);
    }
    return new QueryPlanner.Plan(plan.match(), plan.rank(), filter.build(), plan::highlight);
  }

  /**
   * The page of an any-word search fused with the page of the same search plus the words its best
   * sections share ({@link Feedback}), with the fused scores; null when no word was added.
   */
  private Map<C, Double> feedback(View<C> view, SearchRequest request, Attempt<C> attempt) throws IOException {
    SearchRequest upToPage = request.withOffset(0).withLimit(request.offset() + request.limit());
    List<C> first = capPerNote(view, attempt.found().top(), upToPage);
    if (first.isEmpty()) {
      return null;
    }
    List<C> best = first.subList(0, Math.min(Feedback.SECTIONS, first.size()));
    List<String> code = new ArrayList<>();
    for (C c : best) {
      code.add(view.code(c));
    }
    String expanded = Feedback.expand(attempt.run().text(), view.read(best, true), code, backend.analyzers().index(), view,
        view.stats().sections());
    if (expanded == null) {
      return null;
    }
    Attempt<C> second = attempt(view, request, QueryPlanner.parse(expanded), Rewrites.Fallback.ANY_WORD);
    List<C> more = second == null ? List.of() : capPerNote(view, second.found().top(), upToPage);
    // A section is the same in both pages when its note and line are.
    Map<C, String> keys = new HashMap<>();
    for (List<C> list : List.of(first, more)) {
      List<StoredSection> stored = view.read(list, false);
      for (int i = 0; i < list.size(); i++) {
        keys.put(list.get(i), stored.get(i).path() + "#" + stored.get(i).line());
      }
    }
    Map<C, Double> fused = io.notesearch.searcher.backend.Fusion.reciprocalRank(first, more, keys::get);
    Map<C, Double> page = new java.util.LinkedHashMap<>();
    List<C> capped = capPerNote(view, List.copyOf(fused.keySet()), request);
    for (C c : capped) {
      page.put(c, fused.get(c));
    }
    return page;
  }

  /** The page: sections in order, at most {@code maxPerNote} of one note, after skipping {@code offset}. */
  private List<C> capPerNote(View<C> view, List<C> found, SearchRequest request) throws IOException {
    Map<String, Integer> perNote = new HashMap<>();
    List<C> kept = new ArrayList<>();
    int skip = request.offset();
    for (C section : found) {
      int seen = perNote.merge(view.path(section), 1, Integer::sum);
      if (seen > request.maxPerNote()) {
        continue;
      }
      if (skip > 0) {
        skip--;
        continue;
      }
      kept.add(section);
      if (kept.size() == request.limit()) {
        break;
      }
    }
    return kept;
  }

  /** Hits of a page, with snippets when asked: from the text, else from the code where only it has the words. */
  private List<Hit> hits(View<C> view, List<C> page, QueryPlanner.Plan plan, boolean highlight, Map<C, Double> scores)
      throws IOException {
    List<StoredSection> stored = view.read(page, highlight);
    List<Snippets.Shown> marked = null;
    if (highlight && !page.isEmpty()) {
      Query toMark = plan.highlight();
      Snippets.Titles titles = titles(view);
      List<List<SectionRecord.LinkText>> links = stored.stream().map(StoredSection::linkTexts).toList();
      marked = new ArrayList<>(view.snippets(page, stored.stream().map(s -> s.body() == null ? "" : s.body()).toList(),
          links, titles, toMark));
      for (int i = 0; i < page.size(); i++) {
        if (marked.get(i).snippet().marks().isEmpty()) {
          // Found by its code alone: show the code where the words are.
          String code = view.code(page.get(i));
          Snippet fromCode = code.isEmpty() ? Snippet.empty() : snippets.codeSnippet(code, toMark);
          if (!fromCode.marks().isEmpty()) {
            marked.set(i, Snippets.Shown.of(fromCode));
          } else if (marked.get(i).snippet().text().length() < SHORT_SNIPPET) {
            // Found by its heading or title: the beginning of its text (or code), never a bare "1.".
            String body = stored.get(i).body() == null ? "" : stored.get(i).body();
            Snippets.Shown start = body.isBlank() ? Snippets.leading(code, List.of(), titles)
                : Snippets.leading(body, links.get(i), titles);
            if (start.snippet().text().length() > marked.get(i).snippet().text().length()) {
              marked.set(i, start);
            }
          }
        }
      }
    }
    List<Hit> hits = new ArrayList<>(page.size());
    for (int i = 0; i < page.size(); i++) {
      StoredSection s = stored.get(i);
      Snippet snippet = marked == null ? Snippet.empty() : marked.get(i).snippet();
      float score = scores == null ? view.score(page.get(i)) : scores.get(page.get(i)).floatValue();
      hits.add(new Hit(s.path(), s.line(), s.title(), s.headings(), s.anchor(), score, snippet, s.tags(),
          s.categories(), s.date(), marked == null ? List.of() : marked.get(i).matches(), s.dateSource(),
          s.modified() < 0 ? null : java.time.Instant.ofEpochMilli(s.modified())));
    }
    return hits;
  }

  /**
   * The titles snippets show wikilink names as ({@link View#linkTitle}): looked up only for names in
   * a chosen passage, once each per page.
   */
  private static <C> Snippets.Titles titles(View<C> view) {
    Map<String, Optional<String>> known = new HashMap<>();
    return key -> {
      Optional<String> title = known.get(key);
      if (title == null) {
        title = Optional.ofNullable(view.linkTitle(key));
        known.put(key, title);
      }
      return title.orElse(null);
    };
  }

  @Override
  public List<Hit> related(String path, String anchor, int limit) throws NoteIndexException {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(anchor, "anchor");
    if (limit < 1) {
      throw new IllegalArgumentException("limit must be >= 1, got [" + limit + "]");
    }
    try (View<C> view = open()) {
      C self = view.section(path, anchor);
      if (self == null) {
        throw new IllegalArgumentException("no indexed section [" + path + (anchor.isEmpty() ? "" : "#" + anchor) + "]");
      }
      QueryPlanner.Plan plan = view.like(self);
      if (plan == null) {
        return List.of();
      }
      SearchRequest request = SearchRequest.of("").withLimit(limit);
      Candidates<C> found = view.run(new Run(request, "", plan, QueryPlanner.Words.ANY), limit * 6 + 10);
      return hits(view, capPerNote(view, found.top(), request), plan, true, null);
    } catch (IOException e) {
      throw unreadable(e);
    }
  }

  @Override
  public io.notesearch.core.NoteLinks links(String note) throws NoteIndexException {
    Objects.requireNonNull(note, "note");
    try (View<C> view = open()) {
      return view.links(note);
    } catch (IOException e) {
      throw unreadable(e);
    }
  }

  @Override
  public IndexStats stats() throws NoteIndexException {
    try (View<C> view = open()) {
      return view.stats();
    } catch (IOException e) {
      throw unreadable(e);
    }
  }

  @Override
  public List<String> notes() throws NoteIndexException {
    try (View<C> view = open()) {
      return view.notes();
    } catch (IOException e) {
      throw unreadable(e);
    }
  }

  private View<C> open() throws IOException {
    if (closed) {
      throw new IllegalStateException("this searcher is closed");
    }
    return backend.view();
  }

  private NoteIndexException unreadable(IOException e) {
    if (e instanceof NoteIndexException n) {
      return n;
    }
    if (closed) {
      throw new IllegalStateException("this searcher is closed", e);
    }
    return new NoteIndexException(NoteIndexException.Reason.DAMAGED,
        "cannot read " + backend.name() + " (" + String.valueOf(e.getMessage()).lines().findFirst().orElse("") + ")", e);
  }

  private static Duration since(long started) {
    return Duration.ofNanos(System.nanoTime() - started);
  }

  @Override
  public void close() throws IOException {
    closed = true;
    backend.close();
  }
}
