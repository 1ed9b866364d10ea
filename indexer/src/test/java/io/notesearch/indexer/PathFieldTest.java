package io.notesearch.indexer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.notesearch.core.SearchRequest;
import io.notesearch.searcher.NoteSearcher;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code path:} finds a folder named in Hangul whichever form its name is saved in (macOS saves NFD). */
class PathFieldTest {
  @TempDir Path tmp;

  @Test
  void pathFindsComposedAndDecomposedHangulNames() throws Exception {
    Path notes = Files.createDirectories(tmp.resolve("notes"));
    String nfc = "회고";
    String nfd = Normalizer.normalize(nfc, Normalizer.Form.NFD);
    Files.createDirectories(notes.resolve(nfd));
    Files.writeString(notes.resolve(nfd).resolve("2024.md"), "# 올해\n\n람다를 배웠다.\n", StandardCharsets.UTF_8);
    Files.createDirectories(notes.resolve("일기-" + nfc));
    Files.writeString(notes.resolve("일기-" + nfc).resolve("a.md"), "# 하루\n\n람다를 썼다.\n", StandardCharsets.UTF_8);
    Path index = tmp.resolve("index");
    try (NoteIndexer indexer = NoteIndexer.open(index)) {
      indexer.index(List.of(notes), IndexMode.DEFAULT);
    }
    try (NoteSearcher searcher = NoteSearcher.open(index)) {
      for (String typed : List.of(nfc, nfd)) {
        assertEquals(2, searcher.search(SearchRequest.of("람다 path:" + typed)).hits().size(), "path:" + typed.length());
      }
    }
  }
}
