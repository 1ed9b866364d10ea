package io.notesearch.core.schema;

import java.util.Map;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.TermFrequencyAttribute;

/** Each distinct term once, with a value of its own as the term frequency: {@link IndexSchema#TERMS}. */
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
