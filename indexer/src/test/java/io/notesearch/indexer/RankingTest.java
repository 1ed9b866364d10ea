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
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Ranking rules, each on a small real folder of notes. */
class RankingTest {
  @TempDir Path tmp;

  private List<Hit> search(String query, String... files) throws IOException {
    Path notes = Files.createDirectories(tmp.resolve("notes"));
    for (int i = 0; i < files.length; i += 2) {
      Files.writeString(notes.resolve(files[i]), files[i + 1], StandardCharsets.UTF_8);
    }
    Path index = tmp.resolve("index");
    try (NoteIndexer indexer = NoteIndexer.open(index)) {
      indexer.index(List.of(notes), IndexMode.DEFAULT);
    }
    try (NoteSearcher searcher = NoteSearcher.open(index)) {
      return searcher.search(SearchRequest.of(query)).hits();
    }
  }

  private static String name(Hit h) {
    return Path.of(h.path()).getFileName().toString();
  }

  @Test
  void theExactCompoundRanksFirstAndSpacingStillMatches() throws IOException {
    String[] files = {
      "spaced.md", "# 트래픽 분산\n\n로드 밸런서 뒤에 서버를 둔다. 트래픽을 나눈다.\n",
      "compound.md", "# 트래픽 분산\n\n로드밸런서 뒤에 서버를 둔다. 트래픽을 나눈다.\n"
    };
    List<Hit> compound = search("로드밸런서", files);
    assertEquals(List.of("compound.md", "spaced.md"), compound.stream().map(RankingTest::name).toList());
  }

  @Test
  void spacedQueryFindsTheCompound() throws IOException {
    List<Hit> hits = search("람다 함수", "a.md", "# 노트\n\n람다함수의 실행 시간 제한은 15분이다.\n");
    assertEquals(1, hits.size());
  }

  @Test
  void aSectionNamedForTheTermBeatsOneThatMentionsIt() throws IOException {
    List<Hit> hits = search("버전 관리",
        "s3.md", "# S3 정리\n\n## 버킷 만들기\n\n버킷을 만들고 나중에 버전 관리를 켤 수 있다. 이름은 전역에서 유일하다.\n\n"
            + "## 버전 관리\n\n객체를 덮어써도 이전 버전이 남는다.\n");
    assertEquals("버전 관리", hits.getFirst().headings().getLast());
  }

  @Test
  void aPhraseBeatsScatteredWords() throws IOException {
    List<Hit> hits = search("event loop",
        "scattered.md", "# 노트\n\nThe loop runs; each event is queued. Another loop, another event, later.\n",
        "phrase.md", "# 노트\n\nThe event loop runs callbacks when the stack is empty, one by one, in order.\n");
    assertEquals("phrase.md", name(hits.getFirst()));
  }

  @Test
  void oneNoteDoesNotFloodTheResults() throws IOException {
    StringBuilder flood = new StringBuilder("# 캐시 모음\n\n");
    for (int i = 1; i <= 8; i++) {
      flood.append("## 캐시 ").append(i).append("\n\n캐시 캐시 캐시 이야기 ").append(i).append("\n\n");
    }
    List<Hit> hits = search("캐시", "flood.md", flood.toString(), "other.md", "# 다른 노트\n\n캐시 한 번.\n");
    long fromFlood = hits.stream().filter(h -> name(h).equals("flood.md")).count();
    assertEquals(3, fromFlood, hits.stream().map(RankingTest::name).collect(Collectors.joining(",")));
    assertTrue(hits.stream().anyMatch(h -> name(h).equals("other.md")));
  }

  @Test
  void identifiersInCodeAreFoundWholeAndByTheirWordsBelowProse() throws IOException {
    String[] files = {
      "code.md", "# 코드\n\n```js\nconst user = await getUserById(id);\n```\n",
      "prose.md", "# 설명\n\nuser id로 사용자를 찾는다.\n"
    };
    assertEquals(List.of("code.md"), search("getUserById", files).stream().map(RankingTest::name).toList());
    assertEquals(List.of("prose.md", "code.md"), search("user id", files).stream().map(RankingTest::name).toList());
  }

  @Test
  void longNotesDoNotStarveThePage() throws IOException {
    StringBuilder big = new StringBuilder("# 큰 노트\n\n");
    for (int i = 0; i < 200; i++) {
      big.append("## 캐시 ").append(i).append("\n\n캐시 캐시 캐시 캐시 캐시 ").append(i).append("\n\n");
    }
    String[] files = new String[2 + 2 * 12];
    files[0] = "big.md";
    files[1] = big.toString();
    for (int i = 0; i < 12; i++) {
      files[2 + 2 * i] = "small-" + i + ".md";
      files[3 + 2 * i] = "# 작은 노트 " + i + "\n\n캐시 한 번.\n";
    }
    List<Hit> hits = search("캐시", files);
    assertEquals(10, hits.size(), "a full page although one note has 200 matching sections");
    assertEquals(3, hits.stream().filter(h -> name(h).equals("big.md")).count());
  }

  @Test
  void particlesDoNotStopAMatch() throws IOException {
    List<Hit> hits = search("EC2가 ELB를 거치면", "a.md", "# 구성\n\nEC2 앞에 ELB를 둔다.\n");
    assertEquals(1, hits.size());
  }
}
