package io.notesearch.indexer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.notesearch.core.Hit;
import io.notesearch.core.SearchRequest;
import io.notesearch.searcher.NoteSearcher;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Obsidian's {@code aliases:} are more names of a note: searched as its title is, and shown as the title. */
class AliasesTest {
  @TempDir Path tmp;

  @Test
  void anAliasFindsTheNoteAsItsTitleWould() throws IOException {
    Path notes = Files.createDirectories(tmp.resolve("notes"));
    Files.writeString(notes.resolve("k8s.md"), """
        ---
        title: Kubernetes 시작하기
        aliases: [쿠버네티스 기초, K8s 입문]
        ---

        ## 파드

        파드는 컨테이너 묶음이다. 배포 단위로 쓴다.
        """, StandardCharsets.UTF_8);
    // A note that says the alias's words in its text, and is not named by them.
    Files.writeString(notes.resolve("study-log.md"), """
        # 공부 일지

        ## 3월

        쿠버네티스 기초 강의를 들었다. 쿠버네티스 기초 개념은 다음 달에 정리한다. 기초가 중요하다.
        """, StandardCharsets.UTF_8);
    Path index = tmp.resolve("index");
    try (NoteIndexer indexer = NoteIndexer.open(index)) {
      indexer.index(List.of(notes), IndexMode.DEFAULT);
    }
    try (NoteSearcher searcher = NoteSearcher.open(index)) {
      List<Hit> hits = searcher.search(SearchRequest.of("쿠버네티스 기초")).hits();
      assertFalse(hits.isEmpty());
      assertEquals("k8s.md", Path.of(hits.getFirst().path()).getFileName().toString(), "the note named so ranks first: " + hits);
      assertEquals("Kubernetes 시작하기", hits.getFirst().title(), "shown by its title");
      assertEquals(1, searcher.search(SearchRequest.of("title:입문")).total(), "title: searches the aliases too");
    }
  }
}
