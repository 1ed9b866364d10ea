package io.notesearch.cli.solr;

import io.notesearch.searcher.Hit;
import io.notesearch.searcher.NoteIndexException;
import io.notesearch.searcher.SearchRequest;
import io.notesearch.searcher.SearchResult;
import io.notesearch.searcher.Snippet;
import io.notesearch.searcher.UserFiles;
import io.notesearch.searcher.analysis.Glossary;
import io.notesearch.searcher.analysis.NoteAnalyzers;
import io.notesearch.searcher.internal.QueryPlanner;
import io.notesearch.searcher.internal.Rewrites;
import io.notesearch.searcher.internal.Snippets;
import io.notesearch.searcher.schema.IndexSchema;
import java.io.IOException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.solr.client.solrj.SolrQuery;
import org.apache.solr.client.solrj.SolrServerException;
import org.apache.solr.client.solrj.response.FacetField;
import org.apache.solr.client.solrj.response.QueryResponse;
import org.apache.solr.common.SolrDocument;
import org.apache.solr.common.SolrDocumentList;
import org.apache.solr.common.SolrException;
import org.apache.solr.common.util.NamedList;

/**
 * Searches a notesearch collection on SolrCloud the way {@link io.notesearch.searcher.NoteSearcher}
 * searches a local index, with the same {@link SearchRequest} and {@link SearchResult}.
 *
 * <p>Solr runs notesearch's own query ({@code {!notesearch}}, planned by {@link QueryPlanner} in the
 * plugin) and rescoring ({@code {!rerank}} over the best {@link #RESCORE_WINDOW}, as local mode
 * rescores); this class does what local mode does around it: the any-word fallback, the keyboard
 * layout and spelling rewrites (the correction from {@code /notesearch/correct}), the per-note cap
 * with a growing window, and snippets (notesearch's own highlighter over the page's stored text).
 */
public final class SolrNoteSearcher implements AutoCloseable {
  /** As NoteSearcher: how many of the best candidates the ranking boosts reorder. */
  static final int RESCORE_WINDOW = 200;

  /** As NoteSearcher: the most hits collected for one page. */
  static final int MAX_WINDOW = 10_000;

  private static final String FIELDS = String.join(",", IndexSchema.ID, IndexSchema.PATH, IndexSchema.TITLE,
      IndexSchema.HEADINGS_STORED, IndexSchema.ANCHOR, IndexSchema.LINE, IndexSchema.BODY, IndexSchema.TAG,
      IndexSchema.CATEGORY, IndexSchema.DATE, "score");

  private static final FieldType BODY_TYPE = new FieldType(TextField.TYPE_STORED);

  static {
    BODY_TYPE.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
    BODY_TYPE.freeze();
  }

  private final SolrCollection solr;
  private final NoteAnalyzers analyzers;
  private final QueryPlanner planner;

  private SolrNoteSearcher(SolrCollection solr, NoteAnalyzers analyzers) {
    this.solr = solr;
    this.analyzers = analyzers;
    this.planner = new QueryPlanner(analyzers);
  }

  /**
   * Opens a searcher on an existing collection.
   *
   * @param solr the collection
   * @param files the user's glossary and dictionary (for the query syntax check and the snippets;
   *     the collection ranks with those its config set was created with)
   * @throws NoteIndexException when the cluster cannot be reached or has no such collection
   */
  public static SolrNoteSearcher open(SolrCollection solr, UserFiles files) throws NoteIndexException {
    solr.requireExists();
    try {
      // As the collection's config set analyses (the user's files were uploaded with it).
      Glossary glossary = Glossary.builtIn();
      if (files.glossary() != null) {
        glossary = glossary.with(Glossary.read(files.glossary()));
      }
      return new SolrNoteSearcher(solr, NoteAnalyzers.with(glossary, files.dictionary()));
    } catch (IOException e) {
      throw new NoteIndexException("cannot read a user analysis file (" + e.getMessage() + ")", e);
    }
  }

  /** One run of a query on Solr. */
  private record Attempt(String text, QueryPlanner.Plan plan, SolrDocumentList docs, boolean allWords, int window)
      implements Rewrites.Found {
    @Override
    public long total() {
      return docs.getNumFound();
    }
  }

  /**
   * Runs a search, as {@link io.notesearch.searcher.NoteSearcher#search} does.
   *
   * @param request what to search for
   * @return the hits, best first, at most {@code request.maxPerNote()} sections per note
   * @throws NoteIndexException when the cluster cannot be reached or the collection read
   */
  public SearchResult search(SearchRequest request) throws NoteIndexException {
    long started = System.nanoTime();
    boolean plainWords = QueryPlanner.isPlainWords(request);
    // Unlike NoteSearcher, only on few hits, not also whenever the any-word fallback answers:
    // /notesearch/correct sees only the vocabulary of the shard whose core answers, so with a node
    // down `route53 alais record` was corrected or not by which replica answered
    // (SolrCloudParityIT); with few hits the rewrite must still find every word.
    Rewrites.Outcome<Attempt> outcome = Rewrites.apply(request, attempt(request, plainWords), plainWords, false,
        this::attempt, this::correct);
    Attempt attempt = outcome.attempt();
    SearchResult.Rewrite rewrite = outcome.rewrite();
    if (attempt == null) {
      return new SearchResult(List.of(), 0, SearchResult.Matching.ALL_WORDS,
          Duration.ofNanos(System.nanoTime() - started), SearchResult.Rewrite.NONE, SearchResult.Facets.NONE);
    }
    SearchRequest asked = request.withQuery(attempt.text());
    List<SolrDocument> page = capPerNote(attempt.docs(), request);
    for (int window = attempt.window() * 4;
        page.size() < request.limit() && attempt.docs().size() < attempt.total() && attempt.docs().size() < MAX_WINDOW;
        window *= 4) {
      attempt = run(asked, attempt.plan(), attempt.allWords(), Math.min(window, MAX_WINDOW), false);
      page = capPerNote(attempt.docs(), request);
    }
    List<Hit> hits = toHits(page, attempt.plan(), request.highlight());
    SearchResult.Facets facets = request.facets() ? facets(asked, attempt.allWords()) : SearchResult.Facets.NONE;
    return new SearchResult(hits, attempt.total(),
        attempt.allWords() ? SearchResult.Matching.ALL_WORDS : SearchResult.Matching.ANY_WORD,
        Duration.ofNanos(System.nanoTime() - started), rewrite, facets);
  }

  private Attempt attempt(SearchRequest request, boolean plainWords) throws NoteIndexException {
    // Planned here too: a query error is the same one line (exit 2) before anything is sent, and
    // the plan's highlight query marks the snippets.
    QueryPlanner.Plan plan = planner.plan(request, true);
    if (plan == null) {
      return null;
    }
    int window = (int) Math.min(MAX_WINDOW, ((long) request.offset() + request.limit()) * (Math.min(request.maxPerNote(), 1000) + 4L) + 20);
    Attempt all = run(request, plan, true, window, false);
    if (all.total() > 0 || !plainWords) {
      return all;
    }
    return run(request, planner.plan(request, false), false, window, false);
  }

  /** The Solr request of one run: {@code {!notesearch}} for the match, {@code {!rerank}} for the boosts. */
  private Attempt run(SearchRequest request, QueryPlanner.Plan plan, boolean allWords, int window, boolean facets)
      throws NoteIndexException {
    SolrQuery q = query(request, allWords, window);
    try {
      QueryResponse r = solr.client().query(solr.name(), q);
      return new Attempt(request.query(), plan, r.getResults(), allWords, window);
    } catch (SolrServerException | IOException | RuntimeException e) {
      throw badRequest(e);
    }
  }

  /** The Solr parameters of a request. */
  static SolrQuery query(SearchRequest request, boolean allWords, int window) {
    String words = allWords ? "all" : "any";
    SolrQuery q = new SolrQuery();
    q.set("nsq", QueryPlanner.clean(request.query()));
    if (request.sort() == SearchRequest.Sort.DATE) {
      q.setQuery("{!notesearch part=full words=" + words + " v=$nsq}");
      q.addSort(IndexSchema.DATE, SolrQuery.ORDER.desc);
      q.addSort("score", SolrQuery.ORDER.desc);
    } else {
      q.setQuery("{!notesearch part=candidates words=" + words + " v=$nsq}");
      q.set("rq", "{!rerank reRankQuery=$nsrank reRankDocs=" + Math.max(window, RESCORE_WINDOW) + " reRankWeight=1}");
      q.set("nsrank", "{!notesearch part=rank words=" + words + " v=$nsq}");
    }
    if (request.drafts()) {
      q.set("ns.drafts", true);
    }
    for (String tag : request.tags()) {
      q.add("ns.tag", tag);
    }
    if (!request.category().isEmpty()) {
      q.set("ns.category", request.category());
    }
    if (request.from() != null) {
      q.set("ns.from", request.from().toString());
    }
    if (request.to() != null) {
      q.set("ns.to", request.to().toString());
    }
    q.setFields(FIELDS);
    q.setRows(window);
    return q;
  }

  private SearchResult.Facets facets(SearchRequest request, boolean allWords) throws NoteIndexException {
    SolrQuery q = query(request, allWords, 0);
    q.remove("rq");
    q.setFacet(true).setFacetLimit(-1).setFacetMinCount(1);
    q.addFacetField(IndexSchema.TAG, IndexSchema.CATEGORY, IndexSchema.DATE);
    try {
      QueryResponse r = solr.client().query(solr.name(), q);
      Map<String, Long> tags = counts(r.getFacetField(IndexSchema.TAG));
      Map<String, Long> categories = counts(r.getFacetField(IndexSchema.CATEGORY));
      Map<Integer, Long> years = new HashMap<>();
      counts(r.getFacetField(IndexSchema.DATE)).forEach((day, n) ->
          years.merge(LocalDate.ofEpochDay(Long.parseLong(day)).getYear(), n, Long::sum));
      return new SearchResult.Facets(sorted(tags), sorted(categories), sorted(years));
    } catch (SolrServerException | IOException | RuntimeException e) {
      throw badRequest(e);
    }
  }

  private static Map<String, Long> counts(FacetField field) {
    Map<String, Long> out = new HashMap<>();
    if (field != null && field.getValues() != null) {
      field.getValues().forEach(c -> out.put(c.getName(), c.getCount()));
    }
    return out;
  }

  private static <K extends Comparable<K>> Map<K, Long> sorted(Map<K, Long> counts) {
    Map<K, Long> out = new LinkedHashMap<>();
    counts.entrySet().stream()
        .sorted(Map.Entry.<K, Long>comparingByValue(java.util.Comparator.reverseOrder()).thenComparing(Map.Entry.comparingByKey()))
        .forEach(e -> out.put(e.getKey(), e.getValue()));
    return out;
  }

  /** notesearch's did-you-mean, answered by the plugin from the index vocabulary. */
  private String correct(String query) throws NoteIndexException {
    SolrQuery q = new SolrQuery(query);
    q.setRequestHandler("/notesearch/correct");
    try {
      NamedList<Object> r = solr.client().query(solr.name(), q).getResponse();
      Object correction = r.get("correction");
      return correction == null ? null : correction.toString();
    } catch (SolrServerException | IOException | RuntimeException e) {
      throw badRequest(e);
    }
  }

  /** A 400 is the query's fault (exit 2); anything else is the cluster's (exit 3). */
  private NoteIndexException badRequest(Exception e) {
    if (e instanceof SolrException se && String.valueOf(se.getMessage()).contains("Unknown query parser")) {
      return new NoteIndexException("the collection [" + solr.name() + "] at [" + solr.url()
          + "] does not run notesearch's Solr plugin: see docs/scale-out.md (" + SolrCollection.detail(e) + ")", e);
    }
    if (e instanceof SolrException se && se.code() == 400) {
      throw new IllegalArgumentException(String.valueOf(se.getMessage()).lines().findFirst().orElse(""), e);
    }
    return solr.failure("cannot search the collection [" + solr.name() + "]", e);
  }

  private static List<SolrDocument> capPerNote(SolrDocumentList docs, SearchRequest request) {
    Map<String, Integer> perNote = new HashMap<>();
    List<SolrDocument> kept = new ArrayList<>();
    int skip = request.offset();
    for (SolrDocument d : docs) {
      String path = String.valueOf(d.getFirstValue(IndexSchema.PATH));
      int seen = perNote.merge(path, 1, Integer::sum);
      if (seen > request.maxPerNote()) {
        continue;
      }
      if (skip > 0) {
        skip--;
        continue;
      }
      kept.add(d);
      if (kept.size() == request.limit()) {
        break;
      }
    }
    return kept;
  }

  private List<Hit> toHits(List<SolrDocument> page, QueryPlanner.Plan plan, boolean highlight) throws NoteIndexException {
    List<Snippet> marked = highlight && !page.isEmpty() ? snippets(page, plan) : null;
    List<Hit> hits = new ArrayList<>(page.size());
    for (int i = 0; i < page.size(); i++) {
      SolrDocument d = page.get(i);
      String joined = (String) d.getFirstValue(IndexSchema.HEADINGS_STORED);
      List<String> headings = joined == null || joined.isEmpty() ? List.of() : List.of(joined.split(IndexSchema.HEADING_SEPARATOR, -1));
      Number day = (Number) d.getFirstValue(IndexSchema.DATE);
      Collection<Object> tags = d.getFieldValues(IndexSchema.TAG);
      Object category = d.getFirstValue(IndexSchema.CATEGORY);
      Object anchor = d.getFirstValue(IndexSchema.ANCHOR);
      hits.add(new Hit(
          (String) d.getFirstValue(IndexSchema.PATH),
          ((Number) d.getFirstValue(IndexSchema.LINE)).intValue(),
          (String) d.getFirstValue(IndexSchema.TITLE),
          headings,
          anchor == null ? "" : anchor.toString(),
          ((Number) d.getFirstValue("score")).floatValue(),
          marked == null ? Snippet.empty() : marked.get(i),
          tags == null ? List.of() : tags.stream().map(Object::toString).toList(),
          category == null ? "" : category.toString(),
          day == null ? null : LocalDate.ofEpochDay(day.longValue()),
          marked == null ? List.of() : matches(marked.get(i))));
    }
    return hits;
  }

  /**
   * Snippets by notesearch's own highlighter: the page's stored text is indexed in memory as the
   * body field is locally, and marked with the plan's highlight query.
   */
  private List<Snippet> snippets(List<SolrDocument> page, QueryPlanner.Plan plan) throws NoteIndexException {
    try (ByteBuffersDirectory dir = new ByteBuffersDirectory()) {
      try (IndexWriter w = new IndexWriter(dir, new IndexWriterConfig(analyzers.index()))) {
        for (SolrDocument d : page) {
          Document doc = new Document();
          Object body = d.getFirstValue(IndexSchema.BODY);
          doc.add(new Field(IndexSchema.BODY, body == null ? "" : body.toString(), BODY_TYPE));
          w.addDocument(doc);
        }
      }
      try (DirectoryReader reader = DirectoryReader.open(dir)) {
        int[] ids = new int[page.size()];
        for (int i = 0; i < ids.length; i++) {
          ids[i] = i;
        }
        return new Snippets(analyzers.index()).snippets(new IndexSearcher(reader), plan.highlight(), ids);
      }
    } catch (IOException e) {
      throw new NoteIndexException("cannot make snippets (" + e.getMessage() + ")", e);
    }
  }

  private static List<String> matches(Snippet snippet) {
    LinkedHashSet<String> out = new LinkedHashSet<>();
    for (Snippet.Mark m : snippet.marks()) {
      out.add(snippet.text().substring(m.start(), m.end()));
    }
    return List.copyOf(out);
  }

  @Override
  public void close() throws IOException {
    solr.close();
  }
}
