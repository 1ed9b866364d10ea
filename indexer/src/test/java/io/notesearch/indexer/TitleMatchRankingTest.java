package io.notesearch.indexer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.notesearch.core.Hit;
import io.notesearch.core.SearchRequest;
import io.notesearch.searcher.NoteSearcher;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A note whose title, or a section whose heading, is what was searched is the note about it: it
 * ranks above link logs that mention the word a few times in a short paragraph (QA on a TIL wiki:
 * `docker` put a security-news note first and the notes titled Docker 4th and 5th).
 */
class TitleMatchRankingTest {
  @TempDir Path tmp;

  private Path index() throws Exception {
    Path notes = Files.createDirectories(tmp.resolve("notes"));
    write(notes.resolve("docker/README.md"), """
        ---
        title: Docker
        ---
        ## 이미지와 레이어
        이미지는 읽기 전용 레이어를 쌓아 만든다. 레이어는 캐시되어 빌드가 빨라진다. Dockerfile의 명령 하나가 레이어 하나다.
        베이스 이미지는 가볍게 고르고, 자주 바뀌는 파일은 뒤쪽 레이어에 둔다. 멀티 스테이지 빌드로 결과물만 남긴다.

        ## 컨테이너 실행
        컨테이너는 이미지 위에 쓰기 가능한 레이어를 얹어 실행한 프로세스다. 포트를 열고 볼륨을 붙여 데이터를 남긴다.
        종료된 컨테이너는 지워도 이미지는 남는다. 로그는 표준 출력으로 보낸다.
        """);
    write(notes.resolve("kubernetes/README.md"), """
        # 쿠버네티스
        파드, 디플로이먼트, 서비스로 컨테이너를 운영한다. 노드가 죽어도 파드는 다른 노드에 다시 뜬다.
        """);
    write(notes.resolve("news/2023-05.md"), """
        # 보안 뉴스 모음
        ## 5월 둘째 주
        docker 이미지 취약점: docker hub의 공식 docker 이미지에서 발견.
        ## 5월 셋째 주
        npm 패키지 탈취 사건.
        """);
    write(notes.resolve("news/2023-06.md"), """
        # 링크 모음 6월
        - docker 데스크톱 라이선스 변경, docker 회사 발표
        - rust 1.70 출시
        """);
    Path index = tmp.resolve("index");
    try (NoteIndexer indexer = NoteIndexer.open(index)) {
      indexer.index(List.of(notes), IndexMode.DEFAULT);
    }
    return index;
  }

  private static void write(Path file, String text) throws Exception {
    Files.createDirectories(file.getParent());
    Files.writeString(file, text, StandardCharsets.UTF_8);
  }

  @Test
  void theNoteTitledWhatWasSearchedComesFirst() throws Exception {
    try (NoteSearcher searcher = NoteSearcher.open(index())) {
      for (String query : List.of("docker", "Docker", "도커", "kubernetes", "쿠버네티스")) {
        List<Hit> hits = searcher.search(SearchRequest.of(query)).hits();
        String want = query.toLowerCase(java.util.Locale.ROOT).startsWith("k") || query.startsWith("쿠") ? "kubernetes/README.md" : "docker/README.md";
        assertEquals(true, !hits.isEmpty() && hits.getFirst().path().endsWith(want),
            query + ": " + hits.stream().map(h -> h.path().substring(h.path().indexOf("notes/")) + " " + h.score()).toList());
      }
    }
  }
}
