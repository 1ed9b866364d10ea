package io.notesearch.searcher.backend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.notesearch.core.Snippet;
import org.junit.jupiter.api.Test;

class SnippetsTest {
  private static String marked(String s) {
    return s.replace("[", "\u0002").replace("]", "\u0003");
  }

  @Test
  void marksCoverTheTermNotTheSpaceBeforeIt() {
    Snippet s = Snippets.toSnippet(marked("자동으로  [로드] [밸런서]에 등록된다"));
    assertEquals("자동으로 **로드 밸런서**에 등록된다", s.render("**", "**"));
  }

  @Test
  void wordsSeparatedOnlyBySpacesShareOneMark() {
    Snippet s = Snippets.toSnippet(marked("[ELB]([Elastic] [Load] [Balancing])는"));
    assertEquals("**ELB**(**Elastic Load Balancing**)는", s.render("**", "**"));
  }

  @Test
  void longTextIsCutAroundTheFirstMatchOnOneLine() {
    String text = "가".repeat(300) + " [EC2]가\n다음 줄 " + "나".repeat(300);
    Snippet s = Snippets.toSnippet(marked(text));
    assertTrue(s.text().length() <= Snippets.MAX_CHARS + 2, s.text());
    assertTrue(s.text().startsWith("…") && s.text().endsWith("…"));
    assertEquals("EC2", s.text().substring(s.marks().getFirst().start(), s.marks().getFirst().end()));
    assertTrue(!s.text().contains("\n"));
  }

  @Test
  void aCutFallsBetweenWordsWhenOneIsNear() {
    StringBuilder words = new StringBuilder();
    for (int i = 0; i < 60; i++) {
      words.append("word").append(i).append(' ');
    }
    String text = words + "[Serverless] Computing · " + words;
    Snippet s = Snippets.toSnippet(marked(text));
    String body = s.text().substring(1, s.text().length() - 1); // without the two …
    assertTrue(body.matches("word\\d+ .* word\\d+"), s.text());
    assertEquals("Serverless", s.text().substring(s.marks().getFirst().start(), s.marks().getFirst().end()));
    assertTrue(s.text().length() <= Snippets.MAX_CHARS + 2, s.text());
  }
}
