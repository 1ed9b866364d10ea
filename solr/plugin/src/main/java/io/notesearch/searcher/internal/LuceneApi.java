package io.notesearch.searcher.internal;

import java.util.Map;
import org.apache.lucene.sandbox.search.CombinedFieldQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.QueryBuilder.TermAndBoost;

/**
 * Lucene 9 (Solr 9.10.1) edition of searcher's {@code internal/LuceneApi.java}, the one class of
 * query planning that is not compiled from searcher's source: in Lucene 9 {@code
 * CombinedFieldQuery} lives in lucene-sandbox with a term-less builder, and {@code TermAndBoost} has
 * fields where Lucene 10's record has accessors. Same queries, same scoring.
 */
final class LuceneApi {
  private LuceneApi() {}

  /** One term searched in several fields as one (BM25F), each field with its weight. */
  static Query combinedFields(String term, Map<String, Float> weights) {
    CombinedFieldQuery.Builder b = new CombinedFieldQuery.Builder().addTerm(new BytesRef(term));
    for (Map.Entry<String, Float> e : weights.entrySet()) {
      b.addField(e.getKey(), e.getValue());
    }
    return b.build();
  }

  /** The text of a synonym alternative. */
  static String text(TermAndBoost t) {
    return t.term.utf8ToString();
  }

  /** The boost of a synonym alternative. */
  static float boost(TermAndBoost t) {
    return t.boost;
  }
}
