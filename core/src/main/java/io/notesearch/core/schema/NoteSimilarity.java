package io.notesearch.core.schema;

import org.apache.lucene.search.CollectionStatistics;
import org.apache.lucene.search.TermStatistics;
import org.apache.lucene.search.similarities.BM25Similarity;
import org.apache.lucene.search.similarities.PerFieldSimilarityWrapper;
import org.apache.lucene.search.similarities.Similarity;

/**
 * BM25 with Lucene's defaults, except on {@link IndexSchema#TERMS}, whose frequencies are the terms'
 * scores without idf ({@link TermImpacts}): there a term scores BM25's idf × frequency /
 * {@link TermImpacts#SCALE}. The score grows with the frequency and nothing else, which is what
 * Lucene's per-block score bounds need.
 */
public final class NoteSimilarity extends PerFieldSimilarityWrapper {
  /** The one instance: searchers of an index share it. */
  public static final NoteSimilarity INSTANCE = new NoteSimilarity();

  private final BM25Similarity plain = new BM25Similarity();

  private final Similarity impacts = new Similarity() {
    @Override
    public SimScorer scorer(float boost, CollectionStatistics collection, TermStatistics... terms) {
      double idf = 0;
      for (TermStatistics t : terms) {
        // BM25's idf, as BM25Similarity works it out.
        idf += Math.log(1 + (collection.docCount() - t.docFreq() + 0.5D) / (t.docFreq() + 0.5D));
      }
      float weight = (float) (boost * idf / TermImpacts.SCALE);
      return new SimScorer() {
        @Override
        public float score(float freq, long norm) {
          return weight * freq;
        }
      };
    }
  };

  private NoteSimilarity() {}

  @Override
  public Similarity get(String field) {
    return IndexSchema.TERMS.equals(field) ? impacts : plain;
  }
}
