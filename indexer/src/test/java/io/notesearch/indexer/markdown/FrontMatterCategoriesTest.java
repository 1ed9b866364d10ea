package io.notesearch.indexer.markdown;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Categories as Jekyll, Hugo and Gatsby notes write them: one, a list, or a string of several. */
class FrontMatterCategoriesTest {
  private static final NoteParser PARSER = new NoteParser();

  private static List<String> categories(String frontMatter) {
    return PARSER.parse("---\n" + frontMatter + "\n---\n\n# 제목\n\n본문\n", Path.of("note.md")).categories();
  }

  @Test
  void oneCategoryKeepsItsSpaces() {
    assertEquals(List.of("AWS"), categories("category: 'AWS'"));
    assertEquals(List.of("Web Development"), categories("category: Web Development"));
  }

  @Test
  void severalCategoriesAreAllKept() {
    // QA: a note in two categories was found by the first one only.
    assertEquals(List.of("AWS", "Network"), categories("categories: [AWS, Network]"));
    assertEquals(List.of("aws", "network"), categories("categories:\n  - aws\n  - network"));
    assertEquals(List.of("AWS", "Network"), categories("category: [AWS, Network]"));
  }

  @Test
  void aStringOfCategoriesIsSplitAsJekyllDoes() {
    assertEquals(List.of("dev", "vim"), categories("categories: dev vim"));
    assertEquals(List.of("Web Development", "CSS"), categories("categories: Web Development, CSS"));
  }

  @Test
  void categoriesWinOverCategoryAndNoneIsEmpty() {
    assertEquals(List.of("b"), categories("category: a\ncategories: [b]"));
    assertEquals(List.of(), categories("title: 없음"));
  }
}
