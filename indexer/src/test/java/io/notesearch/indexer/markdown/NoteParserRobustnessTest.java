package io.notesearch.indexer.markdown;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.text.Normalizer;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Input that breaks naive Markdown walkers: deep nesting, huge lines, huge notes parsed in pieces. */
class NoteParserRobustnessTest {
  private static final NoteParser PARSER = new NoteParser();
  private static final Path FILE = Path.of("note.md");

  @Test
  void tenThousandNestedBlockquotesAreWalkedWithoutRecursion() {
    Note note = PARSER.parse("# 깊은 인용\n\n" + "> ".repeat(10_000) + "바닥의 문장\n", FILE);
    assertEquals(1, note.sections().size());
    assertTrue(note.sections().getFirst().text().contains("바닥의 문장"));
  }

  @Test
  void tenThousandNestedOrderedListsAreWalkedWithoutRecursion() {
    Note note = PARSER.parse("1. ".repeat(10_000) + "**바닥 항목**\n", FILE);
    assertTrue(note.sections().stream().anyMatch(s -> s.text().contains("바닥 항목") || s.heading().contains("바닥 항목")));
  }

  @Test
  void nestingThatOverflowsFlexmarkIsAParseExceptionWithAReason() {
    // flexmark itself recurses on these; the note is skipped with a reason, never a StackOverflowError.
    for (String deep : List.of("- ".repeat(10_000) + "text\n", "*".repeat(10_000) + "x" + "*".repeat(10_000) + "\n")) {
      NoteParseException e = assertThrows(NoteParseException.class, () -> PARSER.parse(deep, FILE));
      assertEquals("nesting too deep for the Markdown parser", e.getMessage());
    }
  }

  /** QA: a list nested 3,000 levels (9 MB) took 503 s before it was refused. */
  @Test
  void aListNestedThousandsOfLevelsIsRefusedAtOnce() {
    StringBuilder deep = new StringBuilder("# 깊은 목록\n\n");
    for (int i = 0; i < 3_000; i++) {
      deep.append("  ".repeat(i)).append("- 항목 ").append(i).append('\n');
    }
    NoteParseException e = assertTimeoutPreemptively(Duration.ofSeconds(5), () -> assertThrows(NoteParseException.class,
        () -> PARSER.parse(deep.toString(), FILE)));
    assertEquals("nested too deeply (line 204 is indented more than 400 columns)", e.getMessage());
    StringBuilder usual = new StringBuilder("# 목록\n\n");
    for (int i = 0; i < 30; i++) {
      usual.append("  ".repeat(i)).append("- 항목 ").append(i).append('\n');
    }
    usual.append("```\n").append(" ".repeat(1_000)).append("코드 안의 들여쓰기는 세지 않는다\n```\n");
    Note note = PARSER.parse(usual.toString(), FILE);
    assertTrue(note.sections().getFirst().text().contains("항목 29"), note.sections().getFirst().text());
  }

  @Test
  void aOneMegabyteLineIsReadAndItsLastWordKept() {
    String line = "가나다 abc ".repeat(100_000) + "마지막단어";
    Note note = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> PARSER.parse("# 긴 줄\n\n" + line + "\n", FILE));
    assertTrue(note.sections().getFirst().text().endsWith("마지막단어"));
  }

  @Test
  void aOneMegabyteLineOfUnclosedMarkersStaysFast() {
    for (String unit : List.of("{{ ", "{% ", "$x ", "<a ", "[[x ", "data:image/png;base64,AAAA ")) {
      String line = unit.repeat(1_000_000 / unit.length());
      assertTimeoutPreemptively(Duration.ofSeconds(10), () -> PARSER.parse(line, FILE), unit);
    }
  }

  @Test
  void aHugeHeadingIsCutAndItsTextKept() {
    String words = "제목단어 ".repeat(1_000);
    Note note = PARSER.parse("## " + words + "끝\n\n본문\n", FILE);
    Section s = note.sections().getFirst();
    assertTrue(s.heading().length() <= SectionWalker.MAX_HEADING, "heading cut");
    assertTrue(s.text().contains("끝") && s.text().contains("본문"));
    assertTrue(s.anchor().length() <= SectionWalker.MAX_HEADING);
  }

  @Test
  void aMegabyteHashRunIsNotATag() {
    Note note = PARSER.parse("#" + "a".repeat(1_000_000) + " 그리고 #짧은태그\n", FILE);
    assertEquals(List.of("짧은태그"), note.tags(), "a tag too long to be a Lucene term is not taken");
  }

  @Test
  void aNoteParsedInPiecesGivesTheSameSectionsAsInOnePiece() {
    String text = generatedNote(new Random(7), 1_000);
    Note whole = new NoteParser(Integer.MAX_VALUE).parse(text, FILE);
    Note pieces = new NoteParser(2_000).parse(text, FILE);
    assertTrue(text.length() > 20 * 2_000, "the note is cut into many pieces");
    assertEquals(whole, pieces);
  }

  @Test
  void piecesKeepLineNumbersWithCrlfAndFrontMatter() {
    String text = ("---\r\ntitle: 줄 번호\r\n---\r\n\r\n" + generatedNote(new Random(3), 200)).replace("\n", "\r\n").replace("\r\r\n", "\r\n");
    assertEquals(new NoteParser(Integer.MAX_VALUE).parse(text, FILE), new NoteParser(1_000).parse(text, FILE));
  }

  @Test
  void aFenceOrCommentLongerThanAPieceIsNeverCut() {
    String code = "```\n" + "# 코드 안의 줄\n\n".repeat(500) + "```\n\n## 코드 뒤\n\n뒤의 문장\n";
    String comment = "<!--\n" + "# 주석 안의 줄\n\n".repeat(500) + "-->\n\n## 주석 뒤\n\n뒤의 문장\n";
    for (String text : List.of(code, comment)) {
      Note pieces = new NoteParser(500).parse(text, FILE);
      assertEquals(new NoteParser(Integer.MAX_VALUE).parse(text, FILE), pieces);
      assertEquals(1, pieces.sections().stream().filter(s -> !s.headings().isEmpty()).count(), pieces.sections().toString());
    }
  }

  @Test
  void titleFromAnNfdFileNameIsNfc() {
    String nfd = Normalizer.normalize("람다 정리", Normalizer.Form.NFD);
    Note note = PARSER.parse("본문\n", Path.of(nfd + ".md"));
    assertEquals(Normalizer.normalize("람다 정리", Normalizer.Form.NFC), note.title());
  }

  @Test
  void whitespaceOnlyAndPunctuationOnlyInputGiveNoSectionsAndNoErrors() {
    assertEquals(List.of(), PARSER.parse(" \n\t\n", FILE).sections());
    assertEquals("!@#", PARSER.parse("", Path.of("!@#.md")).title());
  }

  /** A note of many headed parts: paragraphs, bold pseudo-headings, lists, code, tables, footnotes. */
  static String generatedNote(Random random, int parts) {
    StringBuilder out = new StringBuilder("# 큰 노트\n\n머리말 문단이다.\n\n");
    for (int i = 0; i < parts; i++) {
      out.append("#".repeat(2 + random.nextInt(3))).append(" 부분 ").append(i % 37).append('\n').append('\n');
      switch (random.nextInt(6)) {
        case 0 -> out.append("**굵은 제목 ").append(i).append("**\n설명 줄 ").append(i).append(".\n\n");
        case 1 -> out.append("* **항목 ").append(i).append("**\n  * 하위 설명\n* 일반 항목\n\n");
        case 2 -> out.append("```java\nint x = ").append(i).append(";\n\n// 빈 줄 있는 코드\n```\n\n");
        case 3 -> out.append("| a | b |\n|---|---|\n| ").append(i).append(" | 값 |\n\n");
        case 4 -> out.append("각주가 있는 문장[^n").append(i).append("].\n\n[^n").append(i).append("]: 각주 ").append(i).append('\n').append('\n');
        default -> out.append("---\n\n**Part ").append(i).append("**\n\n문단 ").append(i).append(" #태그").append(i % 5).append("\n\n");
      }
      out.append("본문 문장 ").append(i).append(" 입니다. EC2와 Lambda를 쓴다.\n\n");
    }
    return out.toString();
  }
}
