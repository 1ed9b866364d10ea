package io.notesearch.indexer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.notesearch.core.SearchRequest;
import io.notesearch.core.SearchResult;
import io.notesearch.searcher.NoteSearcher;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How many sections match: exact when asked, however many; the ranking may stop counting otherwise. */
class SearchTotalTest {
  @TempDir Path tmp;

  @Test
  void anExactTotalCountsEverySectionPastTheThousand() throws IOException {
    Path notes = Files.createDirectories(tmp.resolve("notes"));
    int matching = 0;
    for (int n = 0; n < 300; n++) {
      StringBuilder note = new StringBuilder("# 노트 " + n + "\n\n");
      for (int s = 0; s < 5; s++) {
        // Scores spread widely (one mention in a long section, many in a short one), so that the
        // ranking can tell early that most sections cannot make the page and skip them.
        note.append("## 절 ").append(s).append("\n\n");
        note.append("캐시 ".repeat(1 + (n * 7 + s) % 9)).append("정리 ".repeat((n * 13 + s * 5) % 60)).append("\n\n");
        matching++;
      }
      note.append("## 다른 이야기\n\n버킷과 객체.\n");
      Files.writeString(notes.resolve("n" + n + ".md"), note, StandardCharsets.UTF_8);
    }
    Path index = tmp.resolve("index");
    try (NoteIndexer indexer = NoteIndexer.open(index)) {
      indexer.index(List.of(notes), IndexMode.DEFAULT);
    }
    try (NoteSearcher searcher = NoteSearcher.open(index)) {
      SearchResult exact = searcher.search(SearchRequest.of("캐시").withExactTotal(true));
      SearchResult ranked = searcher.search(SearchRequest.of("캐시"));
      System.out.println("sections matching: " + matching + ", exact total " + exact.total() + ", ranked total " + ranked.total());
      assertEquals(matching, exact.total());
      assertTrue(ranked.total() >= SearchResult.EXACT_TOTAL_UP_TO, "at least the first thousand: " + ranked.total());
      // Otherwise the exact count above would not have needed its own pass.
      assertTrue(ranked.total() < matching, "the ranking stopped counting: " + ranked.total());
      assertEquals(matching, searcher.search(SearchRequest.of("캐시").withFacets(true)).total(), "facets count every match");
      assertEquals(exact.hits(), ranked.hits(), "counting does not change the page");
      assertEquals(300, searcher.search(SearchRequest.of("버킷")).total(), "up to the thousand, exact anyway");
    }
  }
}
