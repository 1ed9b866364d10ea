package io.notesearch.indexer.internal;

import io.notesearch.core.NoteIndexException;
import io.notesearch.core.analysis.NoteAnalyzers;
import io.notesearch.core.schema.IndexFolder;
import io.notesearch.core.schema.IndexSchema;
import io.notesearch.indexer.IndexMode;
import io.notesearch.indexer.IndexOptions;
import io.notesearch.indexer.IndexReport;
import io.notesearch.indexer.Problem;
import io.notesearch.indexer.Progress;
import io.notesearch.indexer.markdown.NoteParser;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.store.AlreadyClosedException;

/**
 * A run of indexing: walks the folders ({@link NoteFiles}), decides what changed ({@link
 * KnownNotes}), reads and parses the notes that did ({@link NoteReader}), builds their section
 * documents ({@link SectionDocuments}) on every core, and commits once ({@link IndexWriting}). The
 * front door is {@link io.notesearch.indexer.NoteIndexer}; the relevance harness and the benchmarks
 * open one with an analysis of their choice. Not API.
 */
public final class Indexer implements AutoCloseable {
  private final IndexWriting writing;
  private final NoteReader reader;
  private final SectionDocuments documents;

  /** Fingerprint of the index-side analysis; an index built with another one is rebuilt. */
  private final String analysis;

  private final IndexOptions options;

  private Indexer(IndexWriting writing, NoteReader reader, String analysis, IndexOptions options) {
    this.writing = writing;
    this.reader = reader;
    this.analysis = analysis;
    this.options = options;
    this.documents = new SectionDocuments(writing.writer().getAnalyzer(), writing.lastCommit());
  }

  /**
   * Opens (creating if needed) the index in a folder for writing, with the given analysis.
   *
   * @param index the index folder
   * @param analyzers the analysis chains; searchers must use the same
   * @param mode {@link IndexMode#FULL} to start from an empty index
   * @param options the indexing threads
   * @return an indexer holding the write lock; close it when done
   * @throws NoteIndexException when the folder cannot be used or another process is writing it
   */
  public static Indexer open(Path index, NoteAnalyzers analyzers, IndexMode mode, IndexOptions options)
      throws NoteIndexException {
    return open(index, analyzers, mode, options, Files::readAllBytes);
  }

  /**
   * Opens an index whose notes are read through {@code files}, a seam for tests.
   *
   * @param index the index folder
   * @param analyzers the analysis chains
   * @param mode {@link IndexMode#FULL} to start from an empty index
   * @param options the indexing threads
   * @param files reads a note's bytes
   * @return an indexer holding the write lock
   * @throws NoteIndexException when the folder cannot be used or another process is writing it
   */
  public static Indexer open(Path index, NoteAnalyzers analyzers, IndexMode mode, IndexOptions options,
      NoteReader.FileBytes files) throws NoteIndexException {
    Objects.requireNonNull(index, "index");
    Objects.requireNonNull(options, "options");
    IndexWriting writing = IndexWriting.open(new IndexFolder(index), analyzers, mode);
    return new Indexer(writing, new NoteReader(files), analyzers.fingerprint(), options);
  }

  /** {@return the index folder} */
  public Path indexPath() {
    return writing.folder().path();
  }

  /**
   * Brings the index up to date with the notes under the given folders, and commits.
   *
   * @param roots folders to index (each must exist)
   * @param mode incremental or a full rebuild
   * @param progress told after each note, from the indexing threads
   * @return what the run did
   * @throws IOException when the index cannot be written
   */
  public IndexReport index(List<Path> roots, IndexMode mode, Progress progress) throws IOException {
    return writing(() -> indexAll(roots, mode, progress));
  }

  /**
   * Brings the index up to date with some changed paths only, and commits.
   *
   * @param roots the indexed folders (a path outside them is ignored)
   * @param changed paths that changed (files or folders; created, changed or deleted)
   * @return what the run did
   * @throws IOException when the index cannot be written
   */
  public IndexReport update(List<Path> roots, Collection<Path> changed) throws IOException {
    return writing(() -> updateChanged(roots, changed));
  }

  /** A run that writes the index, with its write failures turned into one-line errors. */
  private IndexReport writing(Run run) throws IOException {
    try {
      return run.run();
    } catch (NoteIndexException | InterruptedIOException e) {
      throw e;
    } catch (IOException e) {
      throw writing.failure(e);
    } catch (AlreadyClosedException e) {
      // One indexing thread hit a disk error and Lucene closed the writer; another thread noticed first.
      Throwable tragedy = writing.writer().getTragicException();
      throw writing.failure(new IOException(String.valueOf(tragedy != null ? tragedy.getMessage() : e.getMessage()),
          tragedy != null ? tragedy : e));
    }
  }

  private interface Run {
    IndexReport run() throws IOException;
  }

  private IndexReport indexAll(List<Path> roots, IndexMode mode, Progress progress) throws IOException {
    long started = System.nanoTime();
    List<Path> folders = new ArrayList<>();
    for (Path root : roots) {
      if (!Files.isDirectory(root)) {
        throw new IllegalArgumentException("not a folder [" + root + "]");
      }
      folders.add(root.toAbsolutePath().normalize());
    }
    IndexFolder.Commit last = writing.lastCommit();
    boolean stale = !last.currentSchema() || !analysis.equals(last.analysis()) || !NoteParser.VERSION.equals(last.parser());
    int indexed = writing.writer().getDocStats().numDocs;
    boolean rebuild = mode == IndexMode.FULL || (indexed > 0 && stale);
    // Nori's dictionaries load on threads of their own as soon as the walk meets a note to analyse
    // (at once for a build from scratch), overlapping the rest of the walk; a run with nothing
    // changed loads none (10k unchanged notes, whole process: 439 against 530 ms loading them always).
    boolean fresh = rebuild || indexed == 0;
    Map<String, String> before = fresh ? Map.of() : KnownNotes.all(writing.writer());
    java.util.concurrent.atomic.AtomicBoolean loading = new java.util.concurrent.atomic.AtomicBoolean();
    if (fresh) {
      preload(loading);
    }
    NoteFiles.Found found = NoteFiles.walk(folders, ignores(), (file, attrs) -> {
      if (!loading.get()) {
        String hash = before.get(file.toString());
        if (hash == null || !hash.endsWith(NoteReader.stamp(attrs))) {
          preload(loading);
        }
      }
    });
    List<Problem> skipped = new ArrayList<>(found.problems());
    List<Problem> warnings = new ArrayList<>();
    Set<String> present = new HashSet<>();
    Map<String, String> known;
    Tally tally = new Tally();
    // Parsing and analysis run on every core: IndexWriter takes documents from many threads and
    // analyses them on the calling thread. Outcomes are summed up in file order.
    Pool pool = pool();
    try {
      if (documents.estimate(found.notes(), fresh, reader, pool.executor()) == SectionDocuments.Estimate.REBUILD) {
        rebuild = true;
      }
      known = rebuild ? Map.of() : before;
      if (rebuild) {
        writing.writer().deleteAll();
      }
      List<Future<Outcome>> outcomes = new ArrayList<>(found.notes().size());
      AtomicInteger done = new AtomicInteger();
      AtomicLong doneBytes = new AtomicLong();
      int total = found.notes().size();
      for (Path file : found.notes()) {
        outcomes.add(pool.executor().submit(() -> {
          Outcome o = indexOne(file, known.get(file.toString()));
          progress.progress(done.incrementAndGet(), total, doneBytes.addAndGet(o.bytes()));
          return o;
        }));
      }
      for (Future<Outcome> future : outcomes) {
        Outcome o = await(future);
        skipped.addAll(o.skipped());
        warnings.addAll(o.warnings());
        if (o.kind() != Outcome.Kind.SKIPPED) {
          present.add(o.path());
        }
        tally.add(o);
      }
    } finally {
      pool.close();
    }
    int deleted = 0;
    for (String path : known.keySet()) {
      // Gone from the folders indexed now, or from the disk: a note of a folder indexed in another
      // run stays while its file is there (one index may hold several folders), not after.
      if (!present.contains(path) && (KnownNotes.isUnder(path, folders) || !Files.exists(Path.of(path)))) {
        writing.writer().deleteDocuments(new Term(IndexSchema.PATH, path));
        deleted++;
      }
    }
    commit(folders);
    return new IndexReport(tally.notes, tally.sections, tally.added, tally.updated, tally.unchanged, deleted, tally.bytes,
        skipped, warnings, rebuild, Duration.ofNanos(System.nanoTime() - started));
  }

  private IndexReport updateChanged(List<Path> roots, Collection<Path> changed) throws IOException {
    long started = System.nanoTime();
    List<Path> folders = roots.stream().map(r -> r.toAbsolutePath().normalize()).toList();
    List<Problem> skipped = new ArrayList<>();
    List<Problem> warnings = new ArrayList<>();
    int deleted = 0;
    Set<Path> files = new LinkedHashSet<>();
    IgnoreFiles ignores = ignores();
    for (Path p : changed) {
      Path path = p.toAbsolutePath().normalize();
      if (!KnownNotes.isUnder(path.toString(), folders) || KnownNotes.isSkippedFolder(path, folders)) {
        continue;
      }
      if (isIgnored(path, folders, ignores)) {
        // Ignored now (an ignore file changed, or the note moved into an ignored folder): out of the index.
        writing.writer().deleteDocuments(new Term(IndexSchema.PATH, path.toString()));
        writing.writer().deleteDocuments(new PrefixQuery(new Term(IndexSchema.PATH, path + "/")));
        continue;
      }
      if (Files.isDirectory(path)) {
        NoteFiles.Found found = NoteFiles.walk(List.of(path), ignores);
        files.addAll(found.notes());
        skipped.addAll(found.problems());
      } else if (Files.exists(path)) {
        if (NoteFiles.isNote(path)) {
          files.add(path);
        }
      } else {
        // Gone: the note itself, or every note of a folder that went away.
        writing.writer().deleteDocuments(new Term(IndexSchema.PATH, path.toString()));
        writing.writer().deleteDocuments(new PrefixQuery(new Term(IndexSchema.PATH, path + "/")));
        deleted++;
      }
    }
    Map<String, String> known = KnownNotes.of(writing.writer(), files);
    Tally tally = new Tally();
    for (Path file : files) {
      Outcome o = indexOne(file, known.get(file.toString()));
      skipped.addAll(o.skipped());
      warnings.addAll(o.warnings());
      tally.add(o);
    }
    commit();
    return new IndexReport(tally.added + tally.updated, tally.sections, tally.added, tally.updated, 0, deleted, tally.bytes,
        skipped, warnings, false, Duration.ofNanos(System.nanoTime() - started));
  }

  /** Starts loading Nori's dictionaries in the background, once per run. */
  private static void preload(java.util.concurrent.atomic.AtomicBoolean loading) {
    if (loading.compareAndSet(false, true)) {
      io.notesearch.core.analysis.NoteAnalyzers.preload();
    }
  }

  /** The ignore files as these options read them ({@link IndexOptions#ignoreFiles()}). */
  private IgnoreFiles ignores() {
    return options.ignoreFiles() ? IgnoreFiles.read() : IgnoreFiles.NONE;
  }

  /** Whether a path, or a folder it lies in below its indexed folder, is ignored. */
  private static boolean isIgnored(Path path, List<Path> folders, IgnoreFiles ignores) {
    Path root = folders.stream().filter(path::startsWith).findFirst().orElse(null);
    if (root == null || path.equals(root)) {
      return false;
    }
    if (ignores.ignored(path, Files.isDirectory(path))) {
      return true;
    }
    for (Path p = path.getParent(); p != null && !p.equals(root) && p.startsWith(root); p = p.getParent()) {
      if (ignores.ignored(p, true)) {
        return true;
      }
    }
    return false;
  }

  private void commit() throws IOException {
    commit(List.of());
  }

  /** Commits, adding {@code folders} to the indexed folders the last commit recorded. */
  private void commit(List<Path> folders) throws IOException {
    java.util.TreeSet<String> all = new java.util.TreeSet<>(writing.lastCommit().folderList());
    folders.forEach(f -> all.add(f.toString()));
    writing.commit(new IndexFolder.Commit(IndexSchema.VERSION, analysis, NoteParser.VERSION, documents.commitData(),
        all.isEmpty() ? null : String.join("\n", all)));
  }

  /** What indexing one file did. */
  private record Outcome(Kind kind, String path, int sections, long bytes, List<Problem> skipped, List<Problem> warnings) {
    enum Kind {
      SKIPPED,
      UNCHANGED,
      ADDED,
      UPDATED
    }
  }

  /** The counts of a run's outcomes. */
  private static final class Tally {
    int notes;
    int sections;
    int added;
    int updated;
    int unchanged;
    long bytes;

    void add(Outcome o) {
      if (o.kind() == Outcome.Kind.SKIPPED) {
        return;
      }
      notes++;
      sections += o.sections();
      bytes += o.bytes();
      switch (o.kind()) {
        case UNCHANGED -> unchanged++;
        case ADDED -> added++;
        case UPDATED -> updated++;
        case SKIPPED -> { }
      }
    }
  }

  /** Reads, parses and writes one note; never throws for a problem of the file itself. */
  private Outcome indexOne(Path file, String knownHash) throws IOException {
    String path = file.toString();
    NoteReader.Parsed parsed;
    try {
      parsed = reader.read(file, knownHash);
    } catch (NoteReader.Skip e) {
      return new Outcome(Outcome.Kind.SKIPPED, path, 0, 0, List.of(new Problem(path, e.getMessage())), List.of());
    }
    if (parsed.note() == null) {
      return new Outcome(Outcome.Kind.UNCHANGED, path, 0, 0, List.of(), List.of());
    }
    List<Document> docs;
    try {
      docs = documents.of(path, parsed.hash(), parsed.note());
    } catch (RuntimeException | StackOverflowError e) {
      // A bug of analysis on some text costs this note, never the run (its old sections stay).
      return new Outcome(Outcome.Kind.SKIPPED, path, 0, 0,
          List.of(new Problem(path, "cannot analyse (" + e + "); skipped")), List.of());
    }
    try {
      writing.writer().updateDocuments(new Term(IndexSchema.PATH, path), docs);
    } catch (IllegalArgumentException e) {
      // Lucene refuses a document (e.g. a term over 32 KB): this note only, never the run.
      writing.writer().deleteDocuments(new Term(IndexSchema.PATH, path));
      return new Outcome(Outcome.Kind.SKIPPED, path, 0, 0,
          List.of(new Problem(path, "cannot index (" + e.getMessage() + "); skipped")), List.of());
    }
    List<Problem> warnings = new ArrayList<>();
    if (parsed.legacyEncoding() != null) {
      warnings.add(new Problem(path, "not UTF-8; read as " + parsed.legacyEncoding()));
    }
    if (parsed.replaced() > 0) {
      warnings.add(new Problem(path, parsed.replaced() + (parsed.replaced() == 1 ? " byte that is" : " bytes that are")
          + " not UTF-8 replaced by �"));
    }
    for (String w : parsed.note().warnings()) {
      warnings.add(new Problem(path, w));
    }
    Outcome.Kind kind = knownHash == null ? Outcome.Kind.ADDED : Outcome.Kind.UPDATED;
    return new Outcome(kind, path, docs.size(), parsed.bytes(), List.of(), warnings);
  }

  /** The indexing threads of one run: the caller's executor, or a pool of {@link IndexOptions#threads()} made for the run. */
  private record Pool(ExecutorService executor, boolean owned) implements AutoCloseable {
    @Override
    public void close() {
      if (owned) {
        executor.shutdownNow();
      }
    }
  }

  private Pool pool() {
    if (options.executor() != null) {
      return new Pool(options.executor(), false);
    }
    return new Pool(Executors.newFixedThreadPool(options.threads(), named("notesearch-indexer")), true);
  }

  /** The result of a task on the indexing threads, its failure rethrown as it was. */
  static <T> T await(Future<T> future) throws IOException {
    try {
      return future.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("indexing interrupted");
    } catch (ExecutionException e) {
      if (e.getCause() instanceof IOException io) {
        throw io;
      }
      if (e.getCause() instanceof RuntimeException re) {
        throw re;
      }
      throw new IOException(e.getCause());
    }
  }

  private static ThreadFactory named(String prefix) {
    AtomicInteger n = new AtomicInteger();
    return r -> {
      Thread t = new Thread(r, prefix + "-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }

  @Override
  public void close() throws IOException {
    writing.close();
  }
}
