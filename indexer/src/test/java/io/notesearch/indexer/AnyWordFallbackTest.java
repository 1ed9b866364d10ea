package io.notesearch.indexer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
 * Which words a section must have: question words are not required, and when no section has every
 * word, what the any-word fallback finds and what is not "corrected".
 */
class AnyWordFallbackTest {
  @TempDir Path tmp;

  private NoteSearcher searcher() throws IOException {
    Path notes = Files.createDirectories(tmp.resolve("notes"));
    Files.writeString(notes.resolve("scaling.md"), """
        # 확장 정리

        ## 스케일링 정책

        트래픽에 맞춰 인스턴스 수를 늘리는 스케일링 정책을 정한다. 그 외에도 예약 방식이 있다.

        ## 비용

        요금은 인스턴스 시간으로 낸다.

        ## ELB

        ELB는 들어오는 트래픽을 인스턴스에 나눠 준다.
        """, StandardCharsets.UTF_8);
    return indexed(notes);
  }

  /** The notes of a folder indexed into an index of their own, opened. */
  private NoteSearcher indexed(Path notes) throws IOException {
    Path index = tmp.resolve(notes.getFileName() + "-index");
    try (NoteIndexer indexer = NoteIndexer.open(index)) {
      indexer.index(List.of(notes), IndexMode.DEFAULT);
    }
    return NoteSearcher.open(index);
  }

  @Test
  void aWordOfAMultiWordSynonymCountsByItself() throws IOException {
    try (NoteSearcher searcher = searcher()) {
      // 오토 스케일링 is one synonym group (auto scaling, autoscaling…): no section has all of it.
      SearchResult r = searcher.search(SearchRequest.of("오토 스케일링"));
      assertEquals(SearchResult.Matching.ANY_WORD, r.matching());
      assertFalse(r.hits().isEmpty(), "스케일링 alone is in the notes");
      assertEquals("스케일링 정책", r.hits().getFirst().headings().getLast());
      assertTrue(r.hits().getFirst().snippet().render("[", "]").contains("[스케일링]"), r.hits().getFirst().snippet().text());
      assertEquals(SearchResult.Reason.NONE, r.rewrite().reason(), "not corrected: " + r.rewrite().query());
    }
  }

  @Test
  void questionWordsAreNotRequired() throws IOException {
    try (NoteSearcher searcher = searcher()) {
      for (String q : List.of("ELB가 뭐야", "ELB는 무엇", "ELB 언제 써")) {
        SearchResult r = searcher.search(SearchRequest.of(q));
        assertEquals(SearchResult.Matching.ALL_WORDS, r.matching(), q);
        assertEquals("ELB", r.hits().getFirst().headings().getLast(), q);
      }
      // Nor words for what one wants to know about the topic: a difference, a how-to, a summary.
      for (String q : List.of("요금 차이", "인스턴스 요금 정리", "요금 내는 방법", "요금 종류", "how 요금 works", "요금 examples")) {
        SearchResult r = searcher.search(SearchRequest.of(q));
        assertEquals(SearchResult.Matching.ALL_WORDS, r.matching(), q);
        assertEquals("비용", r.hits().getFirst().headings().getLast(), q);
      }
    }
  }

  @Test
  void aShortHangulWordIsCorrectedOnlyOneJamoAway() throws IOException {
    try (NoteSearcher searcher = searcher()) {
      // 오토 is two jamo from 외 (in 그 외에도): half the word, not a typo of it.
      SearchResult far = searcher.search(SearchRequest.of("오토"));
      assertTrue(far.hits().isEmpty(), "nothing to show for 오토: " + far.rewrite());
      SearchResult near = searcher.search(SearchRequest.of("요굼"));
      assertEquals(SearchResult.Reason.SPELLING, near.rewrite().reason());
      assertEquals("요금", near.rewrite().query(), "one jamo off");
    }
  }

  @Test
  void aMisspeltGlossaryWordIsCorrectedToTheTerm() throws IOException {
    try (NoteSearcher searcher = searcher()) {
      // Nori cuts 로드벨런서 into 로드 벨 런 and no note writes 로드밸런서 whole: only the glossary
      // has the word to compare with.
      SearchResult r = searcher.search(SearchRequest.of("로드벨런서"));
      assertEquals(SearchResult.Reason.SPELLING, r.rewrite().reason(), r.rewrite().toString());
      assertEquals("로드밸런서", r.rewrite().query());
      assertEquals("ELB", r.hits().getFirst().headings().getLast(), "found through its synonym elb");
    }
  }

  @Test
  void aMisspellingIsCorrectedEvenWhenOtherWordsFindMany() throws IOException {
    Path notes = Files.createDirectories(tmp.resolve("many"));
    for (int i = 0; i < 6; i++) {
      Files.writeString(notes.resolve("n" + i + ".md"), "# 노트 " + i + "\n\n트래픽이 늘었다. Redis 캐시를 쓴다.\n", StandardCharsets.UTF_8);
    }
    Files.writeString(notes.resolve("lb.md"), "# 분산\n\n트래픽 분산은 여러 서버에 요청을 나눈다.\n", StandardCharsets.UTF_8);
    Files.writeString(notes.resolve("old.md"), "# 버전\n\nolder 버전은 지원이 끝났다.\n", StandardCharsets.UTF_8);
    // A word one jamo from 레디스: "corrected" to it, 레디스 세션 would match every word.
    Files.writeString(notes.resolve("dedis.md"), "# 데디스\n\n데디스 세션을 연다.\n", StandardCharsets.UTF_8);
    try (NoteSearcher searcher = indexed(notes)) {
      // No section has 븐산; any word finds the six notes on 트래픽, but the typo is worth fixing.
      SearchResult r = searcher.search(SearchRequest.of("트래픽 븐산"));
      assertEquals(SearchResult.Reason.SPELLING, r.rewrite().reason(), r.rewrite().toString());
      assertEquals("트래픽 분산", r.rewrite().query());
      assertEquals(SearchResult.Matching.ALL_WORDS, r.matching());
      assertEquals("분산", r.hits().getFirst().headings().getLast());
      // A word the notes lack is not swapped for a near one unless every word then matches.
      SearchResult order = searcher.search(SearchRequest.of("트래픽 order"));
      assertEquals(SearchResult.Reason.NONE, order.rewrite().reason(), order.rewrite().toString());
      assertEquals(SearchResult.Matching.ANY_WORD, order.matching());
      // A glossary term is a known word, though the notes write it in English: not "corrected".
      for (String q : List.of("레디스 세션", "레디스를 세션")) {
        SearchResult redis = searcher.search(SearchRequest.of(q));
        assertEquals(SearchResult.Reason.NONE, redis.rewrite().reason(), q + ": " + redis.rewrite());
        assertEquals(SearchResult.Matching.ANY_WORD, redis.matching(), q);
      }
    }
  }

  @Test
  void aLoanwordTheNotesWriteInEnglishIsSearchedAsTheyWriteIt() throws IOException {
    Path notes = Files.createDirectories(tmp.resolve("loan"));
    Files.writeString(notes.resolve("build.md"), """
        # 빌드 도구

        ## 확장 기능

        Gradle에 plugin을 추가해서 빌드를 확장한다. 설정은 한 곳에 모은다.

        ## 빌드 캐시

        캐시를 켜면 빌드가 빨라진다. 포트 설정은 따로 한다. 빌드 시간은 signal 핸들러가 기록한다.
        """, StandardCharsets.UTF_8);
    try (NoteSearcher searcher = indexed(notes)) {
      // 시간읠 is the notes' 시간 with a slip, not a loanword for signal, which shares its consonants.
      SearchResult slip = searcher.search(SearchRequest.of("시간읠"));
      assertTrue(!slip.rewrite().query().contains("signal"), slip.rewrite().toString());
      // 플러그인 is in no glossary and no note: the notes write plugin, which sounds the same.
      SearchResult r = searcher.search(SearchRequest.of("플러그인을 추가"));
      assertEquals(SearchResult.Reason.SPELLING, r.rewrite().reason(), r.rewrite().toString());
      assertEquals("plugin 추가", r.rewrite().query());
      assertEquals(SearchResult.Matching.ALL_WORDS, r.matching());
      assertEquals("확장 기능", r.hits().getFirst().headings().getLast());
      // Taken only when every word then matches: no section has both plugin and 캐시.
      SearchResult mixed = searcher.search(SearchRequest.of("플러그인 캐시"));
      assertEquals(SearchResult.Reason.NONE, mixed.rewrite().reason(), mixed.rewrite().toString());
    }
  }
}
