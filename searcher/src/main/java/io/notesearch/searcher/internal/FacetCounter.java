package io.notesearch.searcher.internal;

import io.notesearch.searcher.SearchResult;
import io.notesearch.searcher.schema.IndexSchema;
import java.io.IOException;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.SimpleCollector;

/** Counts matching sections by tag, category and year, from doc values. Not API. */
public final class FacetCounter extends SimpleCollector {
  private final Map<String, Long> tags = new HashMap<>();
  private final Map<String, Long> categories = new HashMap<>();
  private final Map<Integer, Long> years = new HashMap<>();
  private SortedSetDocValues tagValues;
  private SortedSetDocValues categoryValues;
  private NumericDocValues dates;

  private FacetCounter() {}

  /** The counts for every section the query matches. */
  public static SearchResult.Facets count(IndexSearcher searcher, Query query) throws IOException {
    FacetCounter counter = new FacetCounter();
    // One collector over all leaves in order: the index of a notes folder is small enough for that.
    searcher.search(query, new SingleCollectorManager(counter));
    return new SearchResult.Facets(sorted(counter.tags), sorted(counter.categories), sorted(counter.years));
  }

  private static <K extends Comparable<K>> Map<K, Long> sorted(Map<K, Long> counts) {
    Map<K, Long> out = new LinkedHashMap<>();
    counts.entrySet().stream()
        .sorted(Map.Entry.<K, Long>comparingByValue(Comparator.reverseOrder()).thenComparing(Map.Entry.comparingByKey()))
        .forEach(e -> out.put(e.getKey(), e.getValue()));
    return out;
  }

  @Override
  protected void doSetNextReader(LeafReaderContext context) throws IOException {
    tagValues = DocValues.getSortedSet(context.reader(), IndexSchema.TAG);
    categoryValues = DocValues.getSortedSet(context.reader(), IndexSchema.CATEGORY);
    dates = DocValues.getNumeric(context.reader(), IndexSchema.DATE);
  }

  @Override
  public void collect(int doc) throws IOException {
    if (tagValues.advanceExact(doc)) {
      for (int i = 0; i < tagValues.docValueCount(); i++) {
        tags.merge(tagValues.lookupOrd(tagValues.nextOrd()).utf8ToString(), 1L, Long::sum);
      }
    }
    if (categoryValues.advanceExact(doc)) {
      for (int i = 0; i < categoryValues.docValueCount(); i++) {
        categories.merge(categoryValues.lookupOrd(categoryValues.nextOrd()).utf8ToString(), 1L, Long::sum);
      }
    }
    if (dates.advanceExact(doc)) {
      years.merge(LocalDate.ofEpochDay(dates.longValue()).getYear(), 1L, Long::sum);
    }
  }

  @Override
  public ScoreMode scoreMode() {
    return ScoreMode.COMPLETE_NO_SCORES;
  }

  /**
   * Hands the one counter to the searcher, which searches the leaves one after another (notesearch
   * opens its searchers without an executor).
   */
  private record SingleCollectorManager(FacetCounter counter)
      implements org.apache.lucene.search.CollectorManager<FacetCounter, Void> {
    @Override
    public FacetCounter newCollector() {
      return counter;
    }

    @Override
    public Void reduce(java.util.Collection<FacetCounter> collectors) {
      return null;
    }
  }
}
