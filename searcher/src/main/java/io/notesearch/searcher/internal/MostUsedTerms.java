package io.notesearch.searcher.internal;

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
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.BytesRef;

/**
 * A prefix or pattern rewritten to the words it matches that the most sections use, each scored as
 * a word of the query is, the best one per section: {@code 쿠버*} ranks sections by 쿠버네티스
 * rather than leaving them in index order. Lucene's top-terms rewrites keep the first words in
 * term order when all weigh the same, as a prefix's do. The rewrite method that calls this is in
 * {@link LuceneApi}, whose Lucene 9 edition (Solr) overrides another signature. Not API.
 */
final class MostUsedTerms {
  private MostUsedTerms() {}

  /** The words of one segment's field that a query matches. */
  interface Matching {
    TermsEnum of(Terms terms) throws IOException;
  }

  /**
   * The rewritten query.
   *
   * @param reader the index
   * @param field the query's field
   * @param matching the words the query matches in a segment
   * @param size how many words at most
   */
  static Query rewrite(IndexReader reader, String field, Matching matching, int size) throws IOException {
    Map<BytesRef, Integer> sections = new HashMap<>();
    for (LeafReaderContext leaf : reader.leaves()) {
      Terms terms = leaf.reader().terms(field);
      if (terms == null) {
        continue;
      }
      TermsEnum te = matching.of(terms);
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
}
