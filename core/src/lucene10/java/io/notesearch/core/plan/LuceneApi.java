package io.notesearch.core.plan;

import io.notesearch.core.schema.IndexSchema;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MultiTermQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.QueryBuilder.TermAndBoost;

/**
 * The only Lucene calls of query planning that differ between Lucene 10 (here) and Lucene 9 (the
 * Solr plugin, notesearch-solr-plugin, compiles {@link QueryPlanner} from this source tree and brings
 * its own copy of this one class). Not API.
 */
final class LuceneApi {
  private LuceneApi() {}

  /**
   * One query term against a section: BM25F over the section's fields and over its note's, the
   * better of the two plus {@link IndexSchema#NOTE_TIE} of the other: a word the note's title already
   * says is context every section of the note shares, so the remaining words pick the section.
   * Worked out when the section was written ({@link io.notesearch.core.schema.TermImpacts}), so
   * here one term query; Solr's edition, whose collection has no such field, computes it at query
   * time with {@code CombinedFieldQuery} over the fields themselves.
   */
  static Query sectionOrNote(String term) {
    return new TermQuery(new Term(IndexSchema.TERMS, term));
  }

  /** The text of a synonym alternative. */
  static String text(TermAndBoost t) {
    return t.term().utf8ToString();
  }

  /** The boost of a synonym alternative. */
  static float boost(TermAndBoost t) {
    return t.boost();
  }

  /** How a clause occurs (a record component here, a getter in Lucene 9). */
  static BooleanClause.Occur occur(BooleanClause clause) {
    return clause.occur();
  }

  /** Rewrites a prefix or pattern to its {@code size} most used words ({@link MostUsedTerms}). */
  static MultiTermQuery.RewriteMethod mostUsedTerms(int size) {
    return new MostUsedTerms(size) {
      @Override
      public Query rewrite(IndexSearcher searcher, MultiTermQuery query) throws java.io.IOException {
        return rewrite(searcher.getIndexReader(), query);
      }
    };
  }
}
