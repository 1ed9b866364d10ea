package io.notesearch.core.plan;

import io.notesearch.core.schema.IndexSchema;
import java.util.List;
import java.util.Map;
import org.apache.lucene.sandbox.search.CombinedFieldQuery;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.MultiTermQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.QueryBuilder.TermAndBoost;

/**
 * Lucene 9 (Solr 9.10.1) edition of searcher's {@code internal/LuceneApi.java}, the one class of
 * query planning that is not compiled from searcher's source: in Lucene 9 {@code
 * CombinedFieldQuery} lives in lucene-sandbox with a term-less builder, and {@code TermAndBoost} has
 * fields where Lucene 10's record has accessors; and the stored word scores of the local index are not
 * in the Solr collection, so BM25F is computed at query time there (see sectionOrNote).
 */
final class LuceneApi {
  private LuceneApi() {}

  /**
   * One query term against a section: BM25F over the section's fields and over its note's, the
   * better of the two plus a tie share of the other. The local index has these weights applied at
   * index time, in one field of stored scores; the Solr collection has no such field, so here the same
   * BM25F is computed at query time with {@code CombinedFieldQuery}.
   */
  static Query sectionOrNote(String term) {
    return new DisjunctionMaxQuery(
        List.of(
            combinedFields(term, IndexSchema.SECTION_WEIGHTS),
            new BoostQuery(combinedFields(term, IndexSchema.NOTE_WEIGHTS), IndexSchema.NOTE_BOOST)),
        IndexSchema.NOTE_TIE);
  }

  /** One term searched in several fields as one (BM25F), each field with its weight. */
  private static Query combinedFields(String term, Map<String, Float> weights) {
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

  /** How a clause occurs (a getter here, a record component in Lucene 10). */
  static BooleanClause.Occur occur(BooleanClause clause) {
    return clause.getOccur();
  }

  /** Rewrites a prefix or pattern to its {@code size} most used words ({@link MostUsedTerms}). */
  static MultiTermQuery.RewriteMethod mostUsedTerms(int size) {
    return new MostUsedTerms(size) {}; // Lucene 9 rewrites with the reader, as MostUsedTerms does
  }
}
