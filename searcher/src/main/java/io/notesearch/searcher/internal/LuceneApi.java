package io.notesearch.searcher.internal;

import java.util.Map;
import org.apache.lucene.search.CombinedFieldQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.util.QueryBuilder.TermAndBoost;

/**
 * The only Lucene calls of query planning that differ between Lucene 10 (here) and Lucene 9 (the
 * Solr plugin, notesearch-solr-plugin, compiles {@link QueryPlanner} from this source tree and brings
 * its own copy of this one class). Not API.
 */
final class LuceneApi {
  private LuceneApi() {}

  /** One term searched in several fields as one (BM25F), each field with its weight. */
  static Query combinedFields(String term, Map<String, Float> weights) {
    CombinedFieldQuery.Builder b = new CombinedFieldQuery.Builder(term);
    for (Map.Entry<String, Float> e : weights.entrySet()) {
      b.addField(e.getKey(), e.getValue());
    }
    return b.build();
  }

  /** The text of a synonym alternative. */
  static String text(TermAndBoost t) {
    return t.term().utf8ToString();
  }

  /** The boost of a synonym alternative. */
  static float boost(TermAndBoost t) {
    return t.boost();
  }
}
