package io.notesearch.indexer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.notesearch.core.NoteLinks;
import io.notesearch.searcher.NoteSearcher;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Links between notes in the dialects people write them: Obsidian wikilinks with an alias and a
 * heading, relative Markdown links, and a static site's links by slug or page folder.
 */
class NoteLinksTest {
  @TempDir Path tmp;

  @Test
  void linksResolveAndBacklinksFollow() throws IOException {
    Path notes = tmp.resolve("notes");
    write(notes, "aws/ec2.md", """
        ---
        title: EC2 정리
        aliases: [일래스틱 컴퓨트]
        ---
        ## 보안 그룹

        [[vpc#서브넷|VPC 노트]]의 보안 그룹을 쓴다.

        ## 저장소

        [S3](../s3%20notes.md#버킷), [Git](/git/), [그림](diagram.png), [문서](https://aws.amazon.com/ec2/), [[없는 노트]]
        """);
    write(notes, "s3 notes.md", "# S3 정리\n\n버킷. [[일래스틱 컴퓨트]] 에서 읽는다.\n");
    write(notes, "aws/vpc.md", "# VPC\n\n서브넷. [[ec2]] 에서 쓴다. [[EC2|또]]\n");
    write(notes, "git/index.md", "---\ntitle: Git 기초\n---\n\n브랜치. [EC2](../aws/ec2.md) 참고.\n");
    write(notes, "blog/intro.md", "---\ntitle: 소개\nslug: /hello-world\n---\n\n인사.\n");
    write(notes, "other.md", "# 다른 글\n\n[처음 글](/hello-world/) 을 보라.\n");
    Path index = indexed(notes);
    String ec2 = notes.resolve("aws/ec2.md").toString();
    try (NoteSearcher searcher = NoteSearcher.open(index)) {
      NoteLinks links = searcher.links(ec2);
      assertEquals("EC2 정리", links.title());
      List<String> to = links.outgoing().stream().map(l -> l.target() + " -> " + (l.toPath() == null ? null
          : notes.relativize(Path.of(l.toPath())).toString())).toList();
      assertEquals(List.of(
          "vpc -> aws/vpc.md",
          notes.resolve("s3 notes.md") + " -> s3 notes.md",
          "git -> git/index.md",
          "없는 노트 -> null"), to);
      assertEquals(List.of("보안 그룹"), links.outgoing().getFirst().fromHeadings());
      assertEquals("VPC", links.outgoing().getFirst().toTitle());
      // Backlinks: by file name (twice in one section: listed once), by alias, by a relative path.
      List<String> from = links.backlinks().stream().map(l -> notes.relativize(Path.of(l.fromPath())) + ":" + l.fromLine()).toList();
      assertEquals(List.of("aws/vpc.md:1", "git/index.md:5", "s3 notes.md:1"), from);
      // A name finds the note; a slug is a name too.
      assertEquals(ec2, searcher.links("ec2").path());
      NoteLinks intro = searcher.links("hello-world");
      assertEquals("소개", intro.title());
      assertEquals(1, intro.backlinks().size());
      assertTrue(intro.outgoing().isEmpty());
      assertNull(links.outgoing().getLast().toTitle());
      assertThrows(IllegalArgumentException.class, () -> searcher.links("no-such-note"));
    }
  }

  @Test
  void aHitShowsTheTitleOfTheNoteAWikilinkNames() throws IOException {
    Path notes = tmp.resolve("notes");
    write(notes, "git/index.md", "---\ntitle: Git 기초 정리\n---\n\n커밋과 브랜치.\n");
    write(notes, "merge.md", "---\ntitle: 머지 전략\naliases: [merge notes]\n---\n\n머지.\n");
    write(notes, "a/todo.md", "# 할 일 A\n\n목록.\n");
    write(notes, "b/todo.md", "# 할 일 B\n\n목록.\n");
    write(notes, "rebase.md", """
        # Rebase

        리베이스 기본은 [[/git]]에서 보고, [[git#브랜치]]와 [[merge notes]], [[merge|머지 글]]도 참고.
        [[todo]]와 [[없는 노트]]는 그대로, 본문의 git 이라는 말도 그대로.

        | 명령 | 노트 |
        |---|---|
        | 리베이스 표 | [[merge]] |
        """);
    Path index = indexed(notes);
    try (NoteSearcher searcher = NoteSearcher.open(index)) {
      // The title where the text shows the name (a file, a page folder, an alias); the heading after
      // it; an alias as the writer gave it; a name two notes share, or none has, as written.
      assertEquals("리베이스 기본은 Git 기초 정리에서 보고, Git 기초 정리 › 브랜치와 머지 전략, 머지 글도 참고. "
              + "todo와 없는 노트는 그대로, 본문의 git 이라는 말도 그대로.",
          snippet(searcher, "리베이스 기본은").text().replace("**", ""));
      // A word that matched the link's name marks the title shown there.
      String marked = snippet(searcher, "rebase git").render("**", "**");
      assertTrue(marked.contains("기본은 **Git 기초 정리**에서 보고, **Git 기초 정리** › 브랜치와"), marked);
      // The words matched are what the note writes, the link's name, which -A/-B/-C and --vimgrep
      // look for in the file; the title is only shown.
      assertEquals(List.of("리베이스", "git"), hitOf(searcher, "rebase git").matches());
      // In a table, too.
      assertTrue(snippet(searcher, "리베이스 표").text().contains("머지 전략"), snippet(searcher, "리베이스 표").text());
    }
    // Renamed later: the hit shows the new title, with no re-indexing of the note that links to it.
    write(notes, "git/index.md", "---\ntitle: 깃 입문\n---\n\n커밋과 브랜치.\n");
    indexed(notes);
    try (NoteSearcher searcher = NoteSearcher.open(index)) {
      assertTrue(snippet(searcher, "리베이스 기본은").text().startsWith("리베이스 기본은 깃 입문에서 보고"),
          snippet(searcher, "리베이스 기본은").text());
    }
  }

  private static io.notesearch.core.Snippet snippet(NoteSearcher searcher, String query) throws IOException {
    return hitOf(searcher, query).snippet();
  }

  private static io.notesearch.core.Hit hitOf(NoteSearcher searcher, String query) throws IOException {
    io.notesearch.core.SearchResult result = searcher.search(io.notesearch.core.SearchRequest.of(query));
    assertTrue(!result.hits().isEmpty(), query);
    assertEquals("rebase.md", Path.of(result.hits().getFirst().path()).getFileName().toString(), query);
    return result.hits().getFirst();
  }

  @Test
  void onlyTheNamesInTheChosenPassageShowTitles() throws IOException {
    Path notes = tmp.resolve("notes");
    write(notes, "c.md", "---\ntitle: C 프로그래밍\n---\n\n포인터.\n");
    // The passage is the first sentence; the one-letter name right after it is not in it.
    write(notes, "rebase.md", "# 메모\n\n첫 문장은 리베이스 이야기다. [[C]] 언어는 다음 문장이다.\n");
    // A note whose text holds the two noncharacters that mark names inside the indexer.
    write(notes, "odd.md", "# 이상한 글자\n\n앞 \uFDD0c\uFDD1 뒤 리베이스 낱말.\n");
    Path index = indexed(notes);
    try (NoteSearcher searcher = NoteSearcher.open(index)) {
      io.notesearch.core.SearchResult result = searcher.search(io.notesearch.core.SearchRequest.of("리베이스 이야기"));
      String shown = result.hits().getFirst().snippet().text();
      assertTrue(shown.startsWith("첫 문장은 리베이스 이야기다."), shown);
      assertTrue(!shown.contains("C 프로그래밍"), shown);
      String odd = searcher.search(io.notesearch.core.SearchRequest.of("이상한 글자 낱말")).hits().getFirst().snippet().text();
      assertEquals("앞 \uFFFDc\uFFFD 뒤 리베이스 낱말.", odd);
    }
  }

  /** Indexes the notes (again: an update) into the test's index folder, and returns the folder. */
  private Path indexed(Path notes) throws IOException {
    Path index = tmp.resolve("index");
    try (NoteIndexer indexer = NoteIndexer.open(index)) {
      indexer.index(List.of(notes), IndexMode.DEFAULT);
    }
    return index;
  }

  private static void write(Path notes, String name, String text) throws IOException {
    Path file = notes.resolve(name);
    Files.createDirectories(file.getParent());
    Files.writeString(file, text, StandardCharsets.UTF_8);
  }
}
