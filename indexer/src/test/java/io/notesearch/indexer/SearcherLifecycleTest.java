package io.notesearch.indexer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.notesearch.core.NoteIndexException;
import io.notesearch.core.QuerySyntaxException;
import io.notesearch.core.SearchRequest;
import io.notesearch.searcher.NoteSearcher;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What an application is told: a closed searcher, a missing or locked index, a bad query. */
class SearcherLifecycleTest {
  @TempDir Path tmp;

  private Path indexed() throws Exception {
    Path notes = Files.createDirectories(tmp.resolve("notes"));
    Files.writeString(notes.resolve("a.md"), "# 람다\n\nLambda 콜드 스타트.\n", StandardCharsets.UTF_8);
    Path index = tmp.resolve("index");
    try (NoteIndexer indexer = NoteIndexer.open(index)) {
      indexer.index(List.of(notes), IndexMode.DEFAULT);
    }
    return index;
  }

  @Test
  void aClosedSearcherThrowsIllegalStateException() throws Exception {
    NoteSearcher searcher = NoteSearcher.open(indexed());
    assertEquals(1, searcher.search(SearchRequest.of("람다")).hits().size());
    searcher.close();
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> searcher.search(SearchRequest.of("람다")));
    assertEquals(IllegalStateException.class, e.getClass(), "not Lucene's AlreadyClosedException");
    assertThrows(IllegalStateException.class, searcher::stats);
  }

  @Test
  void indexProblemsCarryAReasonAndNoCommandLineWords() throws Exception {
    NoteIndexException missing = assertThrows(NoteIndexException.class, () -> NoteSearcher.open(tmp.resolve("none")));
    assertEquals(NoteIndexException.Reason.MISSING, missing.reason());
    Path index = indexed();
    try (NoteIndexer writer = NoteIndexer.open(index)) {
      assertEquals(index, writer.indexPath());
      NoteIndexException locked = assertThrows(NoteIndexException.class, () -> NoteIndexer.open(index));
      assertEquals(NoteIndexException.Reason.LOCKED, locked.reason());
      for (NoteIndexException e : List.of(missing, locked)) {
        assertTrue(!e.getMessage().contains("notesearch index") && !e.getMessage().contains("\n"), e.getMessage());
      }
    }
  }

  @Test
  void aMistypedFieldIsAQuerySyntaxException() throws Exception {
    try (NoteSearcher searcher = NoteSearcher.open(indexed())) {
      QuerySyntaxException e = assertThrows(QuerySyntaxException.class, () -> searcher.search(SearchRequest.of("tga:aws")));
      assertTrue(e.getMessage().contains("[tga]"), e.getMessage());
    }
  }
}
