package io.notesearch.searcher;

import io.notesearch.searcher.analysis.Glossary;
import io.notesearch.searcher.analysis.NoteAnalyzers;
import io.notesearch.searcher.internal.QueryPlanner;
import io.notesearch.searcher.internal.Snippets;
import io.notesearch.searcher.schema.IndexSchema;
import io.notesearch.searcher.schema.MinedGlossary;
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
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexNotFoundException;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;

/**
 * Searches a notesearch index: the front door of this module.
 *
 * <p>Thread-safe; open one per index and share it. Each search sees the latest commit of the index
 * (it refreshes cheaply when an indexer has committed since).
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
  private static final java.util.Set<String> PATH_ONLY = java.util.Set.of(IndexSchema.PATH);

  private final Path indexPath;
  private final Directory directory;
  private final SearcherManager manager;
  private final QueryPlanner planner;
  private final Snippets snippets;

  private NoteSearcher(Path indexPath, Directory directory, SearcherManager manager, NoteAnalyzers analyzers) {
    this.indexPath = indexPath;
    this.directory = directory;
    this.manager = manager;
    this.planner = new QueryPlanner(analyzers);
    this.snippets = new Snippets(analyzers.index());
  }

  /**
   * Opens the index at a folder with the standard analysis.
   *
   * @param index the index folder written by the indexer
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
      analyzers = NoteAnalyzers.with(glossary, files.dictionary());
    } catch (IOException e) {
      throw new NoteIndexException("cannot read a user analysis file (" + e.getMessage() + ")", e);
    }
    return open(index, analyzers);
  }

  /**
   * Opens the index at a folder with the given analysis (it must be the one the index was built with).
   *
   * @param index the index folder written by the indexer
   * @param analyzers the analysis chains
   * @throws NoteIndexException when there is no readable notesearch index there
   */
  public static NoteSearcher open(Path index, NoteAnalyzers analyzers) throws NoteIndexException {
    Objects.requireNonNull(index, "index");
    if (!Files.isDirectory(index)) {
      throw new NoteIndexException("no index at [" + index + "]: run `notesearch index DIR` first", null);
    }
    Directory dir = null;
    try {
      dir = FSDirectory.open(index);
      SearcherManager manager = new SearcherManager(dir, null);
      return new NoteSearcher(index, dir, manager, analyzers);
    } catch (IndexNotFoundException e) {
      closeQuietly(dir);
      throw new NoteIndexException("no index at [" + index + "]: run `notesearch index DIR` first", e);
    } catch (IOException | RuntimeException e) {
      closeQuietly(dir);
      throw new NoteIndexException(
          "cannot read the index at [" + index + "] (" + e.getMessage()
              + "): rebuild it with `notesearch index --full DIR`", e);
    }
  }

  /** The folder this searcher reads. */
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
      manager.maybeRefresh();
      IndexSearcher searcher = manager.acquire();
      try {
        SearchResult.Matching matching = SearchResult.Matching.ALL_WORDS;
        QueryPlanner.Plan plan = planner.plan(request, true);
        if (plan == null) {
          return new SearchResult(List.of(), 0, matching, Duration.ofNanos(System.nanoTime() - started));
        }
        int window = Math.min(10_000, (request.offset() + request.limit()) * (request.maxPerNote() + 4) + 20);
        TopDocs top = searcher.search(plan.full(), window);
        if (top.totalHits.value() == 0) {
          plan = planner.plan(request, false);
          matching = SearchResult.Matching.ANY_WORD;
          top = searcher.search(plan.full(), window);
        }
        List<ScoreDoc> page = capPerNote(searcher, top.scoreDocs, request);
        List<Hit> hits = toHits(searcher, page, plan, request.highlight());
        return new SearchResult(
            hits, top.totalHits.value(), matching, Duration.ofNanos(System.nanoTime() - started));
      } finally {
        manager.release(searcher);
      }
    } catch (IOException e) {
      throw new NoteIndexException(
          "cannot read the index at [" + indexPath + "] (" + e.getMessage() + ")", e);
    }
  }

  private static List<ScoreDoc> capPerNote(IndexSearcher searcher, ScoreDoc[] docs, SearchRequest request)
      throws IOException {
    StoredFields stored = searcher.storedFields();
    Map<String, Integer> perNote = new HashMap<>();
    List<ScoreDoc> kept = new ArrayList<>();
    int skip = request.offset();
    for (ScoreDoc sd : docs) {
      String path = stored.document(sd.doc, PATH_ONLY).get(IndexSchema.PATH);
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

  private List<Hit> toHits(IndexSearcher searcher, List<ScoreDoc> page, QueryPlanner.Plan plan, boolean highlight)
      throws IOException {
    int[] ids = page.stream().mapToInt(sd -> sd.doc).toArray();
    List<Snippet> marked = null;
    if (highlight && ids.length > 0) {
      int[] sorted = ids.clone();
      Arrays.sort(sorted);
      // The highlighter wants doc ids in index order; map its answers back to rank order.
      List<Snippet> inDocOrder = snippets.snippets(searcher, plan.highlight(), sorted);
      Map<Integer, Snippet> byDoc = new HashMap<>();
      for (int i = 0; i < sorted.length; i++) {
        byDoc.put(sorted[i], inDocOrder.get(i));
      }
      marked = Arrays.stream(ids).mapToObj(byDoc::get).toList();
    }
    StoredFields stored = searcher.storedFields();
    List<Hit> hits = new ArrayList<>(page.size());
    for (int i = 0; i < page.size(); i++) {
      ScoreDoc sd = page.get(i);
      Document d = stored.document(sd.doc);
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
              day == null ? null : LocalDate.ofEpochDay(day.longValue())));
    }
    return hits;
  }

  /** The analysed query terms, for callers that show what matched. */
  public List<String> queryTerms(String query) {
    QueryPlanner.Plan plan = planner.plan(SearchRequest.of(query), false);
    return plan == null ? List.of() : List.copyOf(plan.terms());
  }

  @Override
  public void close() throws IOException {
    try {
      manager.close();
    } finally {
      directory.close();
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
