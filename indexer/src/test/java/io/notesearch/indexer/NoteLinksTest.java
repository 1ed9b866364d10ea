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
    Path index = tmp.resolve("index");
    try (NoteIndexer indexer = NoteIndexer.open(index)) {
      indexer.index(List.of(notes), IndexMode.DEFAULT);
    }
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

  private static void write(Path notes, String name, String text) throws IOException {
    Path file = notes.resolve(name);
    Files.createDirectories(file.getParent());
    Files.writeString(file, text, StandardCharsets.UTF_8);
  }
}
