package io.notesearch.indexer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.notesearch.searcher.Hit;
import io.notesearch.searcher.NoteSearcher;
import io.notesearch.searcher.SearchRequest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A long section's snippet shows the match wherever it is in the section. */
class LongSectionSnippetTest {
  @TempDir Path tmp;

  @Test
  void aMatchPastTheFirstTenThousandCharsIsMarked() throws IOException {
    Path notes = Files.createDirectories(tmp.resolve("notes"));
    String filler = "세션 정리 메모를 길게 적어 둔다. ".repeat(1_500); // ~30,000 chars
    Files.writeString(notes.resolve("long.md"), "# 긴 노트\n\n## 세션\n\n" + filler + "\n\n스티키 고정은 쿠키로 한다.\n",
        StandardCharsets.UTF_8);
    Path index = tmp.resolve("index");
    try (NoteIndexer indexer = NoteIndexer.open(index)) {
      indexer.index(List.of(notes), IndexMode.DEFAULT);
    }
    try (NoteSearcher searcher = NoteSearcher.open(index)) {
      Hit hit = searcher.search(SearchRequest.of("스티키 쿠키")).hits().getFirst();
      String rendered = hit.snippet().render("[", "]");
      assertTrue(rendered.contains("[스티키]") && rendered.contains("[쿠키]"), rendered);
      assertEquals(2, hit.snippet().marks().size(), rendered);
    }
  }
}
