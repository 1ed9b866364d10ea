package io.notesearch.indexer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.notesearch.indexer.markdown.Note;
import io.notesearch.indexer.markdown.NoteParser;
import io.notesearch.indexer.markdown.Section;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Rendered notes carry the parser's section anchors as element ids, so {@code #anchor} of a hit lands. */
class NoteRendererTest {
  private static final Path NOTES =
      Path.of(System.getProperty("notesearch.corpus", "../corpus")).resolve("notes").toAbsolutePath().normalize();
  private static final Pattern ID = Pattern.compile(" id=\"([^\"]*)\"");

  private final NoteRenderer renderer = new NoteRenderer();

  private static List<String> ids(String html) {
    List<String> out = new ArrayList<>();
    Matcher m = ID.matcher(html);
    while (m.find()) {
      out.add(m.group(1));
    }
    return out;
  }

  private static List<String> anchors(Note note) {
    return note.sections().stream().map(Section::anchor).filter(a -> !a.isEmpty()).toList();
  }

  @Test
  void everySectionOfEveryCorpusNoteHasItsAnchorAsAnIdOnce() throws IOException {
    NoteParser parser = new NoteParser();
    List<Path> files;
    try (Stream<Path> walk = Files.walk(NOTES)) {
      files = walk.filter(p -> p.toString().endsWith(".md")).sorted().toList();
    }
    assertTrue(files.size() > 40, "corpus notes: " + files.size());
    for (Path file : files) {
      Note note = parser.parse(Files.readString(file, StandardCharsets.UTF_8), file);
      RenderedNote page = renderer.render(file);
      assertEquals(anchors(note), page.anchors(), file.toString());
      assertEquals(anchors(note), ids(page.html()), file.toString());
      assertEquals(note.title(), page.title());
    }
  }

  @Test
  void repeatedHeadingsAndBoldPseudoHeadingsGetTheParsersAnchors() {
    String text = """
        ---
        title: 반복 제목
        tags: [x]
        ---

        # 개요

        ## 설치

        첫 설치.

        ## 설치

        **Module 2 : 배포**
        배포 설명.

        * **Amazon EC2**
          가상 서버.
        * 그냥 항목

        ## 설치
        """;
    RenderedNote page = renderer.render(text, Path.of("x.md"));
    assertEquals(List.of("개요", "설치", "설치-1", "module-2--배포", "amazon-ec2", "설치-2"), page.anchors());
    assertTrue(page.html().contains("<h2 id=\"설치-1\" data-section"), page.html());
    assertTrue(page.html().contains("<p id=\"module-2--배포\" data-section"), page.html());
    assertTrue(page.html().contains("<li id=\"amazon-ec2\" data-section"), page.html());
    assertFalse(page.html().contains("tags:"), "front matter is not shown: " + page.html());
    assertEquals("반복 제목", page.title());
  }

  @Test
  void frontMatterIsBlankedLineForLine() {
    assertEquals("\n\n\n# a\n", io.notesearch.indexer.markdown.NoteHtmlAccess.blank("---\nx: 1\n---\n# a\n"));
    assertEquals("\n\n\nbody", io.notesearch.indexer.markdown.NoteHtmlAccess.blank("+++\nx = 1\n+++\nbody"));
    assertEquals("---\nnever closed\n", io.notesearch.indexer.markdown.NoteHtmlAccess.blank("---\nnever closed\n"));
  }

  @Test
  void legacyKoreanEncodingIsDecodedAndBinaryIsRefused(@org.junit.jupiter.api.io.TempDir Path tmp) throws IOException {
    Path legacy = tmp.resolve("legacy.md");
    Files.write(legacy, "# 한글 노트\n\n본문\n".getBytes(java.nio.charset.Charset.forName("x-windows-949")));
    assertEquals("한글 노트", renderer.render(legacy).title());
    Path binary = tmp.resolve("binary.md");
    Files.write(binary, new byte[] {'#', 0, 1});
    IOException e = org.junit.jupiter.api.Assertions.assertThrows(IOException.class, () -> renderer.render(binary));
    assertTrue(e.getMessage().contains(binary.toString()), e.getMessage());
  }
}
