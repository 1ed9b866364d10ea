package io.notesearch.searcher.backend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.notesearch.core.Snippet;
import java.io.IOException;
import java.util.List;
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

  @Test
  void aRelabelledSpanShowsItsTextAndIsMarkedWholeWhenAnyOfItWas() {
    // The text: "기본은 git에서 보고, vpc도" (offsets 4-7 and 14-17 are wikilinks' names).
    List<Snippets.Relabel> titles =
        List.of(new Snippets.Relabel(4, 7, "Git 기초"), new Snippets.Relabel(14, 17, "VPC 정리"));
    assertEquals("기본은 Git 기초에서 보고, VPC 정리도",
        Snippets.toSnippet(Snippets.relabel("기본은 git에서 보고, vpc도 ", 0, titles)).text());
    Snippet marked = Snippets.toSnippet(Snippets.relabel(marked("기본은 [git]에서 보고, vpc도 "), 0, titles));
    assertEquals("기본은 **Git 기초**에서 보고, VPC 정리도", marked.render("**", "**"));
    // A mark that covers the span and more: one mark around the title and the rest.
    assertEquals("**기본은 Git 기초에서** 보고",
        Snippets.toSnippet(Snippets.relabel(marked("[기본은 git에서] 보고"), 0, titles)).render("**", "**"));
    // A mark that starts inside the span: the title is marked, and the mark goes on after it.
    assertEquals("기본은 **Git 기초에서** 보고",
        Snippets.toSnippet(Snippets.relabel(marked("기본은 g[it에서] 보고"), 0, titles)).render("**", "**"));
  }

  @Test
  void relabelsArePlacedByTheStretchsOffsetAndSpansItCutsStayAsWritten() {
    List<Snippets.Relabel> titles = List.of(new Snippets.Relabel(4, 7, "Git 기초"), new Snippets.Relabel(14, 17, "VPC 정리"));
    // The passage starts at offset 10 ("보고, vpc도"): only the second span is in it.
    assertEquals("보고, **VPC 정리**도", Snippets.toSnippet(Snippets.relabel(marked("보고, [vpc]도"), 10, titles)).render("**", "**"));
    // The passage starts at offset 5, inside the first span: that one stays as it is.
    assertEquals("it에서 보고, VPC 정리도", Snippets.toSnippet(Snippets.relabel("it에서 보고, vpc도", 5, titles)).text());
    // The passage ends inside the second span.
    assertEquals("Git 기초에서 보고, vp", Snippets.toSnippet(Snippets.relabel("git에서 보고, vp", 4, titles)).text());
  }

  @Test
  void matchesAreTheWordsAsWrittenWhereATitleShows() throws IOException {
    List<io.notesearch.core.schema.SectionRecord.LinkText> links =
        List.of(new io.notesearch.core.schema.SectionRecord.LinkText(4, 7, "name:git"));
    Snippets.Shown shown = Snippets.leading("기본은 git에서 본다", links, key -> key.equals("name:git") ? "Git 기초" : null);
    assertEquals("기본은 Git 기초에서 본다", shown.snippet().text());
    assertEquals(List.of(), shown.matches());
    // A name past what a leading snippet shows is not looked up.
    List<io.notesearch.core.schema.SectionRecord.LinkText> far =
        List.of(new io.notesearch.core.schema.SectionRecord.LinkText(500, 503, "name:git"));
    Snippets.leading("가".repeat(500) + "git", far, key -> {
      throw new AssertionError("looked up " + key);
    });
  }
}
