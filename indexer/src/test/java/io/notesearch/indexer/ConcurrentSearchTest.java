package io.notesearch.indexer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Eight threads search while a ninth re-indexes and commits, for 10 s ({@link ConcurrentSearchIT}: 30 s). */
class ConcurrentSearchTest {
  /** Heap used after a full GC may grow this much over a run (caches, JIT); a leaked reader per commit would not fit. */
  static final long HEAP_SLACK = 48L << 20;

  /** Open files may differ this much (segments being merged); a leaked reader per commit would not fit. */
  static final long FILES_SLACK = 64;

  @Test
  void everySearchSeesOneWholeCommitAndNothingLeaks(@TempDir Path tmp) throws Exception {
    check(ConcurrentSearch.run(tmp, Duration.ofSeconds(10)));
  }

  static void check(ConcurrentSearch.Report r) {
    System.out.printf("concurrent search: %d searches, %d commits, %d generations seen, heap %d → %d MB, files %d → %d%n",
        r.searches(), r.commits(), r.generations(), r.heapBefore() >> 20, r.heapAfter() >> 20, r.filesBefore(), r.filesAfter());
    assertEquals(List.of(), r.errors());
    assertTrue(r.commits() >= 5, "the indexer committed: " + r.commits());
    assertTrue(r.generations() >= 3, "searches followed the commits: " + r.generations() + " generations seen");
    assertTrue(r.searches() >= 100, "searches ran: " + r.searches());
    assertTrue(r.heapAfter() - r.heapBefore() < HEAP_SLACK,
        "heap after vs before: " + (r.heapAfter() >> 20) + " MB vs " + (r.heapBefore() >> 20) + " MB");
    if (r.filesBefore() >= 0) {
      assertTrue(r.filesAfter() - r.filesBefore() < FILES_SLACK, "open files " + r.filesBefore() + " → " + r.filesAfter());
    }
  }
}
