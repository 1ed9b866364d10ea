package io.notesearch.searcher.analysis;

import java.io.IOException;
import java.util.Set;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;

/**
 * Drops question and intent words ({@code 뭣}, {@code 차이}, {@code vs}) from what a query requires,
 * except where one stands next to the word it forms a glossary term with: {@code vs} before
 * {@code 코드}, {@code 정리} after {@code cap}. A plain stop list had to keep such a word everywhere,
 * so {@code redis vs memcached} required {@code vs} and {@code 람다 정리} required {@code 정리}.
 *
 * <p>One token of look-ahead; dropped tokens hand their position increments on, as in {@link
 * org.apache.lucene.analysis.StopFilter}, so phrases still see the gap.
 */
final class RankOnlyFilter extends TokenFilter {
  private final CharArraySet words;
  private final Set<String> pairs;
  private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
  private final PositionIncrementAttribute increment = addAttribute(PositionIncrementAttribute.class);
  private State ahead;
  private boolean exhausted;
  private String previous = "";
  private int skipped;

  /**
   * @param input the stream, lowercased and stemmed
   * @param words the words that only rank
   * @param pairs adjacent words of a multi-word glossary term, joined by a space, of which one is in
   *     {@code words}: such a word is kept where it stands in the pair
   */
  RankOnlyFilter(TokenStream input, CharArraySet words, Set<String> pairs) {
    super(input);
    this.words = words;
    this.pairs = pairs;
  }

  @Override
  public boolean incrementToken() throws IOException {
    while (next()) {
      String current = term.toString();
      boolean keep = !words.contains(term.buffer(), 0, term.length())
          || pairs.contains(previous + " " + current)
          || pairs.contains(current + " " + peek());
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
    if (ahead != null) {
      restoreState(ahead);
      ahead = null;
      return true;
    }
    return !exhausted && input.incrementToken();
  }

  /** {@return the text of the token after the current one, or "" at the end; the current one stays} */
  private String peek() throws IOException {
    if (exhausted || pairs.isEmpty()) {
      return "";
    }
    State current = captureState();
    String text = "";
    if (input.incrementToken()) {
      text = term.toString();
      ahead = captureState();
    } else {
      exhausted = true;
    }
    restoreState(current);
    return text;
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
    exhausted = false;
    previous = "";
    skipped = 0;
  }
}
