package io.notesearch.core.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.notesearch.core.QuerySyntaxException;
import io.notesearch.core.query.QueryNode.And;
import io.notesearch.core.query.QueryNode.Dates;
import io.notesearch.core.query.QueryNode.Field;
import io.notesearch.core.query.QueryNode.FieldName;
import io.notesearch.core.query.QueryNode.Fuzzy;
import io.notesearch.core.query.QueryNode.Initials;
import io.notesearch.core.query.QueryNode.Not;
import io.notesearch.core.query.QueryNode.Or;
import io.notesearch.core.query.QueryNode.Phrase;
import io.notesearch.core.query.QueryNode.Prefix;
import io.notesearch.core.query.QueryNode.Text;
import java.time.LocalDate;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class QueryParserTest {
  private static QueryNode parse(String q) {
    return QueryParser.parse(q);
  }

  @Test
  void plainWordsStayTogetherForAnalysis() {
    assertEquals(new Text("EC2가 ELB를 거치면"), parse("EC2가 ELB를 거치면"));
  }

  @Test
  void operators() {
    assertEquals(new And(List.of(new Text("S3"), new Not(new Text("버전")))), parse("S3 -버전"));
    assertEquals(new Or(List.of(new Text("redis"), new Text("memcached"))), parse("redis OR memcached"));
    assertEquals(new And(List.of(new Or(List.of(new Text("레디스"), new Text("memcached"))), new Text("세션"))),
        parse("(레디스 OR memcached) 세션"));
    assertEquals(new Phrase("로드 밸런서"), parse("\"로드 밸런서\""));
    assertEquals(new Prefix("auto"), parse("auto*"));
    assertEquals(new Prefix("람ㄷ"), parse("람ㄷ"));
    assertEquals(new Fuzzy("fargte", 2), parse("fargte~"));
    assertEquals(new Fuzzy("fargte", 1), parse("fargte~1"));
    assertEquals(new Initials("ㄹㄷ"), parse("ㄹㄷ"));
  }

  @Test
  void fields() {
    assertEquals(new Field(FieldName.TAG, "aws"), parse("tag:aws"));
    assertEquals(new Field(FieldName.TITLE, "람다 기초"), parse("title:\"람다 기초\""));
    assertEquals(new And(List.of(new Field(FieldName.CATEGORY, "AWS"), new Text("보안 그룹"))), parse("category:AWS 보안 그룹"));
    assertEquals(new Text("http://example.com"), parse("http://example.com"), "unknown field: plain text");
    QuerySyntaxException e = assertThrows(QuerySyntaxException.class, () -> parse("tga:aws"));
    assertEquals("unknown field [tga]; did you mean [tag:]? known: title, heading, tag, category, path, code, date", e.getMessage());
  }

  @Test
  void dates() {
    assertEquals(new Dates(LocalDate.of(2020, 1, 1), LocalDate.of(2020, 12, 31)), parse("date:2020"));
    assertEquals(new Dates(LocalDate.of(2020, 4, 1), null), parse("date:>=2020-04"));
    assertEquals(new Dates(LocalDate.of(2020, 1, 1), LocalDate.of(2020, 6, 30)), parse("date:2020-01..2020-06"));
    assertEquals(new Dates(null, LocalDate.of(2019, 12, 31)), parse("date:<2020"));
    assertThrows(QuerySyntaxException.class, () -> parse("date:2020-13"));
    assertThrows(QuerySyntaxException.class, () -> parse("date:yesterday"));
  }

  @Test
  void brokenInputIsForgiven() {
    assertEquals(new Phrase("로드 밸런서"), parse("\"로드 밸런서"), "unclosed quote closes at the end");
    assertEquals(new Text("a b"), parse("(a b"), "unclosed parenthesis");
    assertEquals(new Text("a b"), parse("a) b"), "stray parenthesis");
    assertNull(parse("-"));
    assertNull(parse("*"));
    assertNull(parse(":"));
    assertNull(parse("   "));
    assertNull(parse("()"));
    assertEquals(new Text("C++:"), parse("C++:"));
  }

  /** {@code corpus/everyday-queries.txt}: what people type into a notes search, one per line. */
  static List<String> everydayQueries() throws java.io.IOException {
    java.nio.file.Path file = java.nio.file.Path.of(System.getProperty("notesearch.corpus", "../corpus"), "everyday-queries.txt");
    return java.nio.file.Files.readAllLines(file, java.nio.charset.StandardCharsets.UTF_8).stream()
        .filter(line -> !line.isEmpty() && !line.startsWith("# ")).toList();
  }

  /**
   * What people type into a notes search, well-formed or not: each is searched for its words. Only a
   * mistyped field name is refused (docs/design.md compares Lucene's parser on the same inputs).
   */
  @Test
  void everydayInputsAreSearchedNotRefused() throws java.io.IOException {
    List<String> inputs = everydayQueries();
    List<String> refused = new java.util.ArrayList<>();
    for (String q : inputs) {
      try {
        parse(q);
      } catch (QuerySyntaxException e) {
        refused.add(q);
      }
    }
    assertEquals(49, inputs.size());
    assertEquals(List.of("tga:aws"), refused);
    assertEquals(new Text("src/main/java"), parse("src/main/java"), "a path is words, not a regular expression");
  }

  @Test
  void randomInputEitherParsesOrFailsWithOneLine() {
    Random random = new Random(7);
    String alphabet = "ab가힣ㄱㅎ \"()-*~:|OR title tag date >=<.. 2020-13 😀\t\u0000\u001f\\";
    for (int i = 0; i < 20_000; i++) {
      StringBuilder sb = new StringBuilder();
      int len = random.nextInt(30);
      for (int j = 0; j < len; j++) {
        sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
      }
      String q = sb.toString();
      try {
        parse(q);
      } catch (QuerySyntaxException e) {
        assertTrue(!e.getMessage().isBlank() && !e.getMessage().contains("\n"), q);
      }
    }
  }
}
