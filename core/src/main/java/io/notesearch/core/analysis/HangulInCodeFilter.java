package io.notesearch.core.analysis;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.KeywordAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;

/**
 * Korean words in code (comments, strings) analysed as prose: {@code # 원래 함수의 이름을 보존한다}
 * gives {@code 원래}, {@code 함수}, {@code 이름}, {@code 보존}, as the same words do in the text, rather
 * than {@code 함수의} and {@code 보존한다}, which no query analyses to. Tokens without Hangul pass
 * through.
 */
final class HangulInCodeFilter extends TokenFilter {
  /** The word the prose chain makes, with its offsets in the code and its position increment. */
  private record Word(String term, int start, int end, int increment) {}

  private final Analyzer prose;
  private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
  private final OffsetAttribute offset = addAttribute(OffsetAttribute.class);
  private final PositionIncrementAttribute increment = addAttribute(PositionIncrementAttribute.class);
  private final KeywordAttribute keyword = addAttribute(KeywordAttribute.class);
  private final ArrayDeque<Word> pending = new ArrayDeque<>();

  /**
   * Creates the filter.
   *
   * @param input code tokens
   * @param prose the index's prose chain: it must not be the analyzer this filter is part of, whose
   *     stream is in use while this one runs
   */
  HangulInCodeFilter(TokenStream input, Analyzer prose) {
    super(input);
    this.prose = prose;
  }

  @Override
  public boolean incrementToken() throws IOException {
    if (!pending.isEmpty()) {
      emit(pending.poll());
      return true;
    }
    while (input.incrementToken()) {
      if (!hasSyllable()) {
        return true;
      }
      int base = offset.startOffset();
      int firstIncrement = increment.getPositionIncrement();
      analyse(term.toString(), base);
      if (pending.isEmpty()) {
        continue; // particles or endings only
      }
      Word first = pending.poll();
      emit(new Word(first.term(), first.start(), first.end(), firstIncrement));
      return true;
    }
    return false;
  }

  private boolean hasSyllable() {
    for (int i = 0; i < term.length(); i++) {
      if (Hangul.isSyllable(term.charAt(i))) {
        return true;
      }
    }
    return false;
  }

  private void emit(Word w) {
    clearAttributes();
    term.setEmpty().append(w.term());
    offset.setOffset(w.start(), w.end());
    increment.setPositionIncrement(w.increment());
    keyword.setKeyword(true); // analysed already: later filters leave it as it is
  }

  private void analyse(String text, int base) {
    try (TokenStream ts = prose.tokenStream(NoteAnalyzers.CODE_FIELD, text)) {
      CharTermAttribute t = ts.addAttribute(CharTermAttribute.class);
      OffsetAttribute o = ts.addAttribute(OffsetAttribute.class);
      PositionIncrementAttribute p = ts.addAttribute(PositionIncrementAttribute.class);
      ts.reset();
      while (ts.incrementToken()) {
        pending.add(new Word(t.toString(), base + o.startOffset(), base + o.endOffset(), p.getPositionIncrement()));
      }
      ts.end();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void reset() throws IOException {
    super.reset();
    pending.clear();
  }
}
