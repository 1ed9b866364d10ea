package io.notesearch.searcher.internal;

import io.notesearch.core.SearchResult;
import io.notesearch.core.schema.IndexSchema;
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
  private long sections;
  private SortedSetDocValues tagValues;
  private SortedSetDocValues categoryValues;
  private NumericDocValues dates;

  private FacetCounter() {}

  /**
   * Facet counts and how many sections matched, from one pass over every match.
   *
   * @param facets the counts by tag, category and year
   * @param total the matching sections
   */
  public record Counts(SearchResult.Facets facets, long total) {}

  /** The counts for every section the query matches. */
  public static Counts count(IndexSearcher searcher, Query query) throws IOException {
    return searcher.search(query, new Manager());
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
    sections++;
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

  /** A counter per slice of the index (a large one is searched in slices at once), summed at the end. */
  private static final class Manager implements org.apache.lucene.search.CollectorManager<FacetCounter, Counts> {
    @Override
    public FacetCounter newCollector() {
      return new FacetCounter();
    }

    @Override
    public Counts reduce(java.util.Collection<FacetCounter> counters) {
      long total = 0;
      Map<String, Long> tags = new HashMap<>();
      Map<String, Long> categories = new HashMap<>();
      Map<Integer, Long> years = new HashMap<>();
      for (FacetCounter c : counters) {
        total += c.sections;
        c.tags.forEach((k, v) -> tags.merge(k, v, Long::sum));
        c.categories.forEach((k, v) -> categories.merge(k, v, Long::sum));
        c.years.forEach((k, v) -> years.merge(k, v, Long::sum));
      }
      return new Counts(new SearchResult.Facets(sorted(tags), sorted(categories), sorted(years)), total);
    }
  }
}
