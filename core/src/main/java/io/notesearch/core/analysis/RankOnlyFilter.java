package io.notesearch.core.analysis;

import java.io.IOException;
import java.util.HashSet;
import java.util.Set;
import java.util.function.Supplier;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;

/**
 * Drops words that only rank from what a query requires: question and intent words ({@code 뭣},
 * {@code 차이}, {@code vs}), and in another instance English stop words. Except where one stands
 * next to the word it forms a glossary term with: {@code vs} before {@code 코드}, {@code 정리} after
 * {@code cap}, {@code as} in {@code infrastructure as code}. A plain stop list had to keep such a
 * word everywhere ({@code redis vs memcached} required {@code vs}) or drop it everywhere (the
 * glossary term was then never recognised).
 *
 * <p>A word Nori splits ({@code 차이점} is {@code 차이} {@code 점}, {@code 사용법} is {@code 사용}
 * {@code 법}) is dropped whole: its parts touch (one ends where the next starts) and together make
 * the word. Otherwise {@code 점} was required.
 *
 * <p>One token of look-ahead; dropped tokens hand their position increments on, as in {@link
 * org.apache.lucene.analysis.StopFilter}, so phrases still see the gap.
 */
final class RankOnlyFilter extends TokenFilter {
  private final CharArraySet words;
  private final CharArraySet prefixes;
  private final Supplier<Set<String>> pairs;
  private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
  private final PositionIncrementAttribute increment = addAttribute(PositionIncrementAttribute.class);
  private final OffsetAttribute offset = addAttribute(OffsetAttribute.class);
  private State ahead;
  private String aheadText = "";
  private int aheadStart = -1;
  private boolean exhausted;
  private String previous = "";
  private int skipped;

  /**
   * @param input the stream, lowercased and stemmed
   * @param words the words that only rank
   * @param pairs adjacent words of a multi-word glossary term, joined by a space, of which one is in
   *     {@code words}: such a word is kept where it stands in the pair. Asked for only when a query
   *     has such a word: finding them analyses glossary terms.
   */
  RankOnlyFilter(TokenStream input, Set<String> words, Supplier<Set<String>> pairs) {
    super(input);
    this.words = new CharArraySet(words, false);
    Set<String> starts = new HashSet<>();
    for (String w : words) {
      for (int i = 1; i < w.length(); i++) {
        starts.add(w.substring(0, i));
      }
    }
    this.prefixes = new CharArraySet(starts, false);
    this.pairs = pairs;
  }

  @Override
  public boolean incrementToken() throws IOException {
    while (next()) {
      String current = term.toString();
      if (prefixes.contains(term.buffer(), 0, term.length())) {
        String rest = peek();
        if (aheadStart == offset.endOffset() && words.contains(current + rest)) {
          // 차이 + 점: a word split in two. Both go, with both increments.
          skipped += increment.getPositionIncrement();
          next();
          skipped += increment.getPositionIncrement();
          previous = current + rest;
          continue;
        }
      }
      boolean keep = !words.contains(term.buffer(), 0, term.length())
          || pairs.get().contains(previous + " " + current)
          || pairs.get().contains(current + " " + peek());
      previous = current;
      if (keep) {
        if (skipped > 0) {
          increment.setPositionIncrement(increment.getPositionIncrement() + skipped);
          skipped = 0;
        }
        return true;
      }
      skipped += increment.getPositionIncrement();
    }
    return false;
  }

  /** Moves to the next token, the one looked ahead at first. */
  private boolean next() throws IOException {
    aheadStart = -1;
    if (ahead != null) {
      restoreState(ahead);
      ahead = null;
      return true;
    }
    return !exhausted && input.incrementToken();
  }

  /**
   * {@return the text of the token after the current one, or "" at the end; the current one stays}
   * Its start offset is then in {@code aheadStart} (-1 at the end).
   */
  private String peek() throws IOException {
    if (ahead != null) {
      return aheadText;
    }
    aheadText = "";
    aheadStart = -1;
    if (exhausted) {
      return "";
    }
    State current = captureState();
    if (input.incrementToken()) {
      aheadText = term.toString();
      aheadStart = offset.startOffset();
      ahead = captureState();
    } else {
      exhausted = true;
    }
    restoreState(current);
    return aheadText;
  }

  @Override
  public void end() throws IOException {
    super.end();
    increment.setPositionIncrement(increment.getPositionIncrement() + skipped);
  }

  @Override
  public void reset() throws IOException {
    super.reset();
    ahead = null;
    aheadText = "";
    aheadStart = -1;
    exhausted = false;
    previous = "";
    skipped = 0;
  }
}
