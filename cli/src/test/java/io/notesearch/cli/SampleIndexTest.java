package io.notesearch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * With no index of their own, users search the bundled sample notes (README's first command); that
 * index follows the notes, and a stamp lets an unchanged folder skip the refresh.
 */
class SampleIndexTest {
  @TempDir Path tmp;

  @AfterEach
  void clear() {
    System.clearProperty(SearchCommand.SAMPLE_NOTES);
    System.clearProperty(SearchCommand.SAMPLE_INDEX);
  }

  private CliRun search(String... words) {
    String[] args = new String[words.length + 3];
    args[0] = "search";
    args[1] = "--json";
    args[2] = "-n";
    System.arraycopy(words, 0, args, 3, words.length);
    // No index of the user's own: an empty data folder.
    return CliRun.of(Map.of("NO_COLOR", "1", "XDG_DATA_HOME", tmp.resolve("data").toString()), args);
  }

  @Test
  void theSampleIndexFollowsItsNotes() throws IOException {
    Path notes = tmp.resolve("notes");
    try (Stream<Path> files = Files.walk(CliEndToEndTest.NOTES)) {
      for (Path p : files.toList()) {
        Files.copy(p, notes.resolve(CliEndToEndTest.NOTES.relativize(p).toString()));
      }
    }
    Path index = tmp.resolve("sample-index");
    System.setProperty(SearchCommand.SAMPLE_NOTES, notes.toString());
    System.setProperty(SearchCommand.SAMPLE_INDEX, index.toString());

    CliRun first = search("5", "로드 밸런서");
    assertEquals(0, first.code(), first.err());
    assertTrue(first.err().contains("searching the bundled sample notes"), first.err());
    assertTrue(first.out().contains("elb-alb-nlb.md"), first.out());
    String stamp = Files.readString(index.resolve(SampleIndex.STAMP), StandardCharsets.UTF_8);
    assertTrue(stamp.contains("elb-alb-nlb.md"), stamp);

    // Unchanged: the stamp holds, so it is not written again, and the same hits come back.
    FileTime old = FileTime.fromMillis(1_000_000_000_000L);
    Files.setLastModifiedTime(index.resolve(SampleIndex.STAMP), old);
    assertEquals(first.out(), search("5", "로드 밸런서").out());
    assertEquals(old, Files.getLastModifiedTime(index.resolve(SampleIndex.STAMP)), "no refresh for an unchanged folder");

    // The same notes elsewhere (a moved checkout keeps the files' times): hits point to the new place.
    Path moved = tmp.resolve("moved");
    try (Stream<Path> files = Files.walk(notes)) {
      for (Path p : files.toList()) {
        Files.copy(p, moved.resolve(notes.relativize(p).toString()), java.nio.file.StandardCopyOption.COPY_ATTRIBUTES);
      }
    }
    System.setProperty(SearchCommand.SAMPLE_NOTES, moved.toString());
    CliRun there = search("5", "로드 밸런서");
    assertTrue(there.out().contains(moved.resolve("aws").toString()), there.out());
    assertFalse(there.out().contains(notes.resolve("aws").toString()), there.out());
    System.setProperty(SearchCommand.SAMPLE_NOTES, notes.toString());

    // A new note, an edited one (same size, later time) and a deleted one are all seen.
    Files.writeString(notes.resolve("aws/new-note.md"), "---\ntitle: 새 노트\n---\n\n# 새 노트\n\n쿼카포니움 설정.\n", StandardCharsets.UTF_8);
    assertTrue(search("5", "쿼카포니움").out().contains("new-note.md"));
    Path elb = notes.resolve("aws/elb-alb-nlb.md");
    String text = Files.readString(elb, StandardCharsets.UTF_8);
    String edited = text.replaceFirst("Elastic Load Balancing", "Elastic Loud Balancing");
    assertNotEquals(text, edited, "the note has the words the edit changes");
    Files.writeString(elb, edited, StandardCharsets.UTF_8);
    Files.setLastModifiedTime(elb, FileTime.fromMillis(Files.getLastModifiedTime(elb).toMillis() + 2_000));
    assertTrue(search("5", "loud").out().contains("elb-alb-nlb.md"), "the edit is indexed");
    Files.delete(notes.resolve("aws/new-note.md"));
    CliRun gone = search("5", "쿼카포니움");
    assertFalse(gone.out().contains("new-note.md"), gone.out());
    assertNotEquals(stamp, Files.readString(index.resolve(SampleIndex.STAMP), StandardCharsets.UTF_8));
  }

  @Test
  void aFailedFirstIndexRunLeavesNoIndexBehind() throws IOException {
    Map<String, String> env = Map.of("NO_COLOR", "1", "XDG_DATA_HOME", tmp.resolve("data").toString());
    Path location = tmp.resolve("data").resolve("notesearch").resolve("index");
    // A typo in the folder, and an option index does not have: usage errors, nothing created.
    CliRun typo = CliRun.of(env, "index", tmp.resolve("nope").toString());
    assertEquals(ExitCodes.USAGE, typo.code(), typo.err());
    assertTrue(typo.err().startsWith("notesearch: not a folder ["), typo.err());
    CliRun option = CliRun.of(env, "index", "--bogus", CliEndToEndTest.NOTES.toString());
    assertEquals(ExitCodes.USAGE, option.code(), option.err());
    assertTrue(option.err().contains("Unknown option: '--bogus'"), option.err());
    assertFalse(Files.exists(location), "no index folder made by a run that could not start");

    // A folder without a commit (left by an older version, or a run killed before its first commit)
    // is no index: searches still fall back to the sample notes.
    Files.createDirectories(location);
    Files.writeString(location.resolve("write.lock"), "");
    System.setProperty(SearchCommand.SAMPLE_NOTES, CliEndToEndTest.NOTES.toString());
    System.setProperty(SearchCommand.SAMPLE_INDEX, tmp.resolve("sample-index").toString());
    CliRun r = search("1", "로드 밸런서");
    assertEquals(0, r.code(), r.err());
    assertTrue(r.err().contains("searching the bundled sample notes"), r.err());
    CliRun glossary = CliRun.of(env, "glossary");
    assertEquals(0, glossary.code(), glossary.err());
    assertTrue(glossary.out().contains("mined pairs: no index at"), glossary.out());
  }
}
