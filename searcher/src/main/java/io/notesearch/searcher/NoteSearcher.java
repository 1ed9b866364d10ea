package io.notesearch.searcher;

import io.notesearch.searcher.analysis.Glossary;
import io.notesearch.searcher.analysis.NoteAnalyzers;
import io.notesearch.searcher.internal.FacetCounter;
import io.notesearch.searcher.internal.NoteCatalog;
import io.notesearch.searcher.internal.QueryPlanner;
import io.notesearch.searcher.internal.Rewrites;
import io.notesearch.searcher.internal.Related;
import io.notesearch.searcher.internal.Snippets;
import io.notesearch.searcher.internal.Suggester;
import io.notesearch.searcher.schema.IndexSchema;
import io.notesearch.searcher.schema.MinedGlossary;
import io.notesearch.searcher.schema.NoteSimilarity;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.index.IndexNotFoundException;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryRescorer;
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
 * Searches a notesearch index: the front door of this module.
 *
 * <p>Thread-safe; open one per index and share it. Each search sees the latest commit of the index
 * (it refreshes cheaply when an indexer has committed since). An index of more than 100,000 sections
 * is searched in slices at once: on the searching thread and on a pool of daemon threads, one per
 * further core, which end after 30 s idle and at {@link #close()} ({@code
 * -Dnotesearch.sliceSections=N} sets the slice size, 0 searches on the calling thread only).
 *
 * <pre>{@code
 * try (NoteSearcher searcher = NoteSearcher.open(Path.of("/home/me/.local/share/notesearch/index"))) {
 *   SearchResult result = searcher.search(SearchRequest.of("람다 콜드 스타트").withLimit(5));
 *   for (Hit hit : result.hits()) {
 *     System.out.println(hit.path() + ":" + hit.line() + " " + String.join(" › ", hit.headings()));
 *   }
 * }
 * }</pre>
 */
public final class NoteSearcher implements AutoCloseable {
  private final Path indexPath;
  private final Directory directory;
  private final SearcherManager manager;

  /** Searches the slices of a large index besides the searching thread; null on one core. */
  private final ExecutorService slicePool;
  private final QueryPlanner planner;
  private final Snippets snippets;
  private final Suggester suggester;
  private final NoteAnalyzers analyzers;

  /**
   * The index folder's modification time when a refresh last found nothing new, once that time was
   * old enough to trust; null when the next search must check. Volatile: any thread may set it.
   */
  private volatile java.nio.file.attribute.FileTime unchangedSince;

  /** The notes of the reader last asked about; volatile because searches on any thread replace it. */
  private volatile NoteCatalog catalog;

  private NoteSearcher(Path indexPath, Directory directory, SearcherManager manager, ExecutorService slicePool, NoteAnalyzers analyzers) {
    this.indexPath = indexPath;
    this.directory = directory;
    this.manager = manager;
    this.slicePool = slicePool;
    this.planner = new QueryPlanner(analyzers);
    this.snippets = new Snippets(analyzers.index());
    this.suggester = new Suggester(analyzers.queryPlain(), analyzers.glossary());
    this.analyzers = analyzers;
  }

  /**
   * Starts loading, on background threads, what the first search in a new JVM would otherwise wait
   * for: Nori's dictionaries, the built-in glossary and user dictionary, and Lucene's memory-mapping
   * support (its native-call setup). Returns at once; harmless to call more than once. A
   * command-line tool calls it first thing, so that the loading overlaps with parsing arguments.
   */
  public static void preload() {
    io.notesearch.searcher.analysis.NoteAnalyzers.preload();
    Thread.ofPlatform().name("lucene-mmap").daemon(true).start(() -> {
      try {
        Class.forName(org.apache.lucene.store.MMapDirectory.class.getName(), true, NoteSearcher.class.getClassLoader());
      } catch (ClassNotFoundException | LinkageError e) {
        // then the first FSDirectory.open pays for it, or reports it
      }
    });
  }

  /**
   * Opens the index at a folder with the standard analysis.
   *
   * @param index the index folder written by the indexer
   * @return a searcher; close it when done
   * @throws NoteIndexException when there is no readable notesearch index there
   */
  public static NoteSearcher open(Path index) throws NoteIndexException {
    return open(index, UserFiles.NONE, Synonyms.DEFAULT);
  }

  /**
   * Opens the index at a folder with the user's analysis files and a choice of synonyms.
   *
   * @param index the index folder written by the indexer
   * @param files the user's glossary and dictionary (the index must have been built with the same
   *     dictionary)
   * @param synonyms which synonyms queries get
   * @return a searcher; close it when done
   * @throws NoteIndexException when there is no readable notesearch index there, or a user file
   *     cannot be read
   */
  public static NoteSearcher open(Path index, UserFiles files, Synonyms synonyms) throws NoteIndexException {
    Objects.requireNonNull(files, "files");
    Objects.requireNonNull(synonyms, "synonyms");
    NoteAnalyzers analyzers;
    try {
      Glossary glossary = Glossary.empty();
      if (synonyms != Synonyms.NONE) {
        glossary = Glossary.builtIn();
        if (files.glossary() != null) {
          glossary = glossary.with(Glossary.read(files.glossary()));
        }
      }
      if (synonyms == Synonyms.GLOSSARY_AND_MINED) {
        glossary = glossary.with(MinedGlossary.read(index));
      }
      // The synonym map is kept beside the index: a cold process then needs Nori only for the query.
      analyzers = NoteAnalyzers.with(glossary, files.dictionary(), isIndex(index) ? index : null);
    } catch (IOException e) {
      throw new NoteIndexException("cannot read a user analysis file (" + e.getMessage() + ")", e);
    }
    return open(index, analyzers);
  }

  /** Whether a folder holds a Lucene commit: only then is the synonym map kept in it. */
  private static boolean isIndex(Path folder) {
    try (java.util.stream.Stream<Path> files = Files.list(folder)) {
      return files.anyMatch(f -> f.getFileName().toString().startsWith("segments_"));
    } catch (IOException e) {
      return false;
    }
  }

  /**
   * Opens the index at a folder with the given analysis (it must be the one the index was built with).
   *
   * <p>For the indexer and tools on the class path that compare analysis set-ups: on the module path
   * {@code NoteAnalyzers} is exported to the indexer only, and callers use {@link #open(Path,
   * UserFiles, Synonyms)}.
   *
   * @param index the index folder written by the indexer
   * @param analyzers the analysis chains
   * @return a searcher; close it when done
   * @throws NoteIndexException when there is no readable notesearch index there
   */
  @SuppressWarnings("exports") // NoteAnalyzers is exported to the indexer only; see above
  public static NoteSearcher open(Path index, NoteAnalyzers analyzers) throws NoteIndexException {
    Objects.requireNonNull(index, "index");
    if (!Files.isDirectory(index)) {
      throw new NoteIndexException("no index at [" + index + "]: run `notesearch index DIR` first", null);
    }
    Directory dir = null;
    int sliceSections = Integer.getInteger("notesearch.sliceSections", SLICE_SECTIONS);
    ExecutorService pool = slicePool(sliceSections);
    try {
      dir = FSDirectory.open(index);
      SearcherManager manager = new SearcherManager(dir, new SearcherFactory() {
        @Override
        public IndexSearcher newSearcher(IndexReader reader, IndexReader previous) {
          IndexSearcher searcher = pool == null ? new IndexSearcher(reader) : new SlicedSearcher(reader, pool, sliceSections);
          searcher.setSimilarity(NoteSimilarity.INSTANCE);
          return searcher;
        }
      });
      String version = schemaVersion(manager);
      if (!IndexSchema.VERSION.equals(version)) {
        manager.close();
        dir.close();
        shutdown(pool);
        throw new NoteIndexException("the index at [" + index + "] was written by " + (version == null ? "another" : "an older")
            + " version of notesearch: rebuild it with `notesearch index --full DIR`", null);
      }
      return new NoteSearcher(index, dir, manager, pool, analyzers);
    } catch (NoteIndexException e) {
      throw e;
    } catch (IndexNotFoundException e) {
      closeQuietly(dir);
      shutdown(pool);
      throw new NoteIndexException("no index at [" + index + "]: run `notesearch index DIR` first", e);
    } catch (IOException | RuntimeException e) {
      closeQuietly(dir);
      shutdown(pool);
      throw new NoteIndexException(
          "cannot read the index at [" + index + "] (" + String.valueOf(e.getMessage()).lines().findFirst().orElse("")
              + "): rebuild it with `notesearch index --full DIR`", e);
    }
  }

  /**
   * Sees commits made since the last search. Asking Lucene reads the latest commit file every time
   * (5% of a warm query); a commit renames a new segments file into the folder, which changes the
   * folder's modification time, so an unchanged time means nothing to see. The time is trusted only
   * when it is two seconds old: file systems stamp in coarse ticks, and a commit in the same tick as
   * the last change would not move it.
   */
  private void refresh() throws IOException {
    java.nio.file.attribute.FileTime modified = Files.getLastModifiedTime(indexPath);
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
  private static final long RECHECK_NANOS = java.util.concurrent.TimeUnit.SECONDS.toNanos(5);

  /** When Lucene was last asked (System.nanoTime). */
  private volatile long lastAsked;

  /** The notesearch index format version in the last commit, or null when it has none. */
  private static String schemaVersion(SearcherManager manager) throws IOException {
    IndexSearcher searcher = manager.acquire();
    try {
      return ((DirectoryReader) searcher.getIndexReader()).getIndexCommit().getUserData().get(IndexSchema.VERSION_KEY);
    } finally {
      manager.release(searcher);
    }
  }

  /** {@return the folder this searcher reads} */
  public Path indexPath() {
    return indexPath;
  }

  /**
   * Runs a search. Every word of the query must match; when no section has them all, any word may.
   *
   * @param request what to search for
   * @return the hits, best first, at most {@code request.maxPerNote()} sections per note
   * @throws NoteIndexException when the index cannot be read
   */
  public SearchResult search(SearchRequest request) throws NoteIndexException {
    long started = System.nanoTime();
    try {
      refresh();
      IndexSearcher searcher = manager.acquire();
      try {
        boolean plainWords = QueryPlanner.isPlainWords(request);
        Rewrites.Outcome<Attempt> outcome = Rewrites.apply(request, attempt(searcher, request, plainWords), plainWords, true,
            (r, plain) -> attempt(searcher, r, plain), cleaned -> suggester.correct(searcher.getIndexReader(), cleaned));
        Attempt attempt = outcome.attempt();
        SearchResult.Rewrite rewrite = outcome.rewrite();
        if (attempt == null) {
          return new SearchResult(List.of(), 0, SearchResult.Matching.ALL_WORDS,
              Duration.ofNanos(System.nanoTime() - started), SearchResult.Rewrite.NONE, SearchResult.Facets.NONE);
        }
        List<ScoreDoc> page = capPerNote(searcher, attempt.top().scoreDocs, request);
        // A few long notes can fill the window with sections the cap drops: look further down.
        for (int window = attempt.top().scoreDocs.length * 4;
            page.size() < request.limit() && attempt.top().scoreDocs.length < attempt.total()
                && attempt.top().scoreDocs.length < MAX_WINDOW;
            window *= 4) {
          attempt = new Attempt(attempt.plan(), run(searcher, attempt.plan(), Math.min(window, MAX_WINDOW), request.sort()),
              attempt.allWords());
          page = capPerNote(searcher, attempt.top().scoreDocs, request);
        }
        List<Hit> hits = toHits(searcher, page, attempt.plan(), request.highlight());
        SearchResult.Facets facets = SearchResult.Facets.NONE;
        long total = attempt.total();
        boolean counted = attempt.top().totalHits.relation() == TotalHits.Relation.EQUAL_TO;
        if (request.facets()) {
          // One pass over every match gives the facets and the exact total.
          FacetCounter.Counts counts = FacetCounter.count(searcher, attempt.plan().candidates());
          facets = counts.facets();
          total = counts.total();
        } else if (request.exactTotal() && !counted) {
          total = searcher.count(attempt.plan().candidates());
        }
        return new SearchResult(hits, total,
            attempt.allWords() ? SearchResult.Matching.ALL_WORDS : SearchResult.Matching.ANY_WORD,
            Duration.ofNanos(System.nanoTime() - started), rewrite, facets);
      } finally {
        manager.release(searcher);
      }
    } catch (IndexSearcher.TooManyClauses e) {
      throw new IllegalArgumentException("query too complex [" + e.getMessage() + "]; use fewer words or operators", e);
    } catch (IOException e) {
      throw new NoteIndexException(
          "cannot read the index at [" + indexPath + "] (" + e.getMessage() + ")", e);
    }
  }

  /** One run of a query: every word, then any word when that finds nothing (plain words only). */
  private record Attempt(QueryPlanner.Plan plan, TopDocs top, boolean allWords) implements Rewrites.Found {
    @Override
    public long total() {
      return top.totalHits.value();
    }
  }

  private Attempt attempt(IndexSearcher searcher, SearchRequest request, boolean plainWords) throws IOException {
    QueryPlanner.Plan plan = planner.plan(request, true);
    if (plan == null) {
      return null;
    }
    int window = (int) Math.min(MAX_WINDOW, ((long) request.offset() + request.limit()) * (Math.min(request.maxPerNote(), 1000) + 4L) + 20);
    TopDocs top = run(searcher, plan, window, request.sort());
    if (top.totalHits.value() > 0 || !plainWords) {
      return new Attempt(plan, top, true);
    }
    QueryPlanner.Plan any = planner.plan(request, false);
    return new Attempt(any, run(searcher, any, window, request.sort()), false);
  }

  /** Newest first sorts by the note's date, then by score; notes without a date come last. */
  private static final Sort BY_DATE = new Sort(newestFirst(), SortField.FIELD_SCORE);

  private static SortField newestFirst() {
    SortField date = new SortField(IndexSchema.DATE, SortField.Type.LONG, true);
    date.setMissingValue(Long.MIN_VALUE);
    return date;
  }

  /**
   * Candidates by the match query, then the best {@link #RESCORE_WINDOW} rescored with the ranking
   * boosts (phrases, exact compounds, the words that were not required): the boosts cost as much as
   * the match, and only change the order near the top.
   */
  private static TopDocs run(IndexSearcher searcher, QueryPlanner.Plan plan, int window, SearchRequest.Sort sort)
      throws IOException {
    if (sort == SearchRequest.Sort.DATE) {
      return searcher.search(plan.full(), window, BY_DATE, true);
    }
    if (plan.rank() == null) {
      return searcher.search(plan.candidates(), new TopScoreDocCollectorManager(window, SearchResult.EXACT_TOTAL_UP_TO));
    }
    TopDocs candidates = searcher.search(plan.candidates(),
        new TopScoreDocCollectorManager(Math.max(window, RESCORE_WINDOW), SearchResult.EXACT_TOTAL_UP_TO));
    TopDocs rescored = QueryRescorer.rescore(searcher, candidates, plan.rank(), 1.0, Math.max(window, RESCORE_WINDOW));
    return new TopDocs(candidates.totalHits, java.util.Arrays.copyOf(rescored.scoreDocs, Math.min(window, rescored.scoreDocs.length)));
  }

  /** The most hits collected for one page, however many sections one note contributes. */
  private static final int MAX_WINDOW = 10_000;

  /** How many of the best candidates the ranking boosts reorder. */
  private static final int RESCORE_WINDOW = 100;

  private static List<ScoreDoc> capPerNote(IndexSearcher searcher, ScoreDoc[] docs, SearchRequest request)
      throws IOException {
    List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
    Map<String, Integer> perNote = new HashMap<>();
    List<ScoreDoc> kept = new ArrayList<>();
    int skip = request.offset();
    for (ScoreDoc sd : docs) {
      LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(sd.doc, leaves));
      SortedDocValues paths = DocValues.getSorted(leaf.reader(), IndexSchema.PATH);
      String path = paths.advanceExact(sd.doc - leaf.docBase) ? paths.lookupOrd(paths.ordValue()).utf8ToString() : "";
      int seen = perNote.merge(path, 1, Integer::sum);
      if (seen > request.maxPerNote()) {
        continue;
      }
      if (skip > 0) {
        skip--;
        continue;
      }
      kept.add(sd);
      if (kept.size() == request.limit()) {
        break;
      }
    }
    return kept;
  }

  /** The stored fields a hit is made of. */
  private static final java.util.Set<String> HIT_FIELDS = java.util.Set.of(IndexSchema.PATH, IndexSchema.LINE,
      IndexSchema.TITLE, IndexSchema.HEADINGS_STORED, IndexSchema.ANCHOR, IndexSchema.TAG, IndexSchema.CATEGORY,
      IndexSchema.DATE);

  /** {@link #HIT_FIELDS} and the section text, for hits with snippets. */
  private static final java.util.Set<String> CODE_FIELD = java.util.Set.of(IndexSchema.CODE);

  private static final java.util.Set<String> HIT_FIELDS_AND_BODY = java.util.stream.Stream.concat(HIT_FIELDS.stream(),
      java.util.stream.Stream.of(IndexSchema.BODY)).collect(java.util.stream.Collectors.toUnmodifiableSet());

  private List<Hit> toHits(IndexSearcher searcher, List<ScoreDoc> page, QueryPlanner.Plan plan, boolean highlight)
      throws IOException {
    int[] ids = page.stream().mapToInt(sd -> sd.doc).toArray();
    StoredFields stored = searcher.storedFields();
    // A hit's stored fields are decompressed together, the section text with them: read once, for
    // the hit and its snippet.
    Document[] docs = new Document[ids.length];
    for (int i = 0; i < ids.length; i++) {
      docs[i] = stored.document(ids[i], highlight ? HIT_FIELDS_AND_BODY : HIT_FIELDS);
    }
    List<Snippet> marked = null;
    if (highlight && ids.length > 0) {
      Integer[] order = new Integer[ids.length];
      for (int i = 0; i < order.length; i++) {
        order[i] = i;
      }
      // The highlighter wants doc ids in index order; map its answers back to rank order.
      Arrays.sort(order, java.util.Comparator.comparingInt(i -> ids[i]));
      int[] sorted = new int[ids.length];
      String[] bodies = new String[ids.length];
      for (int k = 0; k < order.length; k++) {
        sorted[k] = ids[order[k]];
        bodies[k] = docs[order[k]].get(IndexSchema.BODY);
      }
      Query toMark = plan.highlight();
      List<Snippet> inDocOrder = snippets.snippets(searcher, toMark, sorted, bodies);
      Snippet[] inRankOrder = new Snippet[ids.length];
      for (int k = 0; k < order.length; k++) {
        inRankOrder[order[k]] = inDocOrder.get(k);
      }
      marked = Arrays.asList(inRankOrder);
      for (int i = 0; i < ids.length; i++) {
        if (marked.get(i).marks().isEmpty()) {
          // Found by its code alone: show the code where the words are.
          String code = stored.document(ids[i], CODE_FIELD).get(IndexSchema.CODE);
          Snippet fromCode = code == null ? Snippet.empty() : snippets.codeSnippet(code, toMark);
          if (!fromCode.marks().isEmpty()) {
            marked.set(i, fromCode);
          }
        }
      }
    }
    List<Hit> hits = new ArrayList<>(page.size());
    for (int i = 0; i < page.size(); i++) {
      ScoreDoc sd = page.get(i);
      Document d = docs[i];
      String joined = d.get(IndexSchema.HEADINGS_STORED);
      List<String> headings =
          joined == null || joined.isEmpty()
              ? List.of()
              : List.of(joined.split(IndexSchema.HEADING_SEPARATOR, -1));
      Number day = d.getField(IndexSchema.DATE) == null ? null : d.getField(IndexSchema.DATE).numericValue();
      hits.add(
          new Hit(
              d.get(IndexSchema.PATH),
              d.getField(IndexSchema.LINE).numericValue().intValue(),
              d.get(IndexSchema.TITLE),
              headings,
              d.get(IndexSchema.ANCHOR),
              sd.score,
              marked == null ? Snippet.empty() : marked.get(i),
              Arrays.asList(d.getValues(IndexSchema.TAG)),
              d.get(IndexSchema.CATEGORY) == null ? "" : d.get(IndexSchema.CATEGORY),
              day == null ? null : LocalDate.ofEpochDay(day.longValue()),
              marked == null ? List.of() : matches(marked.get(i))));
    }
    return hits;
  }

  /** The distinct marked words of a snippet, as written there. */
  private static List<String> matches(Snippet snippet) {
    java.util.LinkedHashSet<String> out = new java.util.LinkedHashSet<>();
    for (Snippet.Mark m : snippet.marks()) {
      out.add(snippet.text().substring(m.start(), m.end()));
    }
    return List.copyOf(out);
  }

  /**
   * Sections most like a given one (its words weighed by how rare they are), best first, the section
   * itself left out.
   *
   * @param path the note's path, as in {@link Hit#path()}
   * @param anchor the section's anchor, or empty for the note's first section
   * @param limit how many sections at most
   * @return the related sections, most alike first
   * @throws IllegalArgumentException naming the path when no such section is indexed
   * @throws NoteIndexException when the index cannot be read
   */
  public List<Hit> related(String path, String anchor, int limit) throws NoteIndexException {
    try {
      refresh();
      IndexSearcher searcher = manager.acquire();
      try {
        int doc = Related.find(searcher, path, anchor);
        if (doc < 0) {
          throw new IllegalArgumentException("no indexed section [" + path + (anchor.isEmpty() ? "" : "#" + anchor) + "]");
        }
        QueryPlanner.Plan plan = Related.plan(searcher, doc, analyzers);
        if (plan == null) {
          return List.of();
        }
        TopDocs top = searcher.search(plan.full(), limit * 6 + 10);
        List<ScoreDoc> others = new ArrayList<>();
        for (ScoreDoc sd : top.scoreDocs) {
          if (sd.doc != doc) {
            others.add(sd);
          }
        }
        List<ScoreDoc> page = capPerNote(searcher, others.toArray(ScoreDoc[]::new), SearchRequest.of("").withLimit(limit));
        return toHits(searcher, page, plan, true);
      } finally {
        manager.release(searcher);
      }
    } catch (IOException e) {
      throw new NoteIndexException("cannot read the index at [" + indexPath + "] (" + e.getMessage() + ")", e);
    }
  }

  /**
   * How many notes and sections the latest commit holds.
   *
   * @return the counts
   * @throws NoteIndexException when the index cannot be read
   */
  public IndexStats stats() throws NoteIndexException {
    NoteCatalog c = catalog();
    return new IndexStats(c.notes().size(), c.sections());
  }

  /**
   * The paths of the notes in the latest commit, sorted, as {@link Hit#path()} gives them. The
   * same list instance is returned until the index changes.
   *
   * @return the note paths
   * @throws NoteIndexException when the index cannot be read
   */
  public List<String> notes() throws NoteIndexException {
    return catalog().notes();
  }

  private NoteCatalog catalog() throws NoteIndexException {
    try {
      refresh();
      IndexSearcher searcher = manager.acquire();
      try {
        NoteCatalog c = catalog;
        if (c == null || !c.isOf(searcher.getIndexReader())) {
          // Two threads may both list a new commit; both get the same answer, one is kept.
          c = NoteCatalog.of(searcher.getIndexReader());
          catalog = c;
        }
        return c;
      } finally {
        manager.release(searcher);
      }
    } catch (IOException e) {
      throw new NoteIndexException("cannot read the index at [" + indexPath + "] (" + e.getMessage() + ")", e);
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
        shutdown(slicePool);
      }
    }
  }

  /**
   * Sections per slice: a large index is searched in slices of about this many sections at once, on
   * the searching thread and a small pool. 100k notes (884k sections in 7 segments, 2 cores): a warm
   * query p50 9.6 → 5.5 ms, p99 27 → 12 ms. A smaller index is one slice and never wakes the pool: at 10k notes (89k
   * sections) slices of 30,000 gave p50 1.25 → 1.0 ms but p99 2.6 → 2.8-3.9 ms (JMH), the pool thread
   * waiting for a core. The system property {@code notesearch.sliceSections}, read when a searcher
   * opens, changes it (0: never slice).
   */
  private static final int SLICE_SECTIONS = 100_000;

  /** Small segments grouped into one slice at most, as Lucene's default slicing does. */
  private static final int SEGMENTS_PER_SLICE = 5;

  /**
   * A pool of one thread per core besides the searching one (Lucene runs slices on the searching
   * thread too, so concurrent searches never wait on each other here); idle threads end after 30 s.
   */
  private static ExecutorService slicePool(int sliceSections) {
    int threads = Runtime.getRuntime().availableProcessors() - 1;
    if (threads < 1 || sliceSections <= 0) {
      return null;
    }
    ThreadPoolExecutor pool = new ThreadPoolExecutor(threads, threads, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
        Thread.ofPlatform().name("notesearch-slice-", 1).daemon(true).factory());
    pool.allowCoreThreadTimeOut(true);
    return pool;
  }

  private static void shutdown(ExecutorService pool) {
    if (pool != null) {
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
