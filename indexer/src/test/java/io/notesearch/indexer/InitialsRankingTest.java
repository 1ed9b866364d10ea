package io.notesearch.indexer;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.notesearch.core.Hit;
import io.notesearch.core.SearchRequest;
import io.notesearch.searcher.NoteSearcher;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** 초성 that are a whole word's rank that word first (QA: ㅇㅈㅂ put 유지보수 headings above 옵저버 패턴). */
class InitialsRankingTest {
  @TempDir Path tmp;

  @Test
  void aWordWhoseConsonantsTheseAreRanksAboveWordsTheyOnlyStart() throws Exception {
    Path notes = Files.createDirectories(tmp.resolve("notes"));
    for (int i = 0; i < 6; i++) {
      Files.writeString(notes.resolve("ops-" + i + ".md"), "# 운영 " + i + "\n\n## 유지보수 계획 " + i + "\n\n서버를 점검한다.\n",
          StandardCharsets.UTF_8);
    }
    Files.writeString(notes.resolve("observer.md"), "# 옵저버 패턴\n\n## 구조\n\n주체가 관찰자에게 알린다.\n", StandardCharsets.UTF_8);
    Path index = tmp.resolve("index");
    try (NoteIndexer indexer = NoteIndexer.open(index)) {
      indexer.index(List.of(notes), IndexMode.DEFAULT);
    }
    try (NoteSearcher searcher = NoteSearcher.open(index)) {
      List<Hit> hits = searcher.search(SearchRequest.of("ㅇㅈㅂ")).hits();
      assertTrue(!hits.isEmpty() && hits.getFirst().path().endsWith("observer.md"),
          hits.stream().map(h -> h.path().substring(h.path().lastIndexOf('/') + 1) + " " + h.score()).toList().toString());
      List<Hit> maintenance = searcher.search(SearchRequest.of("ㅇㅈㅂㅅ")).hits();
      assertTrue(!maintenance.isEmpty() && maintenance.getFirst().path().contains("ops-"), maintenance.toString());
    }
  }
}
