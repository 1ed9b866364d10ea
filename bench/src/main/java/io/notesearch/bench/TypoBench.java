package io.notesearch.bench;

import io.notesearch.core.SearchRequest;
import io.notesearch.core.SearchResult;
import io.notesearch.core.schema.IndexSchema;
import io.notesearch.indexer.IndexMode;
import io.notesearch.indexer.NoteIndexer;
import io.notesearch.searcher.NoteSearcher;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.MultiTerms;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.BytesRef;

/**
 * Did-you-mean on a large Hangul vocabulary: every Hangul word of the notes is a candidate for a
 * misspelt one, so its cost grows with the vocabulary, not with the matches. Generates notes whose
 * body words are drawn from {@code vocabulary} random words of two to four syllables (real notes of
 * a few thousand files have tens of thousands of distinct Hangul terms), plus a sentence of real
 * words, indexes them, and times misspelt searches: the first in the JVM and the median of later ones.
 *
 * <pre>{@code
 * scripts/notesearch-bench typo --notes 3000 --vocabulary 300000 [--keep DIR]
 * }</pre>
 */
final class TypoBench {
  /**
   * Misspelt, each one jamo from a word of {@link #SENTENCE}, and the corrections the run checks.
   * Words of two syllables are no test here: random words leave every syllable known to the index.
   */
  private static final List<String[]> TYPOS = List.of(
      new String[] {"로드 밸랜서", "로드 밸런서"}, new String[] {"쿠버네티즈 클러스터", "쿠버네티스 클러스터"});
  private static final String SENTENCE = "쿠버네티스 클러스터 앞의 로드 밸런서 뒤에서 람다 함수 비용을 줄인다.";

  private TypoBench() {}

  /**
   * Generates, indexes and times.
   *
   * @param keep a folder to leave the notes ({@code keep/notes}) and their index ({@code
   *     keep/index}) in, for timing whole processes on them; null: a temporary folder, deleted
   */
  static void run(int notes, int vocabulary, long seed, Path keep) throws IOException {
    Path work = keep == null ? Files.createTempDirectory("notesearch-typo") : Files.createDirectories(keep);
    try {
      Path folder = work.resolve("notes");
      long bytes = generate(notes, vocabulary, seed, folder);
      Path index = work.resolve("index");
      try (NoteIndexer indexer = NoteIndexer.open(index)) {
        indexer.index(List.of(folder), IndexMode.FULL);
      }
      System.out.printf(Locale.ROOT, "notes: %d, markdown: %.1f MB, random words: %d, Hangul terms in the index: %d%n",
          notes, bytes / 1e6, vocabulary, hangulTerms(index));
      try (NoteSearcher searcher = NoteSearcher.open(index)) {
        searcher.search(SearchRequest.of("로드 밸런서")); // opens the index; no correction
        for (String[] typo : TYPOS) {
          long t = System.nanoTime();
          SearchResult first = searcher.search(SearchRequest.of(typo[0]));
          long firstNanos = System.nanoTime() - t;
          if (first.rewrite().reason() != SearchResult.Reason.SPELLING || !first.rewrite().query().equals(typo[1])) {
            throw new IllegalStateException(typo[0] + " was not corrected to " + typo[1] + ": " + first.rewrite());
          }
          System.out.printf(Locale.ROOT, "%s → %s: first %.1f ms, then median %.1f ms (spelt right: %.1f ms)%n",
              typo[0], typo[1], firstNanos / 1e6, medianMillis(searcher, typo[0]), medianMillis(searcher, typo[1]));
        }
      }
    } finally {
      if (keep == null) {
        IndexingBench.deleteTree(work);
      }
    }
    if (keep != null) {
      System.out.println("kept: " + work.resolve("notes") + " and " + work.resolve("index"));
    }
  }

  /** The median time of 21 searches for a query, in milliseconds. */
  private static double medianMillis(NoteSearcher searcher, String query) throws IOException {
    return QueryTiming.median(searcher, SearchRequest.of(query), 21).millis();
  }

  /** Distinct terms of the body field that start with a Hangul syllable: what a correction scans. */
  private static int hangulTerms(Path index) throws IOException {
    try (Directory dir = FSDirectory.open(index); DirectoryReader reader = DirectoryReader.open(dir)) {
      Terms terms = MultiTerms.getTerms(reader, IndexSchema.BODY);
      TermsEnum te = terms.iterator();
      int n = 0;
      if (te.seekCeil(new BytesRef("가")) != TermsEnum.SeekStatus.END) {
        for (BytesRef t = te.term(); t != null && t.utf8ToString().charAt(0) <= 0xD7A3; t = te.next()) {
          n++;
        }
      }
      return n;
    }
  }

  /** Notes of four sections, each 60 random words and {@link #SENTENCE}; returns the bytes written. */
  static long generate(int notes, int vocabulary, long seed, Path out) throws IOException {
    Random random = new Random(seed);
    Set<String> words = new LinkedHashSet<>();
    while (words.size() < vocabulary) {
      StringBuilder w = new StringBuilder();
      for (int n = 2 + random.nextInt(3); n > 0; n--) {
        w.append((char) (0xAC00 + random.nextInt(11172)));
      }
      words.add(w.toString());
    }
    List<String> pool = new ArrayList<>(words);
    Files.createDirectories(out);
    long bytes = 0;
    for (int i = 0; i < notes; i++) {
      StringBuilder note = new StringBuilder("# 노트 ").append(i).append("\n\n");
      for (int s = 0; s < 4; s++) {
        note.append("## 섹션 ").append(s).append("\n\n");
        for (int w = 0; w < 60; w++) {
          note.append(pool.get(random.nextInt(pool.size()))).append(' ');
        }
        note.append(SENTENCE).append("\n\n");
      }
      byte[] data = note.toString().getBytes(StandardCharsets.UTF_8);
      Files.write(out.resolve(String.format(Locale.ROOT, "note-%05d.md", i)), data);
      bytes += data.length;
    }
    return bytes;
  }
}
