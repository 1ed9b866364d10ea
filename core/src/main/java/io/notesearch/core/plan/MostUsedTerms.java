package io.notesearch.core.plan;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.MultiTermQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.AttributeSource;
import org.apache.lucene.util.BytesRef;

/**
 * Rewrites a prefix or pattern to the words it matches that the most sections use, each scored as a
 * word of the query is, the best one per section: {@code 쿠버*} ranks sections by 쿠버네티스 rather
 * than leaving them in index order. Lucene's top-terms rewrites keep the first words in term order
 * when all weigh the same, as a prefix's do.
 *
 * <p>Lucene 10 rewrites with the searcher, Lucene 9 (the Solr plugin compiles this source too) with
 * the reader: {@link #rewrite(IndexReader, MultiTermQuery)} is the latter's method, and {@link
 * LuceneApi#mostUsedTerms} makes the one each edition needs. Not API.
 */
abstract class MostUsedTerms extends MultiTermQuery.RewriteMethod {
  private final int size;

  /** @param size how many words at most */
  MostUsedTerms(int size) {
    this.size = size;
  }

  /** The query rewritten against the index's segments. */
  public Query rewrite(IndexReader reader, MultiTermQuery query) throws IOException {
    String field = query.getField();
    Map<BytesRef, Integer> sections = new HashMap<>();
    for (LeafReaderContext leaf : reader.leaves()) {
      Terms terms = leaf.reader().terms(field);
      if (terms == null) {
        continue;
      }
      TermsEnum te = getTermsEnum(query, terms, new AttributeSource());
      for (BytesRef t = te.next(); t != null; t = te.next()) {
        sections.merge(BytesRef.deepCopyOf(t), te.docFreq(), Integer::sum);
      }
    }
    List<Map.Entry<BytesRef, Integer>> ranked = new ArrayList<>(sections.entrySet());
    ranked.sort(Map.Entry.<BytesRef, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()));
    List<Query> words = new ArrayList<>();
    for (Map.Entry<BytesRef, Integer> e : ranked.subList(0, Math.min(size, ranked.size()))) {
      words.add(new TermQuery(new Term(field, e.getKey())));
    }
    return words.isEmpty() ? new MatchNoDocsQuery() : new DisjunctionMaxQuery(words, 0f);
  }

  @Override
  public boolean equals(Object o) {
    return o != null && o.getClass() == getClass() && ((MostUsedTerms) o).size == size;
  }

  @Override
  public int hashCode() {
    return size;
  }
}
