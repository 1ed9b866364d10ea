package io.notesearch.core.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.core.WhitespaceTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.junit.jupiter.api.Test;

/** The token stream contract of the filter: look-ahead, position gaps, the end, reuse. */
class RankOnlyFilterTest {
  private static final Set<String> WORDS = Set.of("vs", "정리", "차이", "차이점", "사용법");
  private static final Set<String> PAIRS = Set.of("vs 코드", "cap 정리");

  /** Each kept token as {@code term start-end +increment}, then {@code end +increment}. */
  private static List<String> run(RankOnlyFilter filter, WhitespaceTokenizer source, String text) throws IOException {
    source.setReader(new StringReader(text));
    CharTermAttribute term = filter.addAttribute(CharTermAttribute.class);
    OffsetAttribute offset = filter.addAttribute(OffsetAttribute.class);
    PositionIncrementAttribute increment = filter.addAttribute(PositionIncrementAttribute.class);
    List<String> out = new ArrayList<>();
    filter.reset();
    while (filter.incrementToken()) {
      out.add(term + " " + offset.startOffset() + "-" + offset.endOffset() + " +" + increment.getPositionIncrement());
    }
    filter.end();
    out.add("end +" + increment.getPositionIncrement());
    filter.close();
    return out;
  }

  private static List<String> run(String text) throws IOException {
    WhitespaceTokenizer source = new WhitespaceTokenizer();
    return run(new RankOnlyFilter(source, WORDS, () -> PAIRS), source, text);
  }

  @Test
  void aDroppedWordLeavesItsGapAndTheNextTokenIsIntact() throws IOException {
    assertEquals(List.of("redis 0-5 +1", "memcached 9-18 +2", "end +0"), run("redis vs memcached"));
  }

  @Test
  void aWordNextToItsGlossaryPartnerIsKept() throws IOException {
    assertEquals(List.of("vs 0-2 +1", "코드 3-5 +1", "설정 6-8 +1", "end +0"), run("vs 코드 설정"));
    assertEquals(List.of("cap 0-3 +1", "정리 4-6 +1", "end +0"), run("cap 정리"));
    assertEquals(List.of("코드 0-2 +1", "end +1"), run("코드 정리"), "the pair is cap 정리, not 코드 정리");
  }

  @Test
  void wordsToDropAtTheEndOrInARowAddUp() throws IOException {
    assertEquals(List.of("a 0-1 +1", "end +2"), run("a 차이 vs"));
    assertEquals(List.of("b 9-10 +4", "end +0"), run("차이 vs 정리 b"));
    assertEquals(List.of("end +1"), run("vs"));
    assertEquals(List.of("end +0"), run(""));
  }

  @Test
  void aReusedFilterStartsClean() throws IOException {
    WhitespaceTokenizer source = new WhitespaceTokenizer();
    RankOnlyFilter filter = new RankOnlyFilter(source, WORDS, () -> PAIRS);
    // The first run ends while looking ahead past vs; nothing of it may leak into the second.
    assertEquals(List.of("x 0-1 +1", "end +1"), run(filter, source, "x vs"));
    List<String> again = run(filter, source, "코드 y");
    assertEquals(List.of("코드 0-2 +1", "y 3-4 +1", "end +0"), again);
    assertTrue(run(filter, source, "vs 코드").contains("vs 0-2 +1"));
  }

  @Test
  void aWordSplitInTwoGoesWhole() throws IOException {
    // Nori gives 차이점 as 차이 점 and 사용법 as 사용 법, parts that touch.
    WhitespaceTokenizer source = new WhitespaceTokenizer();
    assertEquals(List.of("a 0-1 +1", "b 6-7 +3", "end +0"),
        run(new RankOnlyFilter(new SplitAt(source, 2), WORDS, () -> PAIRS), source, "a 차이점 b"));
    WhitespaceTokenizer again = new WhitespaceTokenizer();
    assertEquals(List.of("사용 0-2 +1", "법 3-4 +1", "end +0"),
        run(new RankOnlyFilter(again, WORDS, () -> PAIRS), again, "사용 법"), "apart, they are two words");
  }

  /** Splits every token longer than {@code at} chars in two, as Nori splits a compound. */
  private static final class SplitAt extends org.apache.lucene.analysis.TokenFilter {
    private final int at;
    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
    private final OffsetAttribute offset = addAttribute(OffsetAttribute.class);
    private String rest;
    private int restStart;
    private int restEnd;

    SplitAt(TokenStream in, int at) {
      super(in);
      this.at = at;
    }

    @Override
    public boolean incrementToken() throws IOException {
      if (rest != null) {
        clearAttributes();
        term.setEmpty().append(rest);
        offset.setOffset(restStart, restEnd);
        rest = null;
        return true;
      }
      if (!input.incrementToken()) {
        return false;
      }
      if (term.length() > at) {
        rest = term.subSequence(at, term.length()).toString();
        restStart = offset.startOffset() + at;
        restEnd = offset.endOffset();
        int start = offset.startOffset();
        term.setLength(at);
        offset.setOffset(start, start + at);
      }
      return true;
    }

    @Override
    public void reset() throws IOException {
      super.reset();
      rest = null;
    }
  }
}
