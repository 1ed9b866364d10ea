package io.notesearch.indexer.markdown;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Golden pairs: every {@code golden/NAME.md} is parsed and compared with {@code
 * golden/NAME.sections.txt}. Run with {@code -Dgolden.update=true} to rewrite the expected files
 * after a deliberate change, then review the diff.
 */
class GoldenSectionsTest {
  private static final Path GOLDEN = Path.of("src/test/resources/golden");
  private static final NoteParser PARSER = new NoteParser();

  static Stream<Path> cases() throws IOException {
    try (Stream<Path> files = Files.list(GOLDEN)) {
      return files.filter(p -> p.toString().endsWith(".md")).sorted().toList().stream();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void sectionsMatchGolden(Path markdown) throws IOException {
    Path expectedFile = expectedFor(markdown);
    String actual = render(PARSER.parse(Files.readString(markdown, StandardCharsets.UTF_8), markdown));
    if (Boolean.getBoolean("golden.update")) {
      Files.writeString(expectedFile, actual, StandardCharsets.UTF_8);
    }
    assertTrue(Files.exists(expectedFile), "missing golden file " + expectedFile + " (run with -Dgolden.update=true)");
    assertEquals(Files.readString(expectedFile, StandardCharsets.UTF_8), actual, markdown.toString());
    // Idempotent: parsing again gives the same sections.
    assertEquals(actual, render(PARSER.parse(Files.readString(markdown, StandardCharsets.UTF_8), markdown)));
  }

  @Test
  void everyGoldenFileHasItsMarkdown() throws IOException {
    List<Path> orphans = new ArrayList<>();
    try (Stream<Path> files = Files.list(GOLDEN)) {
      for (Path p : files.filter(f -> f.toString().endsWith(".sections.txt")).toList()) {
        String name = p.getFileName().toString().replace(".sections.txt", ".md");
        if (!Files.exists(p.resolveSibling(name))) {
          orphans.add(p);
        }
      }
    }
    assertEquals(List.of(), orphans, "golden outputs without a .md input");
  }

  private static Path expectedFor(Path markdown) {
    return markdown.resolveSibling(markdown.getFileName().toString().replaceFirst("\\.md$", ".sections.txt"));
  }

  /** One header block, then per section: line, anchor, heading path; first words; where the text shows a wikilink's note name. */
  static String render(Note note) {
    StringBuilder out = new StringBuilder();
    out.append("title: ").append(note.title()).append('\n');
    if (!note.aliases().isEmpty()) {
      out.append("aliases: ").append(String.join(" | ", note.aliases())).append('\n');
    }
    out.append("date: ").append(note.date()).append(" | categories: ").append(String.join(", ", note.categories()))
        .append(" | tags: ").append(String.join(", ", note.tags()))
        .append(" | draft: ").append(note.draft()).append(" | slug: ").append(note.slug())
        .append(" | lang: ").append(note.lang()).append('\n');
    out.append("description: ").append(note.description()).append('\n');
    for (String w : note.warnings()) {
      out.append("warning: ").append(w).append('\n');
    }
    out.append('\n');
    for (Section s : note.sections()) {
      out.append(s.line()).append("\t#").append(s.anchor()).append('\t')
          .append(String.join(" › ", s.headings())).append('\n');
      out.append("\ttext: ").append(abbreviate(s.text())).append('\n');
      if (!s.code().isEmpty()) {
        out.append("\tcode: ").append(abbreviate(s.code())).append('\n');
      }
      for (io.notesearch.core.schema.SectionRecord.LinkText t : s.linkTexts()) {
        out.append("\tlink text: ").append(s.text(), t.start(), t.end()).append(" → ").append(t.key()).append('\n');
      }
    }
    return out.toString();
  }

  private static String abbreviate(String text) {
    String one = text.replaceAll("\\s+", " ").strip();
    return one.length() <= 300 ? one : one.substring(0, 300) + "…";
  }
}
