package io.notesearch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a script sees when the words as typed are not what was searched: --json says what was
 * searched and why, and --exact searches only the words as typed (no match: exit 1), as rg would.
 */
class ScriptedSearchTest {
  @TempDir static Path tmp;
  static String index;

  @BeforeAll
  static void indexCorpus() {
    index = tmp.resolve("index").toString();
    assertEquals(0, CliRun.of("index", "-q", "--index", index, CliEndToEndTest.NOTES.toString()).code());
  }

  @Test
  void jsonSaysWhatWasSearchedAndWhy() {
    CliRun typo = CliRun.of("search", "--index", index, "--json", "-n", "2", "elasticahce");
    assertEquals(0, typo.code(), typo.err());
    List<String> lines = typo.out().lines().toList();
    assertEquals("{\"searched\":{\"query\":\"elasticache\",\"reason\":\"spelling\",\"matching\":\"all_words\"}}", lines.getLast());
    CliRun count = CliRun.of("search", "--index", index, "--json", "-c", "elasticahce");
    assertTrue(count.out().matches("\\{\"count\":\\d+,\"searched\":\\{\"query\":\"elasticache\",\"reason\":\"spelling\",\"matching\":\"all_words\"}}\n"),
        count.out());
    CliRun plain = CliRun.of("search", "--index", index, "--json", "-n", "2", "elasticache");
    assertTrue(plain.out().lines().noneMatch(l -> l.startsWith("{\"searched\"")), "as typed: no extra line\n" + plain.out());
  }

  @Test
  void exactSearchesOnlyTheWordsAsTyped() {
    CliRun typo = CliRun.of("search", "--index", index, "--exact", "-c", "elasticahce");
    assertEquals(ExitCodes.NO_HITS, typo.code(), typo.out() + typo.err());
    assertEquals("0\n", typo.out());
    assertEquals("", typo.err(), "nothing rewritten, nothing to say");
    CliRun layout = CliRun.of("search", "--index", index, "--exact", "-l", "fkaek");
    assertEquals(ExitCodes.NO_HITS, layout.code(), layout.out());
    CliRun anyWord = CliRun.of("search", "--index", index, "--exact", "-c", "람다", "zzqqxx");
    assertEquals(ExitCodes.NO_HITS, anyWord.code(), "no any-word fallback: " + anyWord.out());
    CliRun found = CliRun.of("search", "--index", index, "--exact", "-c", "elasticache");
    assertEquals(0, found.code());
    assertTrue(Long.parseLong(found.out().strip()) > 0, found.out());
  }

  @Test
  void plainIsOneLinePerHitAndNullEndsPathsWithNul() {
    CliRun plain = CliRun.of(Map.of(), "search", "--index", index, "--plain", "--color", "always", "-n", "3", "로드", "밸런서");
    assertEquals(0, plain.code(), plain.err());
    List<String> lines = plain.out().lines().toList();
    assertEquals(3, lines.size(), plain.out());
    for (String line : lines) {
      assertTrue(line.matches("[^\\s]+\\.md:\\d+  \\S.*"), line);
      assertTrue(!line.contains("**") && !line.contains("\u001b") && !line.contains(" › "), line);
    }
    CliRun nul = CliRun.of("search", "--index", index, "-l", "-0", "-n", "2", "로드", "밸런서");
    assertEquals(0, nul.code(), nul.err());
    assertTrue(nul.out().endsWith(".md\0") && !nul.out().contains("\n"), nul.out());
    assertEquals(2, nul.out().split("\0").length, nul.out());
  }
}
