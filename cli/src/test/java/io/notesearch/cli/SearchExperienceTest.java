package io.notesearch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.notesearch.core.Hit;
import io.notesearch.core.SearchRequest;
import io.notesearch.core.SearchResult;
import io.notesearch.indexer.IndexMode;
import io.notesearch.indexer.NoteIndexer;
import io.notesearch.searcher.NoteSearcher;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The query language and the help when nothing matches, on the bundled notes. */
class SearchExperienceTest {
  @TempDir static Path tmp;
  static Path index;
  static NoteSearcher searcher;

  @BeforeAll
  static void indexCorpus() throws IOException {
    index = tmp.resolve("index");
    try (NoteIndexer indexer = NoteIndexer.open(index)) {
      indexer.index(List.of(CliEndToEndTest.NOTES), IndexMode.FULL);
    }
    searcher = NoteSearcher.open(index);
  }

  @AfterAll
  static void close() throws IOException {
    searcher.close();
  }

  private static SearchResult search(String q) throws IOException {
    return searcher.search(SearchRequest.of(q).withLimit(20));
  }

  private static String note(Hit h) {
    return CliEndToEndTest.NOTES.relativize(Path.of(h.path())).toString();
  }

  @Test
  void keyboardLayoutSlipsAreSearchedTheOtherWay() throws IOException {
    SearchResult r = search("fkaek");
    assertEquals(SearchResult.Reason.KEYBOARD_LAYOUT, r.rewrite().reason());
    assertEquals("람다", r.rewrite().query());
    assertFalse(r.hits().isEmpty());
    SearchResult java = search("ㅓㅁㅍㅁ");
    assertEquals("java", java.rewrite().query());
    assertEquals(SearchResult.Reason.NONE, search("람다").rewrite().reason(), "a real query is left alone");
  }

  /** The search page searches while a word is typed: an unfinished last word is completed. */
  @Test
  void anUnfinishedLastWordIsCompletedFromTheNotesWords() throws IOException {
    SearchResult r = search("로드 밸");
    assertEquals(SearchResult.Reason.COMPLETION, r.rewrite().reason(), r.rewrite().toString());
    assertEquals("로드 밸*", r.rewrite().query());
    assertEquals(SearchResult.Matching.ALL_WORDS, r.matching(), "every word, not the any-word fallback (워크로드)");
    assertTrue(r.hits().getFirst().snippet().render("[", "]").contains("[로드 밸런서]"), r.hits().getFirst().snippet().text());
    assertEquals("devops/kubernetes-basics.md", note(search("쿠버").hits().getFirst()));
    assertEquals(SearchResult.Reason.COMPLETION, search("람다 콜").rewrite().reason());
    // A whole word that matches is not completed; one Latin letter starts too many words to mean one.
    assertEquals(SearchResult.Reason.NONE, search("로드 밸런서").rewrite().reason());
    assertTrue(search("e").hits().isEmpty());
  }

  @Test
  void misspellingsAreCorrectedFromTheIndexVocabulary() throws IOException {
    SearchResult r = search("elasticahce");
    assertEquals(SearchResult.Reason.SPELLING, r.rewrite().reason());
    assertEquals("elasticache", r.rewrite().query());
    assertEquals("cloudformation", search("cloudfromation").rewrite().query());
    assertEquals("람다", search("람따").rewrite().query(), "one jamo off");
  }

  @Test
  void initialConsonantsAndUnfinishedSyllables() throws IOException {
    assertTrue(search("ㄹㄷ").hits().stream().allMatch(h -> (h.title() + h.headings()).contains("람다")
        || h.title().contains("Lambda") || String.join(" ", h.headings()).matches(".*[라-맇][다-딯].*")),
        "every hit has a word starting ㄹㄷ");
    assertEquals("aws/aws-lambda-cold-start.md", note(search("ㄷㅅㅅ ㅎㄷ").hits().getFirst()));
    SearchResult unfinished = search("람ㄷ");
    assertFalse(unfinished.hits().isEmpty());
    assertTrue(unfinished.hits().getFirst().snippet().render("[", "]").contains("[람다"), unfinished.hits().getFirst().snippet().text());
  }

  @Test
  void phrasesExclusionsAndOr() throws IOException {
    for (Hit h : search("\"로드 밸런서\"").hits()) {
      assertTrue(h.snippet().render("[", "]").contains("[로드 밸런서]"), h.snippet().text());
    }
    List<String> s3 = search("S3").hits().stream().map(SearchExperienceTest::note).toList();
    List<String> withoutVersioning = search("S3 -버전").hits().stream().map(SearchExperienceTest::note).toList();
    assertTrue(s3.contains("aws/s3-versioning-and-lifecycle.md"));
    assertTrue(search("S3 -버전").hits().stream().noneMatch(h -> h.snippet().text().contains("버전")));
    assertFalse(withoutVersioning.isEmpty());
    List<String> either = search("memcached OR 호이스팅").hits().stream().map(SearchExperienceTest::note).toList();
    assertTrue(either.contains("javascript/hoisting.md") && either.contains("aws/elasticache-redis-memcached.md"), either.toString());
  }

  @Test
  void fieldsAndDates() throws IOException {
    assertTrue(search("tag:docker").hits().stream().allMatch(h -> h.tags().stream().anyMatch(t -> t.equalsIgnoreCase("docker"))));
    assertTrue(search("category:javascript 클로저").hits().stream().allMatch(h -> h.categories().stream().anyMatch(c -> c.equalsIgnoreCase("javascript"))));
    assertTrue(search("date:2023 캐시").hits().stream().allMatch(h -> h.date().getYear() == 2023));
    assertTrue(search("date:>=2022-06 배포").hits().stream().allMatch(h -> !h.date().isBefore(java.time.LocalDate.of(2022, 6, 1))));
    assertTrue(search("path:devops 설정").hits().stream().allMatch(h -> h.path().contains("/devops/")));
    assertTrue(search("heading:cluster").hits().stream().allMatch(h -> String.join(" ", h.headings()).toLowerCase().matches(".*(cluster|클러스터).*")));
    assertFalse(search("code:docker").hits().isEmpty());
    assertFalse(search("title:람다 과금").hits().isEmpty());
  }

  @Test
  void prefixAndFuzzy() throws IOException {
    assertFalse(search("cloudfor*").hits().isEmpty());
    assertEquals("aws/ecs-fargate.md", note(search("fargte~").hits().getFirst()));
  }

  @Test
  void anyInputIsSearchedOrRejectedInOneLine() throws IOException {
    Random random = new Random(11);
    String alphabet = "aE2가힣ㄱㅎㅏ \"()-*~:|OR title: tag: date: >=.. 2020-13 😀\t\\/.+#";
    List<String> rejected = new ArrayList<>();
    for (int i = 0; i < 1500; i++) {
      StringBuilder sb = new StringBuilder();
      int len = 1 + random.nextInt(25);
      for (int j = 0; j < len; j++) {
        sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
      }
      String q = sb.toString();
      try {
        searcher.search(SearchRequest.of(q));
      } catch (IllegalArgumentException e) {
        assertTrue(!e.getMessage().contains("\n") && e.getMessage().contains("["), q + " → " + e.getMessage());
        rejected.add(q);
      }
    }
    assertTrue(rejected.size() < 300, "most random input is searched as text: rejected " + rejected.size());
    searcher.search(SearchRequest.of("가".repeat(10_000)));
    searcher.search(SearchRequest.of("\u0000\u0007 EC2 \u001b[31m"));
  }

  @Test
  void theCliSaysWhatItDidInOneLine() {
    CliRun run = CliRun.of("search", "--index", index.toString(), "-n", "1", "fkaek");
    assertEquals(0, run.code());
    assertEquals("notesearch: searched [람다] instead (typed with the other keyboard input mode?)", run.err().strip());
    CliRun typing = CliRun.of("search", "--index", index.toString(), "-n", "1", "쿠버");
    assertEquals(0, typing.code());
    assertEquals("notesearch: no match for the words as typed; showing words that start with the last one: [쿠버*]", typing.err().strip());
    CliRun bad = CliRun.of("search", "--index", index.toString(), "tga:aws");
    assertEquals(2, bad.code());
    assertTrue(bad.err().startsWith("notesearch: unknown field [tga]"), bad.err());
    CliRun excluded = CliRun.of("search", "--index", index.toString(), "-n", "1", "S3", "-버전");
    assertEquals(0, excluded.code(), excluded.err());
  }
}
