package io.notesearch.indexer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.notesearch.core.Hit;
import io.notesearch.core.SearchRequest;
import io.notesearch.searcher.NoteSearcher;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What rg users reach for: {@code -g} globs on the path below the indexed folder, {@code -s} case,
 * {@code -w} whole words as typed, {@code --sort modified}, and where a date came from.
 */
class RipgrepHabitsTest {
  @TempDir static Path tmp;
  static Path notes;
  static Path index;

  @BeforeAll
  static void indexNotes() throws IOException {
    notes = tmp.resolve("notes");
    write("aws/ec2.md", "# EC2 정리\n\nEC2가 인스턴스를 띄운다. handler functions 목록.\n", "2024-03-01T00:00:00Z");
    write("aws/drafts/ec2-draft.md", "# EC2 초안\n\nEC2 초안 메모. handler function 하나.\n", "2024-02-01T00:00:00Z");
    write("drafts/vpc.md", "# VPC\n\nEC2 서브넷 메모.\n", "2024-01-01T00:00:00Z");
    write("2016-04-28-lower.md", "# 기록\n\nec2 소문자 기록, handlerFunction 이름.\n", "2024-04-01T00:00:00Z");
    write("journal/2016/04-29.md", "---\ntitle: 일지\n---\n\nEc2 일지. 람다 함수를 썼다.\n", "2023-01-01T00:00:00Z");
    write("lambda.md", "---\ntitle: 람다\ndate: 2020-01-02\n---\n\nLambda function 비용. 람다를 쓴다.\n", "2022-01-01T00:00:00Z");
    index = tmp.resolve("index");
    try (NoteIndexer indexer = NoteIndexer.open(index)) {
      indexer.index(List.of(notes), IndexMode.DEFAULT);
    }
  }

  private static void write(String name, String text, String modified) throws IOException {
    Path file = notes.resolve(name);
    Files.createDirectories(file.getParent());
    Files.writeString(file, text, StandardCharsets.UTF_8);
    Files.setLastModifiedTime(file, FileTime.from(Instant.parse(modified)));
  }

  private static Set<String> found(SearchRequest request) throws IOException {
    try (NoteSearcher searcher = NoteSearcher.open(index)) {
      Set<String> out = new TreeSet<>();
      for (Hit h : searcher.search(request.withLimit(50)).hits()) {
        out.add(notes.relativize(Path.of(h.path())).toString());
      }
      return out;
    }
  }

  private static final Set<String> ALL_EC2 =
      Set.of("aws/ec2.md", "aws/drafts/ec2-draft.md", "drafts/vpc.md", "2016-04-28-lower.md", "journal/2016/04-29.md");

  @Test
  void globsKeepAndLeaveOutAsRgDoes() throws IOException {
    SearchRequest ec2 = SearchRequest.of("EC2");
    assertEquals(ALL_EC2, found(ec2));
    // A name without a slash matches a folder at any depth: both drafts folders go.
    assertEquals(Set.of("aws/ec2.md", "2016-04-28-lower.md", "journal/2016/04-29.md"), found(ec2.withGlobs(List.of("!drafts"))));
    // Anchored: only the top drafts folder.
    assertEquals(Set.of("aws/ec2.md", "aws/drafts/ec2-draft.md", "2016-04-28-lower.md", "journal/2016/04-29.md"),
        found(ec2.withGlobs(List.of("!/drafts/**"))));
    // A keeping glob keeps only what it matches; a later '!' wins over it.
    assertEquals(Set.of("aws/ec2.md", "aws/drafts/ec2-draft.md"), found(ec2.withGlobs(List.of("aws/**"))));
    assertEquals(Set.of("aws/ec2.md"), found(ec2.withGlobs(List.of("aws/**", "!*-draft.md"))));
    assertEquals(Set.of("2016-04-28-lower.md"), found(ec2.withGlobs(List.of("/*.md"))));
    assertThrows(IllegalArgumentException.class, () -> ec2.withGlobs(List.of("")));
  }

  @Test
  void caseSensitiveKeepsTheCaseTyped() throws IOException {
    assertEquals(Set.of("aws/ec2.md", "aws/drafts/ec2-draft.md", "drafts/vpc.md"), found(SearchRequest.of("EC2").withCaseSensitive(true)));
    assertEquals(Set.of("2016-04-28-lower.md"), found(SearchRequest.of("ec2").withCaseSensitive(true)));
    // Words without a Latin letter are not narrowed by -s.
    assertEquals(found(SearchRequest.of("람다")), found(SearchRequest.of("람다").withCaseSensitive(true)));
  }

  @Test
  void wholeWordsAreAsTyped() throws IOException {
    // As meant, function finds its plural and 함수 (a synonym); as typed, neither, nor the identifier.
    assertEquals(Set.of("aws/ec2.md", "aws/drafts/ec2-draft.md", "journal/2016/04-29.md", "lambda.md"),
        found(SearchRequest.of("function")));
    assertEquals(Set.of("aws/drafts/ec2-draft.md", "lambda.md"), found(SearchRequest.of("function").withWholeWords(true)));
    // A Korean particle glued to the word still counts: EC2가.
    assertEquals(ALL_EC2, found(SearchRequest.of("EC2").withWholeWords(true)));
    // No synonym: 람다 also finds Lambda as meant, only 람다 as typed (both notes say 람다 here).
    assertEquals(Set.of("lambda.md"), found(SearchRequest.of("Lambda").withWholeWords(true)));
    // No spelling correction or completion.
    assertEquals(Set.of(), found(SearchRequest.of("EC").withWholeWords(true)));
  }

  @Test
  void sortModifiedAndDateSources() throws IOException {
    try (NoteSearcher searcher = NoteSearcher.open(index)) {
      List<Hit> hits = searcher.search(SearchRequest.of("EC2").withSort(SearchRequest.Sort.MODIFIED).withLimit(10)).hits();
      assertEquals(List.of("2016-04-28-lower.md", "aws/ec2.md", "aws/drafts/ec2-draft.md", "drafts/vpc.md", "journal/2016/04-29.md"),
          hits.stream().map(h -> notes.relativize(Path.of(h.path())).toString()).toList());
      assertEquals(Instant.parse("2024-04-01T00:00:00Z"), hits.getFirst().modified());
      assertEquals("file name", hits.getFirst().dateSource());
      Hit journal = hits.getLast();
      assertEquals("2016-04-29", String.valueOf(journal.date()));
      assertEquals("folders", journal.dateSource());
      Hit lambda = searcher.search(SearchRequest.of("비용")).hits().getFirst();
      assertEquals("front matter", lambda.dateSource());
      Hit undated = searcher.search(SearchRequest.of("VPC")).hits().getFirst();
      assertEquals("", undated.dateSource());
    }
  }
}
