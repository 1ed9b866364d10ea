package io.notesearch.indexer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.notesearch.core.Hit;
import io.notesearch.core.SearchRequest;
import io.notesearch.core.SearchResult;
import io.notesearch.searcher.NoteSearcher;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Link logs: a note of {@code <https://…>} autolinks is found by the site's and the path's words and
 * shows them in its snippet, as a note of bare URLs is.
 */
class LinkSearchTest {
  @TempDir Path tmp;

  @Test
  void autolinksAreSearchedAndShownLikeBareUrls() throws Exception {
    Path notes = Files.createDirectories(tmp.resolve("notes"));
    Files.writeString(notes.resolve("links.md"), """
        # 읽을거리

        원문: <https://news.ycombinator.com/item?id=123>

        - <https://blog.example.com/posts/quickfix-tips>
        """, StandardCharsets.UTF_8);
    Files.writeString(notes.resolve("other.md"), "# 다른 노트\n\n뉴스를 읽었다.\n", StandardCharsets.UTF_8);
    Path index = tmp.resolve("index");
    try (NoteIndexer indexer = NoteIndexer.open(index)) {
      indexer.index(List.of(notes), IndexMode.DEFAULT);
    }
    try (NoteSearcher searcher = NoteSearcher.open(index)) {
      for (String query : List.of("ycombinator", "quickfix")) {
        SearchResult result = searcher.search(SearchRequest.of(query));
        assertEquals(SearchResult.Reason.NONE, result.rewrite().reason(), query + " is searched as typed");
        assertEquals(1, result.hits().size(), query);
        Hit hit = result.hits().getFirst();
        assertTrue(hit.path().endsWith("links.md"), hit.path());
        assertFalse(hit.snippet().marks().isEmpty(), query + " is marked in " + hit.snippet().text());
      }
    }
  }
}
