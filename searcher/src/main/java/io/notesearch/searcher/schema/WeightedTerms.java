package io.notesearch.searcher.schema;

import java.util.Map;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.TermFrequencyAttribute;

/**
 * Each distinct term once, with its weighted count as the term frequency: the value of a weighted
 * field. Lucene adds the frequencies up as the field's length, so BM25 on the field is BM25F over
 * the fields counted into it (see {@link IndexSchema#SECTION_TERMS}).
 */
final class WeightedTerms extends TokenStream {
  private final String[] terms;
  private final int[] counts;
  private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
  private final TermFrequencyAttribute frequency = addAttribute(TermFrequencyAttribute.class);
  private int at;

  WeightedTerms(Map<String, Integer> counts) {
    this.terms = new String[counts.size()];
    this.counts = new int[counts.size()];
    int i = 0;
    for (Map.Entry<String, Integer> e : counts.entrySet()) {
      terms[i] = e.getKey();
      this.counts[i] = e.getValue();
      i++;
    }
  }

  @Override
  public boolean incrementToken() {
    if (at >= terms.length) {
      return false;
    }
    clearAttributes();
    term.setEmpty().append(terms[at]);
    frequency.setTermFrequency(counts[at]);
    at++;
    return true;
  }

  @Override
  public void reset() throws java.io.IOException {
    super.reset();
    at = 0;
  }
}
