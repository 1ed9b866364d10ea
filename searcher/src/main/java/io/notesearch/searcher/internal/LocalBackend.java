package io.notesearch.searcher.internal;

import io.notesearch.core.IndexStats;
import io.notesearch.core.NoteIndexException;
import io.notesearch.core.SearchRequest;
import io.notesearch.core.SearchResult;
import io.notesearch.core.Snippet;
import io.notesearch.core.analysis.NoteAnalyzers;
import io.notesearch.core.plan.QueryPlanner;
import io.notesearch.core.plan.Suggester;
import io.notesearch.core.schema.IndexFolder;
import io.notesearch.core.schema.IndexSchema;
import io.notesearch.core.schema.NoteSimilarity;
import io.notesearch.searcher.SearchOptions;
import io.notesearch.searcher.backend.Run;
import io.notesearch.searcher.backend.SearchBackend;
import io.notesearch.searcher.backend.Snippets;
import io.notesearch.searcher.backend.StoredSection;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.attribute.FileTime;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.IndexNotFoundException;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryRescorer;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherFactory;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopScoreDocCollectorManager;
import org.apache.lucene.search.TotalHits;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;

/**
 * The backend of a Lucene index on disk: sees the latest commit at each search, and searches a large
 * index in slices at once. Not API.
 */
public final class LocalBackend implements SearchBackend<ScoreDoc> {
  private final IndexFolder folder;
  private final Directory directory;
  private final SearcherManager manager;

  /** Searches the slices of a large index besides the searching thread; null when not slicing. */
  private final ExecutorService slicePool;

  /** Whether this backend made the slice pool, and so shuts it down. */
  private final boolean ownsPool;

  private final NoteAnalyzers analyzers;
  private final Snippets snippets;
  private final Suggester suggester;

  /**
   * The index folder's modification time when a refresh last found nothing new, once that time was
   * old enough to trust; null when the next search must check. Volatile: any thread may set it.
   */
  private volatile FileTime unchangedSince;

  /** When Lucene was last asked (System.nanoTime). */
  private volatile long lastAsked;

  /** The notes of the reader last asked about; volatile because searches on any thread replace it. */
  private volatile NoteCatalog catalog;

  private LocalBackend(IndexFolder folder, Directory directory, SearcherManager manager, ExecutorService slicePool,
      boolean ownsPool, NoteAnalyzers analyzers) {
    this.folder = folder;
    this.directory = directory;
    this.manager = manager;
    this.slicePool = slicePool;
    this.ownsPool = ownsPool;
    this.analyzers = analyzers;
    this.snippets = new Snippets(analyzers.index());
    this.suggester = new Suggester(analyzers.queryPlain(), analyzers.glossary());
  }

  /**
   * Opens the index in a folder.
   *
   * @param folder the index folder
   * @param analyzers the analysis the index was written with
   * @param options slicing and its threads
   * @return the backend
   * @throws NoteIndexException when there is no readable index of this version there
   */
  public static LocalBackend open(IndexFolder folder, NoteAnalyzers analyzers, SearchOptions options) throws NoteIndexException {
    if (!Files.isDirectory(folder.path())) {
      throw new NoteIndexException(NoteIndexException.Reason.MISSING, "no index at [" + folder.path() + "]", null);
    }
    int sliceSections = options.sliceSections();
    boolean ownsPool = options.executor() == null;
    ExecutorService pool = sliceSections <= 0 ? null : ownsPool ? slicePool() : options.executor();
    Directory dir = null;
    try {
      dir = FSDirectory.open(folder.path());
      SearcherManager manager = new SearcherManager(dir, new SearcherFactory() {
        @Override
        public IndexSearcher newSearcher(IndexReader reader, IndexReader previous) {
          IndexSearcher searcher = pool == null ? new IndexSearcher(reader) : new SlicedSearcher(reader, pool, sliceSections);
          searcher.setSimilarity(NoteSimilarity.INSTANCE);
          return searcher;
        }
      });
      IndexSearcher first = manager.acquire();
      try {
        folder.requireCurrent(first.getIndexReader());
      } catch (NoteIndexException e) {
        manager.release(first);
        manager.close();
        throw e;
      }
      manager.release(first);
      return new LocalBackend(folder, dir, manager, pool, ownsPool, analyzers);
    } catch (NoteIndexException e) {
      closeQuietly(dir);
      shutdown(pool, ownsPool);
      throw e;
    } catch (IndexNotFoundException e) {
      closeQuietly(dir);
      shutdown(pool, ownsPool);
      throw new NoteIndexException(NoteIndexException.Reason.MISSING, "no index at [" + folder.path() + "]", e);
    } catch (IOException | RuntimeException e) {
      closeQuietly(dir);
      shutdown(pool, ownsPool);
      throw new NoteIndexException(NoteIndexException.Reason.DAMAGED, "cannot read the index at [" + folder.path() + "] ("
          + String.valueOf(e.getMessage()).lines().findFirst().orElse("") + ")", e);
    }
  }

  @Override
  public NoteAnalyzers analyzers() {
    return analyzers;
  }

  @Override
  public String name() {
    return "the index at [" + folder.path() + "]";
  }

  @Override
  public Vocabulary vocabulary() {
    return Vocabulary.WHOLE_INDEX;
  }

  @Override
  public View<ScoreDoc> view() throws IOException {
    refresh();
    return new LocalView(manager.acquire());
  }

  /**
   * Sees commits made since the last search. Asking Lucene reads the latest commit file every time
   * (5% of a warm query); a commit renames a new segments file into the folder, which changes the
   * folder's modification time, so an unchanged time means nothing to see. The time is trusted only
   * when it is two seconds old: file systems stamp in coarse ticks, and a commit in the same tick as
   * the last change would not move it.
   */
  private void refresh() throws IOException {
    FileTime modified = Files.getLastModifiedTime(folder.path());
    long now = System.nanoTime();
    if (modified.equals(unchangedSince) && now - lastAsked < RECHECK_NANOS) {
      return;
    }
    // False when another thread is refreshing right now, perhaps from before the latest commit:
    // then nothing is trusted yet.
    boolean current = manager.maybeRefresh();
    lastAsked = now;
    unchangedSince = current && System.currentTimeMillis() - modified.toMillis() > 2_000 ? modified : null;
  }

  /**
   * Lucene is asked at least this often anyway, for file systems whose clock is not this machine's
   * (a network share a few seconds behind could stamp two commits alike).
   */
  private static final long RECHECK_NANOS = TimeUnit.SECONDS.toNanos(5);

  /** Newest first sorts by the note's date, then by score; notes without a date come last. */
  private static final Sort BY_DATE = new Sort(largestFirst(IndexSchema.DATE), SortField.FIELD_SCORE);

  /** Last modified file first; sections of one file best first. */
  private static final Sort BY_MODIFIED = new Sort(largestFirst(IndexSchema.MODIFIED), SortField.FIELD_SCORE);

  /** A long doc-values field, largest first; sections without one last. */
  private static SortField largestFirst(String field) {
    SortField sort = new SortField(field, SortField.Type.LONG, true);
    sort.setMissingValue(Long.MIN_VALUE);
    return sort;
  }

  /** The stored fields a hit is made of. */
  private static final Set<String> HIT_FIELDS = Set.of(IndexSchema.PATH, IndexSchema.LINE, IndexSchema.TITLE,
      IndexSchema.HEADINGS_STORED, IndexSchema.ANCHOR, IndexSchema.TAG, IndexSchema.CATEGORY, IndexSchema.DATE,
      IndexSchema.DATE_SOURCE);

  /** {@link #HIT_FIELDS} and the section text with its wikilinks' names, for hits with snippets. */
  private static final Set<String> HIT_FIELDS_AND_BODY = Stream.concat(HIT_FIELDS.stream(),
      Stream.of(IndexSchema.BODY, IndexSchema.LINK_TEXT)).collect(Collectors.toUnmodifiableSet());

  private static final Set<String> CODE_FIELD = Set.of(IndexSchema.CODE);

  /** One search's point-in-time searcher. */
  private final class LocalView implements View<ScoreDoc> {
    private final IndexSearcher searcher;
    private final List<LeafReaderContext> leaves;

    LocalView(IndexSearcher searcher) {
      this.searcher = searcher;
      this.leaves = searcher.getIndexReader().leaves();
    }

    /**
     * Candidates by the match query, then the best {@link QueryPlanner#RESCORE_WINDOW} rescored with
     * the ranking boosts (phrases, exact compounds, the words that were not required): the boosts cost
     * as much as the match, and only change the order near the top.
     */
    @Override
    public Candidates<ScoreDoc> run(Run run, int window) throws IOException {
      QueryPlanner.Plan plan = run.plan();
      TopDocs top;
      if (run.request().sort() != SearchRequest.Sort.SCORE) {
        top = searcher.search(plan.full(), window, run.request().sort() == SearchRequest.Sort.DATE ? BY_DATE : BY_MODIFIED, true);
      } else if (plan.rank() == null) {
        top = searcher.search(plan.candidates(), new TopScoreDocCollectorManager(window, SearchResult.EXACT_TOTAL_UP_TO));
      } else {
        int rescored = Math.max(window, QueryPlanner.RESCORE_WINDOW);
        TopDocs candidates = searcher.search(plan.candidates(),
            new TopScoreDocCollectorManager(rescored, SearchResult.EXACT_TOTAL_UP_TO));
        TopDocs ranked = QueryRescorer.rescore(searcher, candidates, plan.rank(), 1.0, rescored);
        top = new TopDocs(candidates.totalHits, Arrays.copyOf(ranked.scoreDocs, Math.min(window, ranked.scoreDocs.length)));
      }
      return new Candidates<>(Arrays.asList(top.scoreDocs), top.totalHits.value(),
          top.totalHits.relation() == TotalHits.Relation.EQUAL_TO);
    }

    @Override
    public String path(ScoreDoc section) throws IOException {
      LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(section.doc, leaves));
      SortedDocValues paths = DocValues.getSorted(leaf.reader(), IndexSchema.PATH);
      return paths.advanceExact(section.doc - leaf.docBase) ? paths.lookupOrd(paths.ordValue()).utf8ToString() : "";
    }

    @Override
    public float score(ScoreDoc section) {
      return section.score;
    }

    @Override
    public List<StoredSection> read(List<ScoreDoc> page, boolean withBody) throws IOException {
      StoredFields stored = searcher.storedFields();
      List<StoredSection> out = new ArrayList<>(page.size());
      for (ScoreDoc sd : page) {
        // A hit's stored fields are decompressed together, the section text with them: read once,
        // for the hit and its snippet.
        Document d = stored.document(sd.doc, withBody ? HIT_FIELDS_AND_BODY : HIT_FIELDS);
        String joined = d.get(IndexSchema.HEADINGS_STORED);
        Number day = d.getField(IndexSchema.DATE) == null ? null : d.getField(IndexSchema.DATE).numericValue();
        out.add(new StoredSection(d.get(IndexSchema.PATH), d.getField(IndexSchema.LINE).numericValue().intValue(),
            d.get(IndexSchema.TITLE),
            joined == null || joined.isEmpty() ? List.of() : List.of(joined.split(IndexSchema.HEADING_SEPARATOR, -1)),
            d.get(IndexSchema.ANCHOR), Arrays.asList(d.getValues(IndexSchema.TAG)),
            Arrays.asList(d.getValues(IndexSchema.CATEGORY)),
            day == null ? null : LocalDate.ofEpochDay(day.longValue()), withBody ? d.get(IndexSchema.BODY) : null,
            IndexSchema.dateSource(d.get(IndexSchema.DATE_SOURCE), day != null),
            modified(sd.doc), StoredSection.linkTexts(Arrays.asList(d.getValues(IndexSchema.LINK_TEXT)))));
      }
      return out;
    }

    /** The file's modification time in epoch milliseconds, from doc values; -1 when not kept. */
    private long modified(int doc) throws IOException {
      LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(doc, leaves));
      org.apache.lucene.index.NumericDocValues values = leaf.reader().getNumericDocValues(IndexSchema.MODIFIED);
      return values != null && values.advanceExact(doc - leaf.docBase) ? values.longValue() * 1000 : -1;
    }

    @Override
    public List<Snippets.Shown> snippets(List<ScoreDoc> page, List<String> bodies,
        List<List<io.notesearch.core.schema.SectionRecord.LinkText>> links, Snippets.Titles titles, Query highlight)
        throws IOException {
      // The highlighter wants doc ids in index order; map its answers back to page order.
      Integer[] order = new Integer[page.size()];
      for (int i = 0; i < order.length; i++) {
        order[i] = i;
      }
      Arrays.sort(order, Comparator.comparingInt(i -> page.get(i).doc));
      int[] sorted = new int[order.length];
      String[] sortedBodies = new String[order.length];
      List<List<io.notesearch.core.schema.SectionRecord.LinkText>> sortedLinks = new ArrayList<>(order.length);
      for (int k = 0; k < order.length; k++) {
        sorted[k] = page.get(order[k]).doc;
        sortedBodies[k] = bodies.get(order[k]);
        sortedLinks.add(links.get(order[k]));
      }
      List<Snippets.Shown> inDocOrder = snippets.snippets(searcher, highlight, sorted, sortedBodies, sortedLinks, titles);
      Snippets.Shown[] inPageOrder = new Snippets.Shown[order.length];
      for (int k = 0; k < order.length; k++) {
        inPageOrder[order[k]] = inDocOrder.get(k);
      }
      return Arrays.asList(inPageOrder);
    }

    @Override
    public String linkTitle(String key) throws IOException {
      return LinkGraph.title(searcher, key);
    }

    @Override
    public String code(ScoreDoc section) throws IOException {
      String code = searcher.storedFields().document(section.doc, CODE_FIELD).get(IndexSchema.CODE);
      return code == null ? "" : code;
    }

    @Override
    public String correct(String cleaned) throws IOException {
      return suggester.correct(searcher.getIndexReader(), cleaned);
    }

    @Override
    public Counted facets(Run run) throws IOException {
      FacetCounter.Counts counts = FacetCounter.count(searcher, run.plan().candidates());
      return new Counted(counts.facets(), counts.total());
    }

    @Override
    public long count(Run run) throws IOException {
      return searcher.count(run.plan().candidates());
    }

    @Override
    public long documentFrequency(String term) throws IOException {
      return searcher.getIndexReader().docFreq(new org.apache.lucene.index.Term(IndexSchema.TERMS, term));
    }

    @Override
    public ScoreDoc section(String path, String anchor) throws IOException {
      int doc = Related.find(searcher, path, anchor);
      return doc < 0 ? null : new ScoreDoc(doc, Float.NaN);
    }

    @Override
    public QueryPlanner.Plan like(ScoreDoc section) throws IOException {
      return Related.plan(searcher, section.doc, analyzers);
    }

    @Override
    public IndexStats stats() throws IOException {
      NoteCatalog c = catalog();
      return new IndexStats(c.notes().size(), c.sections());
    }

    @Override
    public List<String> notes() throws IOException {
      return catalog().notes();
    }

    @Override
    public io.notesearch.core.NoteLinks links(String note) throws IOException {
      return LinkGraph.of(searcher, note);
    }

    private NoteCatalog catalog() throws IOException {
      NoteCatalog c = catalog;
      if (c == null || !c.isOf(searcher.getIndexReader())) {
        // Two threads may both list a new commit; both get the same answer, one is kept.
        c = NoteCatalog.of(searcher.getIndexReader());
        catalog = c;
      }
      return c;
    }

    @Override
    public void close() throws IOException {
      manager.release(searcher);
    }
  }

  @Override
  public void close() throws IOException {
    try {
      manager.close();
    } finally {
      try {
        directory.close();
      } finally {
        shutdown(slicePool, ownsPool);
      }
    }
  }

  /** Small segments grouped into one slice at most, as Lucene's default slicing does. */
  private static final int SEGMENTS_PER_SLICE = 5;

  /**
   * A pool of one thread per core besides the searching one (Lucene runs slices on the searching
   * thread too, so concurrent searches never wait on each other here); idle threads end after 30 s.
   * Null on one core.
   */
  private static ExecutorService slicePool() {
    int threads = Runtime.getRuntime().availableProcessors() - 1;
    if (threads < 1) {
      return null;
    }
    java.util.concurrent.ThreadPoolExecutor pool = new java.util.concurrent.ThreadPoolExecutor(threads, threads, 30,
        TimeUnit.SECONDS, new java.util.concurrent.LinkedBlockingQueue<>(),
        Thread.ofPlatform().name("notesearch-slice-", 1).daemon(true).factory());
    pool.allowCoreThreadTimeOut(true);
    return pool;
  }

  private static void shutdown(ExecutorService pool, boolean owned) {
    if (pool != null && owned) {
      pool.shutdown();
    }
  }

  /**
   * Searches a large index in slices of whole segments. Splitting a segment into partitions was as
   * fast for plain words at 100k notes, but each partition repeats a segment's set-up of wildcard,
   * prefix, fuzzy and date-range queries (a {@code path:} wildcard scans the terms once per partition).
   */
  private static final class SlicedSearcher extends IndexSearcher {
    private final int sliceSections;

    SlicedSearcher(IndexReader reader, ExecutorService pool, int sliceSections) {
      super(reader, pool);
      this.sliceSections = sliceSections;
    }

    @Override
    protected LeafSlice[] slices(List<LeafReaderContext> leaves) {
      // Called lazily, after the constructor has set the size.
      return slices(leaves, sliceSections, SEGMENTS_PER_SLICE, false);
    }
  }

  private static void closeQuietly(Directory dir) {
    if (dir != null) {
      try {
        dir.close();
      } catch (IOException ignored) {
        // Already failing with a better message.
      }
    }
  }
}
