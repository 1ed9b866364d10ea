package io.notesearch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** --files, --count, --sort, --facets, --format html, --open, open and related, through the CLI. */
class OutputOptionsTest {
  @TempDir static Path tmp;
  static String index;

  @BeforeAll
  static void indexCorpus() {
    index = tmp.resolve("index").toString();
    assertEquals(0, CliRun.of("index", "--index", index, CliEndToEndTest.NOTES.toString()).code());
  }

  private static CliRun search(String... args) {
    List<String> all = new ArrayList<>(List.of("search", "--index", index));
    all.addAll(List.of(args));
    return CliRun.of(all.toArray(String[]::new));
  }

  @Test
  void filesListsEachNoteOnceInRankOrder() {
    List<String> lines = search("--files", "람다").out().lines().toList();
    assertEquals(lines.stream().distinct().toList(), lines);
    assertTrue(lines.size() > 3 && lines.stream().allMatch(l -> l.endsWith(".md")), lines.toString());
    assertEquals(3, search("--files", "-n", "3", "람다").out().lines().count());
    // With --json, the same notes as JSON objects.
    List<String> json = search("--files", "--json", "람다").out().lines().toList();
    assertEquals(lines.size(), json.size());
    assertTrue(json.stream().allMatch(l -> l.matches("\\{\"path\":\"/.*\\.md\"\\}")), json.toString());
  }

  @Test
  void countIsAllMatchingSections() {
    int count = Integer.parseInt(search("--count", "람다").out().strip());
    assertTrue(count > 10, "more than one page: " + count);
    CliRun none = search("--count", "zxqvbnmqq");
    assertEquals("0", none.out().strip());
    assertEquals(1, none.code());
    assertEquals("{\"count\":" + count + "}", search("--count", "--json", "람다").out().strip());
  }

  @Test
  void sortByDateIsNewestFirst() {
    List<LocalDate> dates = new ArrayList<>();
    Matcher m = Pattern.compile("\"date\":\"([0-9-]+)\"").matcher(search("--json", "--sort", "date", "-n", "20", "AWS").out());
    while (m.find()) {
      dates.add(LocalDate.parse(m.group(1)));
    }
    assertTrue(dates.size() > 5);
    for (int i = 1; i < dates.size(); i++) {
      assertFalse(dates.get(i).isAfter(dates.get(i - 1)), dates.toString());
    }
  }

  @Test
  void facetsCountTagsCategoriesAndYears() {
    CliRun run = search("--facets", "-n", "3", "캐시");
    List<String> lines = run.out().lines().toList();
    assertTrue(lines.get(lines.size() - 3).startsWith("tags: "), run.out());
    assertTrue(lines.get(lines.size() - 2).startsWith("categories: aws "), run.out());
    assertTrue(lines.getLast().matches("years: (20\\d\\d \\d+(, )?)+"), run.out());
    String json = search("--json", "--facets", "-n", "1", "캐시").out();
    assertTrue(json.lines().toList().getLast().matches("\\{\"facets\":\\{\"tags\":\\{.*\\},\"categories\":\\{.*\\},\"years\":\\{.*\\}\\}\\}"), json);
    String html = search("--format", "html", "--facets", "-n", "1", "캐시").out();
    assertTrue(html.strip().endsWith("</dd></dl>") && html.contains("<dl class=\"notesearch-facets\">"), html);
  }

  @Test
  void htmlMarksMatchesAndEscapesText() {
    String html = search("--format", "html", "-n", "3", "EC2").out();
    assertTrue(html.startsWith("<ol class=\"notesearch-hits\">"));
    assertTrue(html.contains("<mark>EC2</mark>"), html);
    assertFalse(html.replaceAll("</?(ol|li|a|p|span|mark)[^>]*>", "").contains("<"), "everything else escaped");
  }

  @Test
  void jsonCarriesTheMatchedWords() {
    String line = search("--json", "-n", "1", "EC2가").out().lines().findFirst().orElseThrow();
    assertTrue(line.contains("\"matches\":[\"EC2\""), line);
  }

  @Test
  void openStartsTheEditorAtTheLine() throws IOException {
    Path log = tmp.resolve("editor.log");
    Path editor = tmp.resolve("fake-editor.sh");
    Files.writeString(editor, "#!/bin/sh\necho \"$@\" > " + log + "\n");
    Files.setPosixFilePermissions(editor, PosixFilePermissions.fromString("rwxr-xr-x"));
    Map<String, String> env = Map.of("EDITOR", editor.toString(), "NO_COLOR", "1");
    String first = search("--json", "-n", "1", "ElastiCache").out();
    CliRun run = CliRun.of(env, "search", "--index", index, "--open", "1", "ElastiCache");
    assertEquals(0, run.code(), run.err());
    Matcher path = Pattern.compile("\"path\":\"([^\"]+)\",\"line\":(\\d+)").matcher(first);
    assertTrue(path.find());
    assertEquals("+" + path.group(2) + " " + path.group(1), Files.readString(log, StandardCharsets.UTF_8).strip());

    CliRun open = CliRun.of(env, "open", path.group(1) + ":7");
    assertEquals(0, open.code(), open.err());
    assertEquals("+7 " + path.group(1), Files.readString(log, StandardCharsets.UTF_8).strip());
    assertEquals(2, CliRun.of(env, "open", tmp.resolve("missing.md") + ":3").code());
  }

  @Test
  void relatedSectionsShareTheSectionsWords() {
    Path note = CliEndToEndTest.NOTES.resolve("aws/elasticache-redis-memcached.md");
    CliRun run = CliRun.of("related", "--index", index, "--json", "-n", "5", note + "#redis-vs-memcached");
    assertEquals(0, run.code(), run.err());
    List<String> lines = run.out().lines().toList();
    assertEquals(5, lines.size());
    assertFalse(lines.stream().anyMatch(l -> l.contains("\"anchor\":\"redis-vs-memcached\"") && l.contains(note.toString())), "not itself");
    assertTrue(run.out().toLowerCase().contains("redis") || run.out().toLowerCase().contains("memcached"));
    CliRun missing = CliRun.of("related", "--index", index, note + "#no-such-anchor");
    assertEquals(2, missing.code());
    assertTrue(missing.err().startsWith("notesearch: no indexed section ["), missing.err());
  }

  @Test
  void theTitleIsNotRepeatedWhenTheFirstHeadingIsIt() {
    io.notesearch.core.Hit repeated = new io.notesearch.core.Hit("/n.md", 5, "Setext 제목", java.util.List.of("Setext 제목", "소제목"),
        "소제목", 1f, io.notesearch.core.Snippet.empty(), java.util.List.of(), java.util.List.of(), null, java.util.List.of(), "", null);
    assertEquals("Setext 제목 › 소제목", HitPrinter.crumbs(repeated));
    io.notesearch.core.Hit other = new io.notesearch.core.Hit("/n.md", 5, "노트", java.util.List.of("개요"),
        "개요", 1f, io.notesearch.core.Snippet.empty(), java.util.List.of(), java.util.List.of(), null, java.util.List.of(), "", null);
    assertEquals("노트 › 개요", HitPrinter.crumbs(other));
  }
}
