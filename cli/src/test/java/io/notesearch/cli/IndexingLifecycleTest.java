package io.notesearch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.notesearch.core.SearchRequest;
import io.notesearch.indexer.NoteIndexer;
import io.notesearch.searcher.NoteSearcher;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.lucene.index.CheckIndex;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real child processes: killed mid-run, watching a folder, and locked out by another writer. */
class IndexingLifecycleTest {
  @TempDir Path tmp;

  private static Process notesearch(String... args) throws IOException {
    List<String> cmd = new ArrayList<>(List.of(
        ProcessHandle.current().info().command().orElse("java"), "--enable-native-access=ALL-UNNAMED",
        "-cp", classPath(), Main.class.getName()));
    cmd.addAll(List.of(args));
    return new ProcessBuilder(cmd).redirectErrorStream(true).start();
  }

  /**
   * The test JVM's modules and class path as one class path, as the launcher runs the command:
   * surefire puts this module and what it requires on the module path, the rest on the class path.
   */
  static String classPath() {
    String modules = System.getProperty("jdk.module.path", "");
    String classes = System.getProperty("java.class.path", "");
    return modules.isEmpty() ? classes : classes.isEmpty() ? modules : modules + java.io.File.pathSeparator + classes;
  }

  private static void writeNotes(Path folder, int count, String word) throws IOException {
    Files.createDirectories(folder);
    for (int i = 0; i < count; i++) {
      StringBuilder text = new StringBuilder("---\ntitle: 노트 " + i + "\ntags: [aws]\n---\n\n");
      for (int s = 0; s < 6; s++) {
        text.append("## 섹션 ").append(s).append(" ").append(word).append("\n\n");
        text.append("EC2 인스턴스와 S3 버킷을 ").append(word).append(" 설정한다. 로드 밸런서 뒤에 둔다.\n\n".repeat(8));
      }
      Files.writeString(folder.resolve("note-" + i + ".md"), text, StandardCharsets.UTF_8);
    }
  }

  /** Sections that match, all of them (no per-note cap): what a test counts before and after. */
  static long hits(Path index, String query) throws IOException {
    try (NoteSearcher searcher = NoteSearcher.open(index)) {
      return searcher.search(SearchRequest.of(query).withMaxPerNote(1000).withLimit(1000)).total();
    }
  }

  @Test
  void killedMidRunTheLastCommitStaysIntactAndTheNextRunFinishes() throws Exception {
    Path notes = tmp.resolve("notes");
    Path index = tmp.resolve("index");
    writeNotes(notes, 20, "첫째");
    assertEquals(0, CliRun.of("index", "--index", index.toString(), notes.toString()).code());
    long before = hits(index, "첫째");
    assertTrue(before > 0);

    writeNotes(notes, 1500, "둘째"); // overwrite the 20 and add many more: a run of a few seconds
    Process child = notesearch("index", "--index", index.toString(), notes.toString());
    Thread.sleep(1500);
    assertTrue(child.isAlive(), "still indexing when killed");
    child.destroyForcibly(); // SIGKILL
    assertTrue(child.waitFor(10, TimeUnit.SECONDS));

    try (FSDirectory dir = FSDirectory.open(index); CheckIndex check = new CheckIndex(dir)) {
      assertTrue(check.checkIndex().clean, "the index is clean after kill -9");
    }
    assertEquals(before, hits(index, "첫째"), "searches see the last commit");
    assertEquals(0, hits(index, "둘째"));

    CliRun again = CliRun.of("index", "--index", index.toString(), notes.toString());
    assertEquals(0, again.code(), again.err());
    assertEquals(0, hits(index, "첫째"));
    assertTrue(hits(index, "둘째") >= 1500);
  }

  @Test
  void aDamagedIndexIsOneLineAndFullRebuildsIt() throws Exception {
    Path notes = tmp.resolve("notes");
    Path index = tmp.resolve("index");
    writeNotes(notes, 5, "셋째");
    assertEquals(0, CliRun.of("index", "--index", index.toString(), notes.toString()).code());
    try (Stream<Path> files = Files.list(index)) {
      for (Path f : files.filter(p -> p.getFileName().toString().startsWith("segments_")).toList()) {
        Files.write(f, new byte[] {1, 2, 3}); // a damaged commit point
      }
    }
    CliRun search = CliRun.of("search", "--index", index.toString(), "셋째");
    assertEquals(3, search.code());
    assertEquals(1, search.err().strip().lines().count(), search.err());
    assertTrue(search.err().contains("notesearch index --full"), search.err());
    CliRun update = CliRun.of("index", "--index", index.toString(), notes.toString());
    assertEquals(3, update.code());
    assertTrue(update.err().contains("--full"), update.err());
    CliRun rebuild = CliRun.of("index", "--full", "--index", index.toString(), notes.toString());
    assertEquals(0, rebuild.code(), rebuild.err());
    assertEquals(0, CliRun.of("search", "--index", index.toString(), "셋째").code());
  }

  @Test
  void aSecondWriterIsToldWhichProcessHoldsTheIndex() throws Exception {
    Path index = tmp.resolve("index");
    Path notes = tmp.resolve("notes");
    writeNotes(notes, 2, "하나");
    try (NoteIndexer holder = NoteIndexer.open(index)) {
      CliRun second = CliRun.of("index", "--index", index.toString(), notes.toString());
      assertEquals(3, second.code());
      assertEquals("notesearch: index at [" + index + "] is being written by another process (pid "
          + ProcessHandle.current().pid() + "); wait for it to finish", second.err().strip());
    }
  }

  @Test
  void watchIndexesChangesWithinSecondsAndStopsWhenTheFolderGoes() throws Exception {
    Path notes = tmp.resolve("notes");
    Path index = tmp.resolve("index");
    writeNotes(notes, 3, "처음");
    Process child = notesearch("index", "--watch", "--index", index.toString(), notes.toString());
    try {
      waitFor(() -> Files.exists(index) && hits(index, "처음") > 0, "initial run");
      Files.createDirectories(notes.resolve("new-folder"));
      Thread.sleep(300); // the watcher registers the new folder
      Files.writeString(notes.resolve("new-folder/added.md"), "# 새 노트\n\n키네시스 스트림을 정리한다.\n", StandardCharsets.UTF_8);
      long t = System.nanoTime();
      waitFor(() -> hits(index, "키네시스") == 1, "a new note in a new folder");
      System.out.printf("watch: new note searchable after %d ms%n", (System.nanoTime() - t) / 1_000_000);
      Files.writeString(notes.resolve("note-0.md"), "# 바뀐 노트\n\n오로라 서버리스.\n", StandardCharsets.UTF_8);
      waitFor(() -> hits(index, "오로라") == 1, "a changed note");
      Files.delete(notes.resolve("note-1.md"));
      waitFor(() -> hits(index, "처음") > 0 && hits(index, "노트 1") == 0 || hits(index, "처음") < 12, "a deleted note");
      try (Stream<Path> walk = Files.walk(notes)) {
        for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
          Files.delete(p);
        }
      }
      assertStopsForAGoneFolder(child, 20);
    } finally {
      child.destroyForcibly();
    }
  }

  /** QA: a watched folder renamed away sent no event, and the watch went on for 30 s and more. */
  @Test
  void watchStopsWithinSecondsWhenItsFolderIsRenamed() throws Exception {
    Path notes = tmp.resolve("watched");
    Path index = tmp.resolve("index-renamed");
    writeNotes(notes, 2, "처음");
    Process child = notesearch("index", "--watch", "--index", index.toString(), notes.toString());
    try {
      waitFor(() -> Files.exists(index) && hits(index, "처음") > 0, "initial run");
      Files.move(notes, tmp.resolve("watched-renamed"));
      assertStopsForAGoneFolder(child, 10);
    } finally {
      child.destroyForcibly();
    }
  }

  /** The watch ends within {@code seconds} with exit 3 and the line that says why. */
  private static void assertStopsForAGoneFolder(Process child, int seconds) throws Exception {
    assertTrue(child.waitFor(seconds, TimeUnit.SECONDS), "the watcher stops when its folder is gone");
    String printed = output(child);
    assertEquals(3, child.exitValue(), printed);
    assertTrue(printed.contains("a watched folder was deleted or renamed"), printed);
  }

  private static String output(Process p) throws IOException {
    InputStream in = p.getInputStream();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    in.transferTo(out);
    return out.toString(StandardCharsets.UTF_8);
  }

  private interface Check {
    boolean ok() throws Exception;
  }

  private static void waitFor(Check check, String what) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (System.nanoTime() < deadline) {
      try {
        if (check.ok()) {
          return;
        }
      } catch (IOException notYet) {
        // the index is not there yet
      }
      Thread.sleep(100);
    }
    assertFalse(true, "timed out waiting for " + what);
  }
}
