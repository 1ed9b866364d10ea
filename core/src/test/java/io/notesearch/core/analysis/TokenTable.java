package io.notesearch.core.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;

/**
 * Token tables for analyzer tests: each token as {@code term start-end +inc}, so a failing test shows
 * the whole table. (Lucene's BaseTokenStreamTestCase is JUnit 4; this is the small equivalent.)
 */
final class TokenTable {
  private TokenTable() {}

  /** The analyzer's tokens for the text, one {@code term start-end +inc} string each. */
  static List<String> of(Analyzer analyzer, String text) {
    return of(analyzer, "body", text);
  }

  /** The analyzer's tokens for the text in a given field. */
  static List<String> of(Analyzer analyzer, String field, String text) {
    List<String> rows = new ArrayList<>();
    try (TokenStream ts = analyzer.tokenStream(field, text)) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      OffsetAttribute offset = ts.addAttribute(OffsetAttribute.class);
      PositionIncrementAttribute inc = ts.addAttribute(PositionIncrementAttribute.class);
      ts.reset();
      while (ts.incrementToken()) {
        rows.add(term + " " + offset.startOffset() + "-" + offset.endOffset() + " +" + inc.getPositionIncrement());
      }
      ts.end();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return rows;
  }

  /** Only the terms. */
  static List<String> terms(Analyzer analyzer, String text) {
    return of(analyzer, text).stream().map(r -> r.substring(0, r.indexOf(' '))).toList();
  }

  static void assertTable(Analyzer analyzer, String text, String... expected) {
    assertEquals(List.of(expected), of(analyzer, text), "tokens of [" + text + "]");
  }
}
