package io.notesearch.indexer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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

/**
 * Words starting with what was typed ({@code 쿠버*}, an unfinished {@code 쿠버}, {@code 람ㄷ}): every
 * such word matches, and the sections that use the most used of them more, or in a heading, come
 * first, not the first sections in the index.
 */
class PrefixSearchTest {
  @TempDir Path tmp;

  @Test
  void sectionsAboutTheCompletedWordComeFirst() throws IOException {
    Path notes = Files.createDirectories(tmp.resolve("notes"));
    // Indexed first (the walk is sorted): a passing mention.
    Files.writeString(notes.resolve("a-docker.md"), """
        # 도커 정리

        ## 이미지

        이미지를 만들고 나중에 쿠버네티스에 올릴 수도 있다.
        """, StandardCharsets.UTF_8);
    Files.writeString(notes.resolve("b-kubernetes.md"), """
        # 쿠버네티스 기초

        ## 쿠버네티스 구조

        쿠버네티스는 컨트롤 플레인과 노드로 이뤄진다. 쿠버네티스 노드는 파드를 돌린다.
        """, StandardCharsets.UTF_8);
    Path index = tmp.resolve("index");
    try (NoteIndexer indexer = NoteIndexer.open(index)) {
      indexer.index(List.of(notes), IndexMode.DEFAULT);
    }
    try (NoteSearcher searcher = NoteSearcher.open(index)) {
      for (String q : List.of("쿠버*", "쿠버", "쿠ㅂ")) {
        SearchResult r = searcher.search(SearchRequest.of(q));
        List<String> notesFound = r.hits().stream().map(h -> Path.of(h.path()).getFileName().toString()).toList();
        assertEquals("b-kubernetes.md", notesFound.getFirst(), q + " → " + notesFound);
        assertTrue(notesFound.contains("a-docker.md"), q + ": a passing mention still matches");
        Hit first = r.hits().getFirst();
        assertTrue(first.score() > r.hits().getLast().score(), q + ": scored, not one constant for all");
      }
      assertEquals(SearchResult.Reason.COMPLETION, searcher.search(SearchRequest.of("쿠버")).rewrite().reason());
    }
  }
}
