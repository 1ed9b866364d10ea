package io.notesearch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.notesearch.indexer.IndexReport;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Small things a user of rg and friends expects (QA): colour, plurals, a mistyped command. */
class CommandLineMannersTest {
  @Test
  void anEmptyNoColorDoesNotTurnColourOff() {
    assertTrue(HitPrinter.ColorChoice.AUTO.enabled(Map.of("NO_COLOR", ""), true));
    assertFalse(HitPrinter.ColorChoice.AUTO.enabled(Map.of("NO_COLOR", "1"), true));
    assertTrue(HitPrinter.ColorChoice.AUTO.enabled(Map.of(), true));
    assertFalse(HitPrinter.ColorChoice.AUTO.enabled(Map.of(), false));
  }

  @Test
  void oneNoteIsOneNote() {
    IndexReport one = new IndexReport(1, 1, 1, 0, 0, 0, 10, List.of(), List.of(new io.notesearch.indexer.Problem("a.md", "w")),
        false, Duration.ofMillis(5));
    String line = IndexCommand.summary(one, Path.of("/i"));
    assertTrue(line.startsWith("indexed 1 note (") && line.contains(": 1 section,") && line.contains(", 1 warning →"), line);
  }

  @Test
  void aMistypedCommandGetsTheOneItIsCloseTo() {
    CliRun run = CliRun.of("serch", "람다");
    assertEquals(ExitCodes.USAGE, run.code());
    assertTrue(run.err().startsWith("notesearch: unknown command [serch]; did you mean search"), run.err());
    CliRun daemon = CliRun.of("daemon", "bogus");
    assertEquals(ExitCodes.USAGE, daemon.code());
    assertTrue(daemon.err().contains("use start, run, stop or status"), daemon.err());
  }

  @Test
  void helpSummariesAreWholeSentencesAndUrlsStayWhole() {
    CliRun help = CliRun.of("--help");
    String commands = help.out().substring(help.out().indexOf("Commands:"));
    commands = commands.substring(0, commands.indexOf("\n\n")); // the exit codes and environment follow
    assertTrue(help.out().contains("Exit status:") && help.out().contains("NOTESEARCH_INDEX"), help.out());
    for (String entry : commands.split("\n  (?=\\S)")) {
      if (!entry.startsWith("Commands:")) {
        assertTrue(entry.strip().endsWith("."), "a summary cut mid-sentence: " + entry);
      }
    }
    for (String command : List.of("search", "index")) {
      String text = CliRun.of(command, "--help").out();
      assertFalse(text.contains("http: //") || text.contains("http:\n"), text);
    }
  }

  /** QA: a search during a first build said "no index". */
  @Test
  void aSearchDuringAFirstBuildSaysWhoIsBuildingIt(@org.junit.jupiter.api.io.TempDir Path tmp) throws Exception {
    Path index = java.nio.file.Files.createDirectories(tmp.resolve("index"));
    long pid = ProcessHandle.current().pid();
    java.nio.file.Files.writeString(index.resolve(io.notesearch.core.schema.IndexFolder.WRITER_PID), Long.toString(pid));
    CliRun run = CliRun.of("search", "--index", index.toString(), "람다");
    assertEquals(ExitCodes.INDEX, run.code());
    assertEquals("notesearch: the index at [" + index + "] is being built by pid " + pid + "; search again when it is done\n",
        run.err());
  }
}
