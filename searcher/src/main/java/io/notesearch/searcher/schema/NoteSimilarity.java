package io.notesearch.searcher.schema;

import org.apache.lucene.search.similarities.BM25Similarity;
import org.apache.lucene.search.similarities.PerFieldSimilarityWrapper;
import org.apache.lucene.search.similarities.Similarity;

/**
 * BM25 with Lucene's defaults, except on {@link IndexSchema#SECTION_TERMS}: its frequencies and
 * lengths are {@link IndexSchema#SECTION_SCALE} times the weighted counts, so its k1 is too, which
 * leaves every score as BM25F over the section's fields. Norms do not depend on k1: an index written
 * with plain BM25 is read the same.
 */
public final class NoteSimilarity extends PerFieldSimilarityWrapper {
  /** The one instance: searchers of an index share it. */
  public static final NoteSimilarity INSTANCE = new NoteSimilarity();

  private final BM25Similarity plain = new BM25Similarity();
  private final BM25Similarity section =
      new BM25Similarity(plain.getK1() * IndexSchema.SECTION_SCALE, plain.getB());

  private NoteSimilarity() {}

  @Override
  public Similarity get(String field) {
    return IndexSchema.SECTION_TERMS.equals(field) ? section : plain;
  }
}
