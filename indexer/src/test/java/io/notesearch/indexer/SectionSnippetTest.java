package io.notesearch.indexer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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

/** A hit's snippet shows where the words are: anywhere in a long section, or in its code. */
class SectionSnippetTest {
  @TempDir Path tmp;

  @Test
  void aMatchPastTheFirstTenThousandCharsIsMarked() throws IOException {
    String filler = "세션 정리 메모를 길게 적어 둔다. ".repeat(1_500); // ~30,000 chars
    Hit hit = firstHit("# 긴 노트\n\n## 세션\n\n" + filler + "\n\n스티키 고정은 쿠키로 한다.\n", "스티키 쿠키");
    String rendered = hit.snippet().render("[", "]");
    assertTrue(rendered.contains("[스티키]") && rendered.contains("[쿠키]"), rendered);
    assertEquals(2, hit.snippet().marks().size(), rendered);
  }

  /** QA: a summary of numbered sub-headings showed "1." as its snippet. */
  @Test
  void aHitFoundByItsHeadingShowsTheBeginningOfItsText() throws IOException {
    Hit hit = firstHit("""
        # 빔 정리

        ## 설정 방법 모음

        ### 1. 줄 번호를 켜는 법

        set number 를 쓴다.

        ### 2. 검색 강조를 끄는 법

        nohlsearch 를 쓴다.
        """, "설정 방법 모음");
    assertEquals(List.of("설정 방법 모음"), hit.headings().subList(hit.headings().size() - 1, hit.headings().size()));
    assertTrue(hit.snippet().text().startsWith("1. 줄 번호를 켜는 법") && hit.snippet().text().length() > 10,
        hit.snippet().text());
  }

  @Test
  void aHitFoundByItsCodeAloneShowsTheCode() throws IOException {
    Hit hit = firstHit("""
        # 컨테이너 정리

        ## 실행 중인 것 보기

        지금 떠 있는 컨테이너를 확인할 때 쓴다.

        ```sh
        docker ps -a --filter status=exited
        ```
        """, "docker ps");
    String rendered = hit.snippet().render("[", "]");
    assertTrue(rendered.contains("[docker ps]"), rendered);
    assertEquals(List.of("docker ps"), hit.matches());
  }

  /** The best hit for a query in a folder of one note. */
  private Hit firstHit(String markdown, String query) throws IOException {
    Path notes = Files.createTempDirectory(tmp, "notes");
    Files.writeString(notes.resolve("note.md"), markdown, StandardCharsets.UTF_8);
    Path index = notes.resolveSibling(notes.getFileName() + "-index");
    try (NoteIndexer indexer = NoteIndexer.open(index)) {
      indexer.index(List.of(notes), IndexMode.DEFAULT);
    }
    try (NoteSearcher searcher = NoteSearcher.open(index)) {
      return searcher.search(SearchRequest.of(query)).hits().getFirst();
    }
  }
}
