package io.notesearch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line end to end: index the bundled corpus into a temp folder, then search it. */
class CliEndToEndTest {
  static final Path CORPUS = Path.of(System.getProperty("notesearch.corpus", "../corpus")).toAbsolutePath().normalize();
  static final Path NOTES = CORPUS.resolve("notes");

  @TempDir static Path tmp;
  static Path index;

  @BeforeAll
  static void indexCorpus() {
    index = tmp.resolve("index");
    CliRun run = CliRun.of("index", "--index", index.toString(), NOTES.toString());
    assertEquals(0, run.code(), run.err());
    assertTrue(run.out().matches("(?s)indexed \\d+ notes \\(\\d+ new, 0 changed, 0 unchanged, 0 removed\\): \\d+ sections.*0 skipped.*\n"), run.out());
  }

  private static CliRun search(String... args) {
    List<String> all = new ArrayList<>(List.of("search", "--index", index.toString()));
    all.addAll(List.of(args));
    return CliRun.of(all.toArray(String[]::new));
  }

  /** Values of one key in JSON Lines output (strings and numbers). */
  private static List<String> values(String jsonLines, String key) {
    List<String> out = new ArrayList<>();
    Matcher m = Pattern.compile("\"" + key + "\":(\"((?:[^\"\\\\]|\\\\.)*)\"|[^,}\\]]+)").matcher(jsonLines);
    while (m.find()) {
      out.add(m.group(2) != null ? m.group(2) : m.group(1));
    }
    return out;
  }

  @Test
  void elastiCacheQueryFindsTheElastiCacheSectionWithLineAndAnchor() throws IOException {
    // Not `elasticache …` as well: a word only the note's title says leaves the two sections that
    // name Redis and Memcached within 0.4% of each other.
    CliRun run = search("--json", "-n", "3", "redis와", "memcached", "차이");
    assertEquals(0, run.code(), run.err());
    String first = run.out().lines().findFirst().orElseThrow();
    Path note = NOTES.resolve("aws/elasticache-redis-memcached.md");
    assertEquals(note.toString(), values(first, "path").getFirst());
    List<String> lines = Files.readAllLines(note, StandardCharsets.UTF_8);
    int headingLine = lines.indexOf("### Redis vs Memcached<br/>") + 1;
    assertTrue(headingLine > 0, "the note has the heading");
    assertEquals(Integer.toString(headingLine), values(first, "line").getFirst(), first);
    assertEquals("redis-vs-memcached", values(first, "anchor").getFirst(), first);
    assertTrue(first.contains("\"headings\":[\"Redis vs Memcached\"]"), first);
    assertTrue(first.contains("\"tags\":[\"AWS\""), first);
  }

  @Test
  void jsonLinesHaveExactlyTheDocumentedKeys() {
    CliRun run = search("--json", "EC2", "인스턴스");
    assertEquals(0, run.code(), run.err());
    List<String> lines = run.out().lines().toList();
    assertEquals(10, lines.size());
    for (String line : lines) {
      List<String> keys = new ArrayList<>();
      Matcher m = Pattern.compile("[{,]\"(\\w+)\":").matcher(line);
      while (m.find()) {
        keys.add(m.group(1));
      }
      assertEquals(List.of("path", "line", "title", "headings", "anchor", "score", "snippet", "tags", "category", "categories", "date", "date_source", "modified", "matches"), keys, line);
      assertTrue(line.matches(".*\"date\":(null|\"\\d{4}-\\d{2}-\\d{2}\").*"), line);
      assertTrue(Path.of(values(line, "path").getFirst()).isAbsolute());
    }
  }

  @Test
  void textOutputIsPathLineBreadcrumbThenMarkedSnippet() {
    CliRun run = search("-n", "1", "EC2가", "ELB를");
    assertEquals(0, run.code(), run.err());
    List<String> lines = run.out().lines().toList();
    assertTrue(lines.get(0).matches("\\S+\\.md:\\d+  .+"), lines.get(0));
    assertTrue(lines.get(1).startsWith("    ") && lines.get(1).contains("**"), lines.get(1));
    assertFalse(run.out().contains("\u001b["), "no colour when piped");
  }

  @Test
  void colourOnlyWhenAsked() {
    CliRun run = CliRun.of(Map.of(), "search", "--index", index.toString(), "--color", "always", "-n", "1", "S3");
    assertTrue(run.out().contains("\u001b["), run.out());
    CliRun noColor = CliRun.of(Map.of("NO_COLOR", "1"), "search", "--index", index.toString(), "-n", "1", "S3");
    assertFalse(noColor.out().contains("\u001b["));
  }

  @Test
  void noHitsExitsOne() {
    CliRun run = search("zxqvbnm", "qqqzzz");
    assertEquals(1, run.code());
    assertEquals("", run.out());
  }

  @Test
  void draftsAreHiddenUnlessAsked() throws IOException {
    List<Path> drafts = new ArrayList<>();
    try (var files = Files.walk(NOTES)) {
      for (Path p : files.filter(f -> f.toString().endsWith(".md")).toList()) {
        if (Files.readString(p, StandardCharsets.UTF_8).matches("(?s)---.*\ndraft: true\n.*")) {
          drafts.add(p);
        }
      }
    }
    assertFalse(drafts.isEmpty(), "the corpus has drafts");
    Path draft = drafts.getFirst();
    String title = Files.readAllLines(draft, StandardCharsets.UTF_8).stream()
        .filter(l -> l.startsWith("title:")).findFirst().orElseThrow()
        .substring(6).strip().replace("\"", "");
    CliRun hidden = search("--json", "-n", "50", title);
    assertFalse(hidden.out().contains(draft.toString()), "draft hidden by default");
    CliRun shown = search("--json", "-n", "50", "--drafts", title);
    assertTrue(shown.out().contains(draft.toString()), "draft shown with --drafts");
  }

  @Test
  void errorsAreOneLineWithTheDocumentedExitCodes() {
    CliRun missing = CliRun.of("search", "--index", tmp.resolve("nope").toString(), "S3");
    assertEquals(3, missing.code());
    assertOneLine(missing.err());

    CliRun badOption = CliRun.of("search", "--frobnicate", "S3");
    assertEquals(2, badOption.code());
    assertFalse(badOption.err().contains("Exception"), badOption.err());

    CliRun noFolder = CliRun.of("index", "--index", tmp.resolve("x").toString(), tmp.resolve("no-such-folder").toString());
    assertEquals(2, noFolder.code());
    assertOneLine(noFolder.err());

    CliRun badLimit = search("-n", "0", "S3");
    assertEquals(2, badLimit.code());
    assertOneLine(badLimit.err());

    CliRun badPerNote = search("--max-per-note", "0", "S3");
    assertEquals(2, badPerNote.code());
    assertOneLine(badPerNote.err());
    assertTrue(badPerNote.err().contains("--max-per-note"), badPerNote.err());

    // Nothing to search for is a usage error, not "no hits".
    for (String query : List.of("", "   ", "?!.,", "*")) {
      CliRun empty = search(query);
      assertEquals(2, empty.code(), "[" + query + "]: " + empty.err());
      assertOneLine(empty.err());
    }

    // An index location that is a file: said so, for search and index alike.
    Path file = tmp.resolve("a-file");
    try {
      java.nio.file.Files.writeString(file, "x");
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    for (CliRun onFile : List.of(CliRun.of("search", "--index", file.toString(), "S3"),
        CliRun.of("index", "--index", file.toString(), NOTES.toString()))) {
      assertEquals(2, onFile.code(), onFile.err());
      assertOneLine(onFile.err());
      assertTrue(onFile.err().contains("a file, not a folder"), onFile.err());
    }
  }

  @Test
  void quietIndexingCountsSkippedFilesInOneLine() throws IOException {
    Path notes = java.nio.file.Files.createDirectories(tmp.resolve("quiet-notes"));
    java.nio.file.Files.writeString(notes.resolve("good.md"), "# 좋은 노트\n\n본문.\n");
    java.nio.file.Files.writeString(notes.resolve("empty.md"), "");
    CliRun run = CliRun.of("index", "-q", "--index", tmp.resolve("quiet-index").toString(), notes.toString());
    assertEquals(0, run.code(), run.err());
    assertEquals("", run.out());
    assertEquals("skipped: 1 file (use --verbose to list them)", run.err().strip());
  }

  @Test
  void indexedTwiceIsAllUnchanged() {
    CliRun run = CliRun.of("index", "--index", index.toString(), NOTES.toString());
    assertEquals(0, run.code(), run.err());
    assertTrue(run.out().matches("(?s)indexed (\\d+) notes \\(0 new, 0 changed, \\1 unchanged, 0 removed\\).*"), run.out());
  }

  private static void assertOneLine(String err) {
    assertEquals(1, err.strip().lines().count(), err);
    assertTrue(err.startsWith("notesearch: "), err);
    assertFalse(err.contains("\tat "), err);
  }
}
