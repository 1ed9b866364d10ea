package io.notesearch.indexer;

import io.notesearch.core.Hit;
import io.notesearch.core.SearchRequest;
import io.notesearch.core.SearchResult;
import io.notesearch.searcher.NoteSearcher;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Searches on several threads while one more thread rewrites every note and commits, over and over.
 * Every commit writes a new generation number into every section of every note (in its heading),
 * so a search that saw half of a commit would see two generations. Shared by {@link
 * ConcurrentSearchTest} (short) and {@link ConcurrentSearchIT} (long).
 */
final class ConcurrentSearch {
  static final int NOTES = 12;
  static final int SECTIONS = 4;
  static final int SEARCHERS = 8;

  private static final Pattern GENERATION = Pattern.compile("gen(\\d+)$");

  /**
   * What a run saw.
   *
   * @param searches searches completed
   * @param commits commits made while searching
   * @param generations distinct generations the searches saw
   * @param errors what went wrong, one line each: exceptions and inconsistent results
   * @param heapBefore heap used after a full GC before the run, in bytes
   * @param heapAfter heap used after a full GC after the run, in bytes
   * @param filesBefore open file descriptors before the run, or -1 where that cannot be read
   * @param filesAfter open file descriptors after the run, or -1
   */
  record Report(long searches, int commits, int generations, List<String> errors, long heapBefore, long heapAfter,
      long filesBefore, long filesAfter) {}

  private ConcurrentSearch() {}

  static Report run(Path tmp, Duration duration) throws Exception {
    Path notes = Files.createDirectories(tmp.resolve("notes"));
    Path index = tmp.resolve("index");
    Queue<String> errors = new ConcurrentLinkedQueue<>();
    AtomicLong searches = new AtomicLong();
    AtomicInteger commits = new AtomicInteger();
    java.util.Set<Integer> seen = java.util.concurrent.ConcurrentHashMap.newKeySet();
    try (NoteIndexer indexer = NoteIndexer.open(index)) {
      write(notes, 0);
      indexer.index(List.of(notes), IndexMode.DEFAULT);
      // Slices of ten sections: the searching threads share the searcher's pool as on a large index.
      System.setProperty("notesearch.sliceSections", "10");
      NoteSearcher opened;
      try {
        opened = NoteSearcher.open(index);
      } finally {
        System.clearProperty("notesearch.sliceSections");
      }
      try (NoteSearcher searcher = opened) {
        check(searcher.search(request()), errors); // warm up before measuring
        long heapBefore = heapAfterGc();
        long filesBefore = openFiles();
        long deadline = System.nanoTime() + duration.toNanos();
        CountDownLatch done = new CountDownLatch(SEARCHERS + 1);
        List<Thread> threads = new ArrayList<>();
        threads.add(Thread.ofPlatform().name("test-indexer").start(() -> {
          try {
            for (int g = 1; System.nanoTime() < deadline; g++) {
              write(notes, g);
              indexer.index(List.of(notes), IndexMode.DEFAULT);
              commits.incrementAndGet();
            }
          } catch (Throwable e) {
            errors.add("indexer: " + e);
          } finally {
            done.countDown();
          }
        }));
        for (int t = 0; t < SEARCHERS; t++) {
          threads.add(Thread.ofPlatform().name("test-searcher-" + t).start(() -> {
            int last = -1;
            try {
              while (System.nanoTime() < deadline) {
                int g = check(searcher.search(request()), errors);
                if (g < last) {
                  errors.add("generation went back from " + last + " to " + g);
                }
                last = g;
                seen.add(g);
                searches.incrementAndGet();
              }
            } catch (Throwable e) {
              errors.add(Thread.currentThread().getName() + ": " + e);
            } finally {
              done.countDown();
            }
          }));
        }
        done.await();
        for (Thread t : threads) {
          t.join();
        }
        return new Report(searches.get(), commits.get(), seen.size(), List.copyOf(errors), heapBefore, heapAfterGc(),
            filesBefore, openFiles());
      }
    }
  }

  /** Every section of every note: the word is in each, and no note is capped. */
  private static SearchRequest request() {
    return SearchRequest.of("zebrafish").withLimit(NOTES * SECTIONS).withMaxPerNote(SECTIONS).withHighlight(false);
  }

  /** The one generation of a result; an error for anything else. */
  private static int check(SearchResult result, Queue<String> errors) {
    Map<String, List<Integer>> byNote = new HashMap<>();
    for (Hit h : result.hits()) {
      Matcher m = GENERATION.matcher(h.headings().getLast());
      if (!m.find()) {
        errors.add("no generation in " + h.headings());
        return -1;
      }
      byNote.computeIfAbsent(h.path(), k -> new ArrayList<>()).add(Integer.parseInt(m.group(1)));
    }
    if (result.total() != NOTES * SECTIONS || byNote.size() != NOTES) {
      errors.add("saw " + result.total() + " sections of " + byNote.size() + " notes; expected " + NOTES * SECTIONS + " of " + NOTES);
    }
    int generation = -1;
    for (Map.Entry<String, List<Integer>> e : byNote.entrySet()) {
      List<Integer> gens = e.getValue();
      if (gens.size() != SECTIONS || gens.stream().distinct().count() != 1) {
        errors.add("note " + e.getKey() + " seen as generations " + gens);
      }
      if (generation >= 0 && gens.getFirst() != generation) {
        errors.add("one search saw generations " + generation + " and " + gens.getFirst() + " of one commit");
      }
      generation = gens.getFirst();
    }
    return generation;
  }

  private static void write(Path notes, int generation) throws IOException {
    for (int n = 0; n < NOTES; n++) {
      StringBuilder text = new StringBuilder("---\ntitle: 동시성 노트 " + n + "\n---\n\n# 노트 " + n + "\n");
      for (int s = 0; s < SECTIONS; s++) {
        text.append("\n## 구간 ").append(s).append(" gen").append(generation).append("\n\n")
            .append("zebrafish 섹션 ").append(s).append("의 본문은 세대마다 다시 쓰인다. 람다와 ELB 이야기.\n");
      }
      Files.writeString(notes.resolve("note-" + n + ".md"), text, StandardCharsets.UTF_8);
    }
  }

  private static long heapAfterGc() throws InterruptedException {
    for (int i = 0; i < 3; i++) {
      System.gc();
      Thread.sleep(100);
    }
    // Runtime rather than MemoryMXBean: these tests run inside the indexer module, which does not read java.management.
    Runtime rt = Runtime.getRuntime();
    return rt.totalMemory() - rt.freeMemory();
  }

  /** Open file descriptors of this process (Linux), to see that old index readers are closed. */
  private static long openFiles() throws IOException {
    Path fds = Path.of("/proc/self/fd");
    if (!Files.isDirectory(fds)) {
      return -1;
    }
    try (Stream<Path> list = Files.list(fds)) {
      return list.count();
    }
  }
}
