package io.notesearch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.apache.lucene.index.CheckIndex;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real index folder problems: the index lives on a small tmpfs, so the kernel answers ENOSPC when it
 * is full and EROFS when it is remounted read-only. Needs the right
 * to mount (root here and in CI); skipped elsewhere unless NOTESEARCH_REQUIRE_TMPFS is set, which
 * {@code .ci/run} does so the test cannot silently stop running there.
 */
class IndexFolderProblemsTest {
  @TempDir Path tmp;
  private Path disk;
  private boolean mounted;

  @BeforeEach
  void mountSmallDisk() throws Exception {
    disk = tmp.resolve("disk");
    Files.createDirectories(disk);
    mounted = run("mount", "-t", "tmpfs", "-o", "size=512k", "tmpfs", disk.toString());
    if (System.getenv("NOTESEARCH_REQUIRE_TMPFS") != null) {
      assertTrue(mounted, "NOTESEARCH_REQUIRE_TMPFS is set but a tmpfs cannot be mounted");
    }
    assumeTrue(mounted, "cannot mount a tmpfs here (needs root)");
  }

  @AfterEach
  void unmount() throws Exception {
    if (mounted) {
      run("umount", disk.toString());
    }
  }

  private static boolean run(String... cmd) throws IOException, InterruptedException {
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    p.getInputStream().transferTo(java.io.OutputStream.nullOutputStream());
    return p.waitFor(20, TimeUnit.SECONDS) && p.exitValue() == 0;
  }

  private static void writeNotes(Path folder, int from, int to, String word) throws IOException {
    Files.createDirectories(folder);
    for (int i = from; i < to; i++) {
      StringBuilder text = new StringBuilder("---\ntitle: 노트 " + i + "\n---\n\n");
      for (int s = 0; s < 6; s++) {
        text.append("## 섹션 ").append(s).append(' ').append(word).append(i).append("\n\n");
        text.append(("EC2 인스턴스와 S3 버킷을 " + word + " 설정한다. 값 " + i * 31 + s + " 로드 밸런서 뒤에 둔다.\n\n").repeat(8));
      }
      Files.writeString(folder.resolve("note-" + i + ".md"), text, StandardCharsets.UTF_8);
    }
  }

  private static long hits(Path index, String query) throws IOException {
    return IndexingLifecycleTest.hits(index, query);
  }

  @Test
  void aFullDiskIsOneLineAndTheLastCommitStaysSearchable() throws Exception {
    Path notes = tmp.resolve("notes");
    Path index = disk.resolve("index");
    writeNotes(notes, 0, 3, "첫째");
    CliRun first = CliRun.of("index", "--index", index.toString(), notes.toString());
    assertEquals(0, first.code(), first.err());
    long before = hits(index, "첫째");
    assertTrue(before > 0);

    writeNotes(notes, 3, 400, "둘째"); // megabytes of index on a 512 KiB disk
    CliRun full = CliRun.of("index", "--index", index.toString(), notes.toString());
    assertEquals(3, full.code(), full.err());
    String err = full.err().strip();
    assertEquals(1, err.lines().count(), err);
    assertTrue(err.contains("no space left") && err.contains(index.toString()), err);

    try (FSDirectory dir = FSDirectory.open(index); CheckIndex check = new CheckIndex(dir)) {
      assertTrue(check.checkIndex().clean, "the last commit is intact");
    }
    assertEquals(before, hits(index, "첫째"), "searches see the last commit");
    assertEquals(0, hits(index, "둘째"));

    assertTrue(run("mount", "-o", "remount,size=64m", disk.toString()), "grow the disk");
    CliRun again = CliRun.of("index", "--index", index.toString(), notes.toString());
    assertEquals(0, again.code(), again.err());
    assertTrue(hits(index, "둘째") >= 397);
  }

  @Test
  void aReadOnlyIndexFolderIsOneLineAndStillSearchable() throws Exception {
    Path notes = tmp.resolve("notes");
    Path index = disk.resolve("index");
    writeNotes(notes, 0, 3, "첫째");
    assertEquals(0, CliRun.of("index", "--index", index.toString(), notes.toString()).code());
    assertTrue(run("mount", "-o", "remount,ro", disk.toString()), "make the disk read-only");

    writeNotes(notes, 3, 5, "둘째");
    CliRun update = CliRun.of("index", "--index", index.toString(), notes.toString());
    assertEquals(3, update.code(), update.err());
    String err = update.err().strip();
    assertEquals(1, err.lines().count(), err);
    assertTrue(err.contains(index.toString()) && err.contains("writable"), err);

    CliRun search = CliRun.of("search", "--index", index.toString(), "첫째");
    assertEquals(0, search.code(), search.err());
    assertTrue(search.out().contains("note-0.md"), search.out());
  }
}
