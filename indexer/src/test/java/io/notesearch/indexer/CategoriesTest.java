package io.notesearch.indexer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.notesearch.core.Hit;
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

/** A note in several categories is found, filtered and counted by each of them. */
class CategoriesTest {
  @TempDir Path tmp;

  @Test
  void everyCategoryOfANoteFiltersAndCounts() throws IOException {
    Path notes = Files.createDirectories(tmp.resolve("notes"));
    Files.writeString(notes.resolve("peering.md"), "---\ncategories: [AWS, Network]\n---\n\n# VPC 피어링\n\n두 VPC를 사설 IP로 잇는다.\n",
        StandardCharsets.UTF_8);
    Files.writeString(notes.resolve("subnet.md"), "---\ncategory: Network\n---\n\n# 서브넷\n\nVPC를 서브넷으로 나눈다.\n",
        StandardCharsets.UTF_8);
    Path index = tmp.resolve("index");
    try (NoteIndexer indexer = NoteIndexer.open(index)) {
      indexer.index(List.of(notes), IndexMode.DEFAULT);
    }
    try (NoteSearcher searcher = NoteSearcher.open(index)) {
      assertEquals(List.of("peering.md"), names(searcher.search(SearchRequest.of("vpc").withCategory("aws"))));
      assertEquals(List.of("peering.md", "subnet.md"), names(searcher.search(SearchRequest.of("vpc").withCategory("network"))).stream().sorted().toList());
      assertEquals(List.of("peering.md"), names(searcher.search(SearchRequest.of("category:Network 피어링"))), "the query language too");
      SearchResult all = searcher.search(SearchRequest.of("vpc").withFacets(true));
      assertEquals(1L, all.facets().categories().get("aws"));
      assertEquals(2L, all.facets().categories().get("network"));
      Hit peering = searcher.search(SearchRequest.of("피어링")).hits().getFirst();
      assertEquals(List.of("AWS", "Network"), peering.categories(), "as written, in order");
      assertEquals("AWS", peering.category(), "the first");
    }
  }

  private static List<String> names(SearchResult r) {
    return r.hits().stream().map(h -> Path.of(h.path()).getFileName().toString()).toList();
  }
}
