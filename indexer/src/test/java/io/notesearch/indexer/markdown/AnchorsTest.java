package io.notesearch.indexer.markdown;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Anchors as github-slugger makes them (cases from its fixtures, plus Korean). */
class AnchorsTest {
  @Test
  void repeatsGetTheNextFreeSuffixAsGithubSluggerDoes() {
    Anchors anchors = new Anchors();
    List<String> got =
        List.of("echo", "echo", "echo 1", "echo-1", "echo", "foxtrot-1", "foxtrot", "foxtrot").stream()
            .map(anchors::next)
            .toList();
    assertEquals(List.of("echo", "echo-1", "echo-1-1", "echo-1-2", "echo-2", "foxtrot-1", "foxtrot", "foxtrot-2"), got);
  }

  @Test
  void punctuationSymbolsAndEmojiGoLettersMarksDigitsAndConnectorsStay() {
    assertEquals("heading-with-a---dash", Anchors.slug("heading with a - dash"));
    assertEquals("heading-with-an-_-underscore", Anchors.slug("heading with an _ underscore"));
    assertEquals("exchangebind_headersexchange-routing--bindcallback", Anchors.slug("exchange.bind_headers(exchange, routing [, bindCallback])"));
    assertEquals("apostrophes-should-be-trimmed", Anchors.slug("apostrophe’s should be trimmed"));
    assertEquals("i--unicode", Anchors.slug("I ♥ unicode"));
    assertEquals("endash", Anchors.slug("en–dash"));
    assertEquals("-unicode-emoji", Anchors.slug("😄 unicode emoji"));
    assertEquals("_-unicode-emoji", Anchors.slug("😄_😄 unicode emoji"));
    assertEquals("ok_hand-single", Anchors.slug(":ok_hand: Single"));
    assertEquals("привет-non-latin-你好", Anchors.slug("Привет non-latin 你好"));
    assertEquals("a‿b", Anchors.slug("a‿b"), "connector punctuation is kept");
    assertEquals("ⅻ-장", Anchors.slug("Ⅻ 장"), "letter numbers are kept, lowercased");
    assertEquals("x", Anchors.slug("x²"), "other numbers go");
    assertEquals("ab", Anchors.slug("a\u200Db"), "format characters (ZWJ) go");
    assertEquals("ab", Anchors.slug("a\u00A0b"), "separators other than space go");
  }

  @Test
  void koreanAndMixedHeadings() {
    assertEquals("클로저closure-정리", Anchors.slug("클로저(Closure) 정리"));
    assertEquals("c-정리", Anchors.slug("C++ 정리"));
    assertEquals("nodejs와-npm", Anchors.slug("node.js와 npm"));
    assertEquals("qa", Anchors.slug("Q&A"));
    assertEquals("part-2--스코프", Anchors.slug("Part 2 : 스코프"));
  }
}
