package io.notesearch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Output for editors and previews: {@code --vimgrep} lines point at the matched word as rg's do,
 * {@code show} prints exactly one section's Markdown, {@code -A/-B/-C} and {@code --section} print
 * the note's own lines under each hit.
 */
class EditorOutputTest {
  private static final Pattern VIMGREP = Pattern.compile("(.+\\.md):(\\d+):(\\d+):(\\S.*)");

  @TempDir static Path tmp;
  static String index;

  @BeforeAll
  static void indexCorpus() {
    index = CorpusIndex.get().toString();
  }

  @Test
  void vimgrepLinesPointAtTheMatchedWord() throws Exception {
    CliRun run = CliRun.of("search", "--index", index, "--vimgrep", "-n", "5", "콜드", "스타트");
    assertEquals(0, run.code(), run.err());
    List<String> lines = run.out().lines().toList();
    assertTrue(lines.size() >= 3, run.out());
    for (String line : lines) {
      Matcher m = VIMGREP.matcher(line);
      assertTrue(m.matches(), line);
      List<String> file = Files.readAllLines(Path.of(m.group(1)), StandardCharsets.UTF_8);
      byte[] at = file.get(Integer.parseInt(m.group(2)) - 1).getBytes(StandardCharsets.UTF_8);
      String rest = new String(Arrays.copyOfRange(at, Integer.parseInt(m.group(3)) - 1, at.length), StandardCharsets.UTF_8);
      String lower = rest.toLowerCase(Locale.ROOT);
      assertTrue(lower.startsWith("콜드") || lower.startsWith("스타트") || lower.startsWith("cold") || lower.startsWith("start"),
          "the column is where a matched word starts: " + line + " → [" + rest + "]");
      assertTrue(!line.contains("**") && !line.contains("\u001b"), line);
    }
  }

  @Test
  void showPrintsOneSectionByLineOrAnchor() throws Exception {
    CliRun json = CliRun.of("search", "--index", index, "--json", "-n", "1", "프로비저닝된", "동시성");
    String path = field(json.out(), "path");
    int line = Integer.parseInt(field(json.out(), "line"));
    String anchor = field(json.out(), "anchor");
    CliRun byLine = CliRun.of("show", path + ":" + line);
    assertEquals(0, byLine.code(), byLine.err());
    List<String> file = Files.readAllLines(Path.of(path), StandardCharsets.UTF_8);
    List<String> shown = byLine.out().lines().toList();
    assertEquals(file.get(line - 1), shown.getFirst(), "starts at the hit's heading");
    assertEquals(file.subList(line - 1, line - 1 + shown.size()), shown, "the file's own lines");
    assertTrue(shown.stream().skip(1).noneMatch(l -> l.startsWith("#")), "one section, not the next: " + byLine.out());
    assertEquals(byLine.out(), CliRun.of("show", path + "#" + anchor).out(), "by anchor, the same section");
    assertEquals(byLine.out(), CliRun.of("show", path + ":" + (line + 1)).out(), "a line inside it names it too");
    assertEquals(byLine.out(), CliRun.of("show", path + ":" + line + ":7:whatever rg printed").out(), "rg's and vimgrep's lines work as they are");

    CliRun asJson = CliRun.of("show", "--json", path + "#" + anchor);
    assertTrue(asJson.out().startsWith("{\"path\":") && asJson.out().contains("\"end_line\":") && asJson.out().contains("\"markdown\":"),
        asJson.out());
    CliRun missing = CliRun.of("show", path + "#no-such-anchor");
    assertEquals(ExitCodes.USAGE, missing.code());
    assertTrue(missing.err().startsWith("notesearch: no section #no-such-anchor in [") && missing.err().contains(anchor), missing.err());
    assertEquals(1, missing.err().lines().count(), missing.err());
    assertEquals(ExitCodes.USAGE, CliRun.of("show", tmp.resolve("none.md") + ":3").code());
  }

  @Test
  void contextAndSectionPrintTheNotesOwnLines() throws Exception {
    CliRun context = CliRun.of(java.util.Map.of(), "search", "--index", index, "-C", "1", "-n", "1", "--color", "never", "프로비저닝된", "동시성");
    assertEquals(0, context.code(), context.err());
    List<String> lines = context.out().lines().toList();
    assertEquals(4, lines.size(), "the hit's line, then 1 + 1 + 1 lines: " + context.out());
    assertTrue(lines.get(1).matches("\\d+-.*") && lines.get(2).matches("\\d+:.*") && lines.get(3).matches("\\d+-.*"), context.out());
    assertTrue(lines.get(2).contains("프로비저닝") || lines.get(2).toLowerCase(Locale.ROOT).contains("provisioned"), context.out());

    CliRun json = CliRun.of("search", "--index", index, "--json", "-n", "1", "프로비저닝된", "동시성");
    CliRun shown = CliRun.of("show", field(json.out(), "path") + ":" + field(json.out(), "line"));
    CliRun section = CliRun.of(java.util.Map.of(), "search", "--index", index, "--section", "-n", "1", "--color", "never", "프로비저닝된", "동시성");
    String out = section.out();
    assertEquals(shown.out(), out.substring(out.indexOf('\n') + 1), "the hit's line, then what show prints");
  }

  /** The new output modes keep the documented exit codes and one-line errors. */
  @Test
  void newModesKeepExitCodesAndOneLineErrors() {
    CliRun none = CliRun.of("search", "--index", index, "--vimgrep", "--exact", "zzqqxxnothing");
    assertEquals(ExitCodes.NO_HITS, none.code(), none.err());
    assertEquals("", none.out(), "no hit, no line");
    for (String[] args : List.of(
        new String[] {"search", "--index", tmp.resolve("none").toString(), "--vimgrep", "람다"},
        new String[] {"search", "--index", tmp.resolve("none").toString(), "-C", "2", "람다"},
        new String[] {"search", "--index", tmp.resolve("none").toString(), "--section", "람다"})) {
      CliRun missing = CliRun.of(args);
      assertEquals(ExitCodes.INDEX, missing.code(), String.join(" ", args));
      assertEquals(1, missing.err().lines().count(), missing.err());
      assertEquals("", missing.out());
    }
    CliRun negative = CliRun.of("search", "--index", index, "-A", "-1", "람다");
    assertEquals(ExitCodes.USAGE, negative.code());
    assertEquals(1, negative.err().lines().count(), negative.err());
    CliRun notANote = CliRun.of("show", "no/such/note.md#x");
    assertEquals(ExitCodes.USAGE, notANote.code());
    assertEquals(1, notANote.err().lines().count(), notANote.err());
  }

  /** A top-level field of a JSON line, as text (strings unquoted; enough for paths, numbers and anchors). */
  private static String field(String json, String key) {
    Matcher m = Pattern.compile("\"" + key + "\":(\"((?:[^\"\\\\]|\\\\.)*)\"|[^,}]+)").matcher(json);
    assertTrue(m.find(), key + " in " + json);
    return m.group(2) != null ? m.group(2) : m.group(1);
  }
}
