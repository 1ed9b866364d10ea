package io.notesearch.bench;

import io.notesearch.core.UserFiles;
import io.notesearch.indexer.IndexMode;
import io.notesearch.indexer.IndexOptions;
import io.notesearch.indexer.IndexReport;
import io.notesearch.indexer.NoteIndexer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.apache.lucene.analysis.ko.KoreanAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;

/**
 * notesearch's indexing speed against the plainest Lucene indexing of the same files, in one JVM:
 * Lucene's {@code KoreanAnalyzer}, one document per file with its text in one {@code TextField},
 * {@code IndexWriter} with its default configuration, one thread. Then notesearch's indexer with one
 * indexing thread and with two. Each is run once on the folder's first subfolder to warm the JIT
 * before it is timed.
 *
 * <pre>{@code
 * scripts/notesearch-bench index-ratio /tmp/r10k
 * }</pre>
 */
final class IndexRatio {
  private IndexRatio() {}

  static void run(Path folder, int maxThreads) throws IOException {
    List<Path> files = Markdown.files(folder);
    long bytes = 0;
    for (Path p : files) {
      bytes += Files.size(p);
    }
    Path warm;
    try (Stream<Path> list = Files.list(folder)) {
      warm = list.filter(Files::isDirectory).sorted().findFirst().orElse(folder);
    }
    List<Path> warmFiles = Markdown.files(warm);
    System.out.printf(Locale.ROOT, "%d notes, %.1f MB; warm-up on %s (%d notes)%n", files.size(), bytes / 1e6, warm,
        warmFiles.size());
    Path work = Files.createTempDirectory("notesearch-index-ratio");
    try {
      lucene(warmFiles, work.resolve("warm-lucene"));
      double lucene = bytes / 1e6 / lucene(files, work.resolve("lucene"));
      System.out.printf(Locale.ROOT, "plain Lucene (KoreanAnalyzer, one TextField per file, one thread): %.2f MB/s%n", lucene);
      double one = 0;
      for (int threads = 1; threads <= maxThreads; threads++) {
        notesearch(warm, threads, work.resolve("warm-" + threads));
        double mbs = bytes / 1e6 / notesearch(folder, threads, work.resolve("notesearch-" + threads));
        one = threads == 1 ? mbs : one;
        System.out.printf(Locale.ROOT, "notesearch, %d indexing thread%s: %.2f MB/s, %.2f× plain Lucene%s%n", threads,
            threads == 1 ? "" : "s", mbs, mbs / lucene,
            threads == 1 ? "" : String.format(Locale.ROOT, ", %.2f× one thread", mbs / one));
      }
    } finally {
      IndexingBench.deleteTree(work);
    }
  }

  /** Seconds to index the files the plain way and commit. */
  private static double lucene(List<Path> files, Path index) throws IOException {
    long t = System.nanoTime();
    try (Directory dir = FSDirectory.open(index);
        IndexWriter writer = new IndexWriter(dir, new IndexWriterConfig(new KoreanAnalyzer()))) {
      for (Path p : files) {
        Document doc = new Document();
        doc.add(new TextField("body", Files.readString(p, StandardCharsets.UTF_8), Field.Store.NO));
        writer.addDocument(doc);
      }
      writer.commit();
    }
    return (System.nanoTime() - t) / 1e9;
  }

  /** Seconds notesearch's indexer takes for a full build with that many threads (as it reports). */
  private static double notesearch(Path folder, int threads, Path index) throws IOException {
    try (NoteIndexer indexer = NoteIndexer.open(index, UserFiles.NONE, IndexMode.FULL,
        IndexOptions.DEFAULT.withThreads(threads))) {
      IndexReport report = indexer.index(List.of(folder), IndexMode.FULL);
      return report.took().toNanos() / 1e9;
    }
  }
}
