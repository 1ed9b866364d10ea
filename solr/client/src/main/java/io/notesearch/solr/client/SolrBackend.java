package io.notesearch.solr.client;

import io.notesearch.core.IndexStats;
import io.notesearch.core.NoteIndexException;
import io.notesearch.core.SearchRequest;
import io.notesearch.core.SearchResult;
import io.notesearch.core.Snippet;
import io.notesearch.core.UserFiles;
import io.notesearch.core.analysis.Glossary;
import io.notesearch.core.analysis.NoteAnalyzers;
import io.notesearch.core.plan.QueryPlanner;
import io.notesearch.core.schema.IndexSchema;
import io.notesearch.searcher.NoteSearcher;
import io.notesearch.searcher.backend.Run;
import io.notesearch.searcher.backend.SearchBackend;
import io.notesearch.searcher.backend.Searchers;
import io.notesearch.searcher.backend.Snippets;
import io.notesearch.searcher.backend.StoredSection;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
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
import org.apache.lucene.search.Query;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.solr.client.solrj.SolrQuery;
import org.apache.solr.client.solrj.util.ClientUtils;
import org.apache.solr.client.solrj.SolrServerException;
import org.apache.solr.client.solrj.response.FacetField;
import org.apache.solr.client.solrj.response.QueryResponse;
import org.apache.solr.common.SolrDocument;
import org.apache.solr.common.SolrDocumentList;
import org.apache.solr.common.SolrException;
import org.apache.solr.common.util.NamedList;

/**
 * The SolrCloud backend of the searcher's pipeline: a notesearch collection searched with the same
 * {@link io.notesearch.core.SearchRequest} and {@link io.notesearch.core.SearchResult} as a local
 * index.
 *
 * <p>Solr runs notesearch's own query ({@code {!notesearch}}, planned by the plugin with the same
 * {@link QueryPlanner}) and rescoring ({@code {!rerank}} over the best {@link
 * QueryPlanner#RESCORE_WINDOW}); corrections come from {@code /notesearch/correct}; snippets are
 * marked by the searcher's highlighter over the page's stored text, indexed in memory.
 *
 * <pre>{@code
 * try (NoteSearcher searcher = SolrBackend.open(SolrCollection.at("http://solr1:8983/solr", "notes"), UserFiles.NONE)) {
 *   SearchResult result = searcher.search(SearchRequest.of("람다 콜드 스타트"));
 * }
 * }</pre>
 */
public final class SolrBackend implements SearchBackend<SolrDocument> {
  private static final String FIELDS = String.join(",", IndexSchema.ID, IndexSchema.PATH, IndexSchema.TITLE,
      IndexSchema.HEADINGS_STORED, IndexSchema.ANCHOR, IndexSchema.LINE, IndexSchema.BODY, IndexSchema.TAG,
      IndexSchema.CATEGORY, IndexSchema.DATE, IndexSchema.DATE_SOURCE, IndexSchema.MODIFIED, IndexSchema.LINK_TEXT, "score");

  /** The body as the local index has it: positions and offsets, for the highlighter. */
  private static final FieldType BODY_TYPE = new FieldType(TextField.TYPE_STORED);

  static {
    BODY_TYPE.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
    BODY_TYPE.freeze();
  }

  private final SolrCollection solr;
  private final NoteAnalyzers analyzers;

  private SolrBackend(SolrCollection solr, NoteAnalyzers analyzers) {
    this.solr = solr;
    this.analyzers = analyzers;
  }

  /**
   * Opens a searcher on an existing collection.
   *
   * @param solr the collection; closed with the searcher
   * @param files the user's glossary and dictionary (for planning and snippets here; the collection
   *     ranks with those its config set was created with)
   * @return the searcher
   * @throws NoteIndexException when the cluster cannot be reached or has no such collection
   */
  public static NoteSearcher open(SolrCollection solr, UserFiles files) throws NoteIndexException {
    solr.requireExists();
    try {
      // As the collection's config set analyses (the user's files were uploaded with it).
      Glossary glossary = Glossary.builtIn();
      if (files.glossary() != null) {
        glossary = glossary.with(Glossary.read(files.glossary()));
      }
      return Searchers.over(new SolrBackend(solr, NoteAnalyzers.with(glossary, files.dictionary())));
    } catch (IOException e) {
      throw new NoteIndexException(NoteIndexException.Reason.USER_FILE, "cannot read a user analysis file (" + e.getMessage() + ")", e);
    }
  }

  @Override
  public NoteAnalyzers analyzers() {
    return analyzers;
  }

  @Override
  public String name() {
    return "the collection [" + solr.name() + "] at [" + solr.url() + "]";
  }

  /**
   * One shard's: {@code /notesearch/correct} sees only the vocabulary of the core that answers, so
   * with a node down {@code route53 alais record} was corrected or not by which replica answered.
   */
  @Override
  public Vocabulary vocabulary() {
    return Vocabulary.ONE_SHARD;
  }

  @Override
  public View<SolrDocument> view() {
    return new SolrView();
  }

  /** The Solr parameters of a run. */
  static SolrQuery query(Run run, int window) {
    String words = run.words() == QueryPlanner.Words.ALL ? "all" : "any";
    SearchRequest request = run.request();
    if (!request.globs().isEmpty() || request.caseSensitive() || request.wholeWords()) {
      // The collection's query parser plans from the ns.* parameters; these read stored text and paths locally.
      throw new IllegalArgumentException("-g/--glob, -s/--case-sensitive and -w/--word are not supported with --solr yet");
    }
    SolrQuery q = new SolrQuery();
    q.set("nsq", run.text());
    if (request.sort() != SearchRequest.Sort.SCORE) {
      q.setQuery("{!notesearch part=full words=" + words + " v=$nsq}");
      q.addSort(request.sort() == SearchRequest.Sort.DATE ? IndexSchema.DATE : IndexSchema.MODIFIED, SolrQuery.ORDER.desc);
      q.addSort("score", SolrQuery.ORDER.desc);
    } else {
      q.setQuery("{!notesearch part=candidates words=" + words + " v=$nsq}");
      q.set("rq", "{!rerank reRankQuery=$nsrank reRankDocs=" + Math.max(window, QueryPlanner.RESCORE_WINDOW)
          + " reRankWeight=1}");
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

  /** Each request is its own: Solr's view is whatever its replicas answer. */
  private final class SolrView implements View<SolrDocument> {
    @Override
    public Candidates<SolrDocument> run(Run run, int window) throws IOException {
      SolrDocumentList docs = send(query(run, window)).getResults();
      return new Candidates<>(docs, docs.getNumFound(), true);
    }

    @Override
    public String path(SolrDocument section) {
      return String.valueOf(section.getFirstValue(IndexSchema.PATH));
    }

    @Override
    public float score(SolrDocument section) {
      return ((Number) section.getFirstValue("score")).floatValue();
    }

    @Override
    public List<StoredSection> read(List<SolrDocument> page, boolean withBody) {
      List<StoredSection> out = new ArrayList<>(page.size());
      for (SolrDocument d : page) {
        String joined = (String) d.getFirstValue(IndexSchema.HEADINGS_STORED);
        Number day = (Number) d.getFirstValue(IndexSchema.DATE);
        Collection<Object> tags = d.getFieldValues(IndexSchema.TAG);
        Collection<Object> categories = d.getFieldValues(IndexSchema.CATEGORY);
        Object anchor = d.getFirstValue(IndexSchema.ANCHOR);
        Object body = d.getFirstValue(IndexSchema.BODY);
        out.add(new StoredSection((String) d.getFirstValue(IndexSchema.PATH),
            ((Number) d.getFirstValue(IndexSchema.LINE)).intValue(), (String) d.getFirstValue(IndexSchema.TITLE),
            joined == null || joined.isEmpty() ? List.of() : List.of(joined.split(IndexSchema.HEADING_SEPARATOR, -1)),
            anchor == null ? "" : anchor.toString(),
            tags == null ? List.of() : tags.stream().map(Object::toString).toList(),
            categories == null ? List.of() : categories.stream().map(Object::toString).toList(), day == null ? null : LocalDate.ofEpochDay(day.longValue()),
            withBody ? (body == null ? "" : body.toString()) : null,
            IndexSchema.dateSource(d.getFirstValue(IndexSchema.DATE_SOURCE), day != null),
            d.getFirstValue(IndexSchema.MODIFIED) instanceof Number m ? m.longValue() * 1000 : -1,
            withBody ? StoredSection.linkTexts(d.getFieldValues(IndexSchema.LINK_TEXT)) : List.of()));
      }
      return out;
    }

    /** The page's text indexed in memory as the body field is locally, and marked there. */
    @Override
    public List<Snippets.Shown> snippets(List<SolrDocument> page, List<String> bodies,
        List<List<io.notesearch.core.schema.SectionRecord.LinkText>> links, Snippets.Titles titles, Query highlight)
        throws IOException {
      try (ByteBuffersDirectory dir = new ByteBuffersDirectory()) {
        try (IndexWriter w = new IndexWriter(dir, new IndexWriterConfig(analyzers.index()))) {
          for (String body : bodies) {
            Document doc = new Document();
            doc.add(new Field(IndexSchema.BODY, body, BODY_TYPE));
            w.addDocument(doc);
          }
        }
        try (DirectoryReader reader = DirectoryReader.open(dir)) {
          int[] ids = new int[page.size()];
          String[] texts = new String[ids.length];
          for (int i = 0; i < ids.length; i++) {
            ids[i] = i;
            texts[i] = bodies.get(i);
          }
          return new Snippets(analyzers.index()).snippets(new IndexSearcher(reader), highlight, ids, texts, links, titles);
        }
      }
    }

    /** As locally: the notes whose file name, page folder, slug or alias ({@code link_key}) or title is the name, one document each. */
    @Override
    public String linkTitle(String key) throws IOException {
      if (!key.startsWith("name:")) {
        return null;
      }
      String name = key.substring("name:".length());
      SolrQuery q = new SolrQuery("(" + IndexSchema.LINK_KEY + ":" + ClientUtils.escapeQueryChars(key) + " OR "
          + IndexSchema.TITLE_KEY + ":" + ClientUtils.escapeQueryChars(name) + ") AND " + IndexSchema.NOTE_FIRST + ":true");
      q.set("defType", "lucene");
      q.setFields(IndexSchema.TITLE);
      q.setRows(2);
      SolrDocumentList found = send(q).getResults();
      Object title = found.size() == 1 ? found.getFirst().getFirstValue(IndexSchema.TITLE) : null;
      return title == null || title.toString().isBlank() ? null : title.toString();
    }

    @Override
    public String code(SolrDocument section) throws IOException {
      SolrQuery q = new SolrQuery(IndexSchema.ID + ":" + org.apache.solr.client.solrj.util.ClientUtils.escapeQueryChars(
          String.valueOf(section.getFirstValue(IndexSchema.ID))));
      q.setFields(IndexSchema.CODE);
      q.setRows(1);
      SolrDocumentList docs = send(q).getResults();
      Object code = docs.isEmpty() ? null : docs.getFirst().getFirstValue(IndexSchema.CODE);
      return code == null ? "" : code.toString();
    }

    /** notesearch's did-you-mean, answered by the plugin from the index vocabulary. */
    @Override
    public String correct(String cleaned) throws IOException {
      SolrQuery q = new SolrQuery(cleaned);
      q.setRequestHandler("/notesearch/correct");
      NamedList<Object> r = send(q).getResponse();
      Object correction = r.get("correction");
      return correction == null ? null : correction.toString();
    }

    @Override
    public Counted facets(Run run) throws IOException {
      SolrQuery q = query(run, 0);
      q.remove("rq");
      q.setFacet(true).setFacetLimit(-1).setFacetMinCount(1);
      q.addFacetField(IndexSchema.TAG, IndexSchema.CATEGORY, IndexSchema.DATE);
      QueryResponse r = send(q);
      Map<String, Long> tags = counts(r.getFacetField(IndexSchema.TAG));
      Map<String, Long> categories = counts(r.getFacetField(IndexSchema.CATEGORY));
      Map<Integer, Long> years = new HashMap<>();
      counts(r.getFacetField(IndexSchema.DATE)).forEach((day, n) ->
          years.merge(LocalDate.ofEpochDay(Long.parseLong(day)).getYear(), n, Long::sum));
      return new Counted(new SearchResult.Facets(sorted(tags), sorted(categories), sorted(years)),
          r.getResults().getNumFound());
    }

    @Override
    public long count(Run run) throws IOException {
      SolrQuery q = query(run, 0);
      q.remove("rq");
      return send(q).getResults().getNumFound();
    }

    @Override
    public SolrDocument section(String path, String anchor) {
      throw new UnsupportedOperationException("related sections are found in a local index only");
    }

    @Override
    public QueryPlanner.Plan like(SolrDocument section) {
      throw new UnsupportedOperationException("related sections are found in a local index only");
    }

    @Override
    public IndexStats stats() throws IOException {
      QueryResponse r = send(notesQuery());
      FacetField paths = r.getFacetField(IndexSchema.PATH);
      return new IndexStats(paths == null || paths.getValues() == null ? 0 : paths.getValueCount(),
          (int) r.getResults().getNumFound());
    }

    @Override
    public List<String> notes() throws IOException {
      FacetField paths = send(notesQuery()).getFacetField(IndexSchema.PATH);
      List<String> out = new ArrayList<>();
      if (paths != null && paths.getValues() != null) {
        paths.getValues().forEach(c -> out.add(c.getName()));
      }
      return List.copyOf(out);
    }

    /** Every section, none returned: the note paths as facets, sorted. */
    private SolrQuery notesQuery() {
      SolrQuery q = new SolrQuery("*:*");
      q.setRows(0);
      q.setFacet(true).setFacetLimit(-1).setFacetMinCount(1).setFacetSort("index");
      q.addFacetField(IndexSchema.PATH);
      return q;
    }

    @Override
    public void close() {
      // Nothing held between requests.
    }
  }

  private QueryResponse send(SolrQuery q) throws IOException {
    try {
      return solr.client().query(solr.name(), q);
    } catch (SolrServerException | IOException | RuntimeException e) {
      throw failure(e);
    }
  }

  /** A 400 is the query's fault (exit 2); anything else is the cluster's (exit 3). */
  private NoteIndexException failure(Exception e) {
    if (e instanceof SolrException se && String.valueOf(se.getMessage()).contains("Unknown query parser")) {
      return new NoteIndexException(NoteIndexException.Reason.UNREACHABLE, "the collection [" + solr.name() + "] at ["
          + solr.url() + "] does not run notesearch's Solr plugin: see docs/scale-out.md (" + SolrCollection.detail(e) + ")", e);
    }
    if (e instanceof SolrException se && se.code() == 400) {
      throw new IllegalArgumentException(String.valueOf(se.getMessage()).lines().findFirst().orElse(""), e);
    }
    return solr.failure("cannot search the collection [" + solr.name() + "]", e);
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

  @Override
  public void close() throws IOException {
    solr.close();
  }
}
