package io.notesearch.indexer.markdown;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.notesearch.indexer.markdown.Section;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The text given to a section that has none of its own. */
class NoteSectionsTest {
  private static Section section(String text, String... headings) {
    return new Section(List.of(headings), "", 1, text, "");
  }

  @Test
  void directSubSectionsOnlySkippingBlankHeadings() {
    List<Section> parts = List.of(
        section("", "A"), section("x", "A", "B"), section("y", "A", "B", "C"), section("z", "A", " "),
        section("w", "A", "D"), section("v", "E"));
    assertEquals("B · D", NoteSections.outline(parts, 0));
    assertEquals("", NoteSections.outline(List.of(section("", "A"), section("v", "E")), 0), "no sub-sections");
    assertEquals("", NoteSections.outline(List.of(section(""), section("v", "E")), 0), "the intro has no outline");
  }

  @Test
  void aLongListIsCut() {
    List<Section> parts = new ArrayList<>(List.of(section("", "목록")));
    for (int i = 0; i < 1000; i++) {
      parts.add(section("t", "목록", "항목 " + i));
    }
    String outline = NoteSections.outline(parts, 0);
    assertTrue(outline.startsWith("항목 0 · 항목 1 · "), outline);
    assertTrue(outline.endsWith(" · …"), outline);
    assertTrue(outline.length() <= NoteSections.OUTLINE_CHARS + 10, outline.length() + " chars");
  }
}
