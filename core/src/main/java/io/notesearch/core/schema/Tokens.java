package io.notesearch.core.schema;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionLengthAttribute;

/**
 * The tokens of one analysed value, recorded so that they can be indexed into their field and also
 * counted into the terms' scores ({@link IndexSchema#TERMS}) without analysing the text twice: Nori
 * is the cost of indexing.
 */
record Tokens(String[] terms, int[] increments, int[] lengths, int[] starts, int[] ends, int finalOffset) {
  static final Tokens NONE = new Tokens(new String[0], new int[0], new int[0], new int[0], new int[0], 0);

  static Tokens of(Analyzer analyzer, String field, String text) {
    if (text.isEmpty()) {
      return NONE;
    }
    List<String> terms = new ArrayList<>();
    int[] attrs = new int[64];
    int n = 0;
    int finalOffset;
    try (TokenStream ts = analyzer.tokenStream(field, text)) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      PositionIncrementAttribute inc = ts.addAttribute(PositionIncrementAttribute.class);
      PositionLengthAttribute len = ts.addAttribute(PositionLengthAttribute.class);
      OffsetAttribute offset = ts.addAttribute(OffsetAttribute.class);
      ts.reset();
      while (ts.incrementToken()) {
        terms.add(term.toString());
        if (4 * n + 4 > attrs.length) {
          attrs = Arrays.copyOf(attrs, attrs.length * 2);
        }
        attrs[4 * n] = inc.getPositionIncrement();
        attrs[4 * n + 1] = len.getPositionLength();
        attrs[4 * n + 2] = offset.startOffset();
        attrs[4 * n + 3] = offset.endOffset();
        n++;
      }
      ts.end();
      finalOffset = offset.endOffset();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    int[] increments = new int[n];
    int[] lengths = new int[n];
    int[] starts = new int[n];
    int[] ends = new int[n];
    for (int i = 0; i < n; i++) {
      increments[i] = attrs[4 * i];
      lengths[i] = attrs[4 * i + 1];
      starts[i] = attrs[4 * i + 2];
      ends[i] = attrs[4 * i + 3];
    }
    return new Tokens(terms.toArray(String[]::new), increments, lengths, starts, ends, finalOffset);
  }

  /** Adds {@code weight} per occurrence of each term of the text to {@code counts}, recording nothing. */
  static void count(Analyzer analyzer, String field, String text, Map<String, Integer> counts, int weight) {
    try (TokenStream ts = analyzer.tokenStream(field, text)) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      ts.reset();
      while (ts.incrementToken()) {
        counts.merge(term.toString(), weight, Integer::sum);
      }
      ts.end();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Adds {@code weight} per occurrence of each term to {@code counts}. */
  void countInto(Map<String, Integer> counts, int weight) {
    for (String term : terms) {
      counts.merge(term, weight, Integer::sum);
    }
  }

  TokenStream replay() {
    return new Replay(this);
  }

  /** Emits recorded tokens again. */
  private static final class Replay extends TokenStream {
    private final Tokens tokens;
    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
    private final PositionIncrementAttribute inc = addAttribute(PositionIncrementAttribute.class);
    private final PositionLengthAttribute len = addAttribute(PositionLengthAttribute.class);
    private final OffsetAttribute offset = addAttribute(OffsetAttribute.class);
    private int at;

    Replay(Tokens tokens) {
      this.tokens = tokens;
    }

    @Override
    public boolean incrementToken() {
      if (at >= tokens.terms().length) {
        return false;
      }
      clearAttributes();
      term.setEmpty().append(tokens.terms()[at]);
      inc.setPositionIncrement(tokens.increments()[at]);
      len.setPositionLength(tokens.lengths()[at]);
      offset.setOffset(tokens.starts()[at], tokens.ends()[at]);
      at++;
      return true;
    }

    @Override
    public void end() throws IOException {
      super.end();
      // The next value of a multi-valued field continues after this one's text, as with analysis.
      offset.setOffset(tokens.finalOffset(), tokens.finalOffset());
    }

    @Override
    public void reset() throws IOException {
      super.reset();
      at = 0;
    }
  }
}
