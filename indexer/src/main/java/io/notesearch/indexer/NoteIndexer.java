package io.notesearch.indexer;

import io.notesearch.indexer.markdown.NoteSections;
import io.notesearch.indexer.markdown.TextDecoder;

import io.notesearch.indexer.markdown.Note;
import io.notesearch.indexer.markdown.NoteParseException;
import io.notesearch.indexer.markdown.NoteParser;
import io.notesearch.core.NoteIndexException;
import io.notesearch.core.UserFiles;
import io.notesearch.core.analysis.Glossary;
import io.notesearch.core.analysis.NoteAnalyzers;
import io.notesearch.core.schema.IndexSchema;
import io.notesearch.core.schema.IndexFolder;
import io.notesearch.core.schema.MinedGlossary;
import io.notesearch.core.schema.NoteFields;
import io.notesearch.core.schema.NoteSimilarity;
import io.notesearch.core.schema.SectionRecord;
import io.notesearch.core.schema.TermImpacts;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.BinaryDocValues;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.index.Term;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.LockObtainFailedException;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.util.Bits;

/**
 * Writes a notes folder into a notesearch index: the front door of this module.
 *
 * <p>Holds the index's write lock while open, so one indexer per index at a time. Every run ends in
 * one Lucene commit: a crash before it leaves the previous commit intact and searchable.
 *
 * <pre>{@code
 * try (NoteIndexer indexer = NoteIndexer.open(Path.of("index"))) {
 *   IndexReport report = indexer.index(List.of(Path.of("notes")), IndexMode.DEFAULT);
 *   System.out.println(report.notes() + " notes, " + report.skipped().size() + " skipped");
 * }
 * }</pre>
 */
public final class NoteIndexer implements AutoCloseable {

  /** Fingerprint of the index-side analysis; an index built with another one is rebuilt. */
  private final String analysis;

  /** Notes read to estimate the average lengths, spread over the folder. */
  static final int SAMPLE_NOTES = 64;

  /**
   * A folder this many times larger than when the average lengths were estimated has them estimated
   * again, and is rebuilt if they moved by more than {@link #AVERAGES_DRIFT}: a notes folder that
   * began with a few notes gets the averages of what it became, and the rebuilds cost at most a
   * third of the indexing (each one a quarter of the previous size).
   */
  static final int AVERAGES_GROWTH = 4;

  /** How far the estimated averages may move before the folder is rebuilt with the new ones. */
  static final double AVERAGES_DRIFT = 0.2;

  /** Largest note read; a bigger file is skipped (parsing needs a few times its size in memory). */
  static final long MAX_NOTE_BYTES = 64L << 20;

  /** Reads a file's bytes; a seam so tests can make reading fail, which permissions cannot do for root. */
  @FunctionalInterface
  interface FileBytes {
    /** The file's content. */
    byte[] read(Path file) throws IOException;
  }

  private final Path indexPath;
  private final Directory directory;
  private final IndexWriter writer;
  private final NoteParser parser = new NoteParser();
  private final FileBytes files;

  /** The average lengths the notes are written with, and the folder's size when estimated. */
  private TermImpacts.Averages averages;

  private int averagedNotes;

  /** Threads that parse and analyse notes: one per core. */
  private final int threads = Math.max(1, Runtime.getRuntime().availableProcessors());

  private NoteIndexer(Path indexPath, Directory directory, IndexWriter writer, String analysis, FileBytes files) {
    this.analysis = analysis;
    this.files = files;
    this.indexPath = indexPath;
    this.directory = directory;
    this.writer = writer;
    readAverages(commitData());
  }

  /**
   * Opens (creating if needed) the index at a folder for writing.
   *
   * @param index the index folder
   * @return an indexer holding the write lock; close it when done
   * @throws NoteIndexException when the folder cannot be used or another process is writing it
   */
  public static NoteIndexer open(Path index) throws NoteIndexException {
    return open(index, NoteAnalyzers.standard());
  }

  /**
   * Opens (creating if needed) the index at a folder for writing, with the user's dictionary.
   *
   * @param index the index folder
   * @param files the user's analysis files; only the dictionary matters for indexing
   * @return an indexer holding the write lock; close it when done
   * @throws NoteIndexException when the folder cannot be used or another process is writing it
   * @throws IllegalArgumentException naming the file when the user dictionary is malformed
   */
  public static NoteIndexer open(Path index, UserFiles files) throws NoteIndexException {
    return open(index, files, IndexMode.DEFAULT);
  }

  /**
   * Opens the index at a folder for writing; with {@link IndexMode#FULL}, whatever is there (even a
   * damaged index) is replaced at the first commit, and kept searchable until then.
   *
   * @param index the index folder
   * @param files the user's analysis files; only the dictionary matters for indexing
   * @param mode {@link IndexMode#FULL} to start from an empty index
   * @return an indexer holding the write lock; close it when done
   * @throws NoteIndexException when the folder cannot be used or another process is writing it
   */
  public static NoteIndexer open(Path index, UserFiles files, IndexMode mode) throws NoteIndexException {
    NoteAnalyzers analyzers;
    try {
      analyzers = NoteAnalyzers.with(Glossary.empty(), files.dictionary());
    } catch (IOException e) {
      throw new NoteIndexException(NoteIndexException.Reason.USER_FILE, "cannot read the user dictionary [" + files.dictionary() + "] (" + e.getMessage() + ")", e);
    }
    return open(index, analyzers, Files::readAllBytes, mode);
  }

  /**
   * Opens (creating if needed) the index at a folder for writing, with the given analysis.
   *
   * <p>For tools on the class path that compare analysis set-ups: on the module path {@code
   * NoteAnalyzers} is not exported, and callers use {@link #open(Path, UserFiles)}.
   *
   * @param index the index folder
   * @param analyzers the analysis chains; searchers must use the same
   * @return an indexer holding the write lock; close it when done
   * @throws NoteIndexException when the folder cannot be used or another process is writing it
   */
  @SuppressWarnings("exports") // NoteAnalyzers is exported to this module only; see above
  public static NoteIndexer open(Path index, NoteAnalyzers analyzers) throws NoteIndexException {
    return open(index, analyzers, Files::readAllBytes);
  }

  /** Opens an index whose notes are read through {@code files} (tests). */
  static NoteIndexer open(Path index, NoteAnalyzers analyzers, FileBytes files) throws NoteIndexException {
    return open(index, analyzers, files, IndexMode.DEFAULT);
  }

  static NoteIndexer open(Path index, NoteAnalyzers analyzers, FileBytes files, IndexMode mode) throws NoteIndexException {
    Objects.requireNonNull(index, "index");
    Directory dir = null;
    try {
      Files.createDirectories(index);
      dir = FSDirectory.open(index);
      IndexWriter writer;
      try {
        writer = new IndexWriter(dir, config(analyzers, mode));
      } catch (LockObtainFailedException e) {
        throw e;
      } catch (IOException e) {
        if (mode != IndexMode.FULL) {
          throw e;
        }
        // Asked to rebuild, and what is there cannot even be read: clear the folder's index files.
        for (String file : dir.listAll()) {
          if (!file.equals(IndexWriter.WRITE_LOCK_NAME)) {
            dir.deleteFile(file);
          }
        }
        writer = new IndexWriter(dir, config(analyzers, mode));
      }
      // Holding the write lock now: say who holds it, for the next writer's message.
      Files.writeString(index.resolve(IndexFolder.WRITER_PID), Long.toString(ProcessHandle.current().pid()), StandardCharsets.UTF_8);
      return new NoteIndexer(index, dir, writer, analyzers.fingerprint(), files);
    } catch (LockObtainFailedException e) {
      close(dir);
      throw new NoteIndexException(NoteIndexException.Reason.LOCKED,
          "index at [" + index + "] is being written by another process" + writerPid(index) + "; wait for it to finish", e);
    } catch (IOException | RuntimeException e) {
      close(dir);
      throw new NoteIndexException(readOnly(e) ? NoteIndexException.Reason.READ_ONLY : NoteIndexException.Reason.DAMAGED,
          "cannot open the index at [" + index + "] for writing (" + String.valueOf(e.getMessage()).lines().findFirst().orElse("")
              + ")", e);
    }
  }

  private static IndexWriterConfig config(NoteAnalyzers analyzers, IndexMode mode) {
    IndexWriterConfig config = new IndexWriterConfig(analyzers.index());
    config.setSimilarity(NoteSimilarity.INSTANCE);
    config.setOpenMode(mode == IndexMode.FULL ? IndexWriterConfig.OpenMode.CREATE : IndexWriterConfig.OpenMode.CREATE_OR_APPEND);
    config.setRAMBufferSizeMB(64);
    config.setCommitOnClose(false);
    return config;
  }

  /** {@return the index folder} */
  public Path indexPath() {
    return indexPath;
  }

  /**
   * Brings the index up to date with the notes under the given folders, and commits.
   *
   * @param roots folders to index (each must exist)
   * @param mode incremental (default) or a full rebuild
   * @return what the run did
   * @throws IllegalArgumentException when a root is not a folder
   * @throws IOException when the index cannot be written
   */
  public IndexReport index(List<Path> roots, IndexMode mode) throws IOException {
    return index(roots, mode, Progress.NONE);
  }

  /**
   * Brings the index up to date, telling a listener how far it got.
   *
   * @param roots folders to index (each must exist)
   * @param mode incremental (default) or a full rebuild
   * @param progress told after each note, from the indexing threads
   * @return what the run did
   * @throws IllegalArgumentException when a root is not a folder
   * @throws IOException when the index cannot be written
   */
  public IndexReport index(List<Path> roots, IndexMode mode, Progress progress) throws IOException {
    return writing(() -> indexAll(roots, mode, progress));
  }

  /** A run that writes the index, with its write failures turned into one-line errors. */
  private IndexReport writing(Run run) throws IOException {
    try {
      return run.run();
    } catch (NoteIndexException | java.io.InterruptedIOException e) {
      throw e;
    } catch (IOException e) {
      throw writeFailure(e);
    } catch (org.apache.lucene.store.AlreadyClosedException e) {
      // One indexing thread hit a disk error and Lucene closed the writer; another thread noticed first.
      Throwable tragedy = writer.getTragicException();
      throw writeFailure(new IOException(String.valueOf(tragedy != null ? tragedy.getMessage() : e.getMessage()),
          tragedy != null ? tragedy : e));
    }
  }

  private interface Run {
    IndexReport run() throws IOException;
  }

  /**
   * A failure to write the index, as one line that names it and what to do. Lucene only deletes
   * the files of the last commit once a new commit is complete, so searches keep seeing it.
   */
  private NoteIndexException writeFailure(IOException e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      String m = String.valueOf(t.getMessage());
      if (m.contains("No space left on device") || m.contains("not enough space on the disk")) {
        return new NoteIndexException(NoteIndexException.Reason.DISK_FULL, "no space left on the disk holding the index ["
            + indexPath + "] (searches still see the last complete index)", e);
      }
    }
    return new NoteIndexException(readOnly(e) ? NoteIndexException.Reason.READ_ONLY : NoteIndexException.Reason.DAMAGED,
        "cannot write the index at [" + indexPath + "] (" + String.valueOf(e.getMessage()).lines().findFirst().orElse("")
            + "; searches still see the last complete index)", e);
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
    IndexFolder.Commit data = commitData();
    boolean stale = !data.currentSchema() || !analysis.equals(data.analysis()) || !NoteParser.VERSION.equals(data.parser());
    boolean rebuild = mode == IndexMode.FULL || (writer.getDocStats().numDocs > 0 && stale);
    NoteFiles.Found found = NoteFiles.walk(folders);
    int size = found.notes().size();
    List<Problem> skipped = new ArrayList<>(found.problems());
    List<Problem> warnings = new ArrayList<>();
    Set<String> present = new HashSet<>();
    Map<String, String> known;
    int notes = 0;
    int sections = 0;
    int added = 0;
    int updated = 0;
    int unchanged = 0;
    long bytes = 0;
    // Parsing and analysis run on every core: IndexWriter takes documents from many threads and
    // analyses them on the calling thread. Outcomes are summed up in file order.
    ExecutorService pool = Executors.newFixedThreadPool(threads, named("notesearch-indexer"));
    try {
      if (rebuild || writer.getDocStats().numDocs == 0) {
        averages = estimateAverages(found.notes(), pool);
        averagedNotes = size;
      } else if (size >= AVERAGES_GROWTH * Math.max(1, averagedNotes)) {
        TermImpacts.Averages fresh = estimateAverages(found.notes(), pool);
        if (fresh.differsFrom(averages, AVERAGES_DRIFT)) {
          rebuild = true;
          averages = fresh;
        }
        averagedNotes = size;
      }
      known = rebuild ? Map.of() : knownHashes();
      if (rebuild) {
        writer.deleteAll();
      }
      List<Future<Outcome>> outcomes = new ArrayList<>(found.notes().size());
      AtomicInteger done = new AtomicInteger();
      AtomicLong doneBytes = new AtomicLong();
      int total = found.notes().size();
      for (Path file : found.notes()) {
        outcomes.add(pool.submit(() -> {
          Outcome o = indexOne(file, known.get(file.toString()));
          progress.progress(done.incrementAndGet(), total, doneBytes.addAndGet(o.bytes()));
          return o;
        }));
      }
      for (Future<Outcome> future : outcomes) {
        Outcome o = await(future);
        skipped.addAll(o.skipped());
        warnings.addAll(o.warnings());
        if (o.kind() == Outcome.Kind.SKIPPED) {
          continue;
        }
        present.add(o.path());
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
    } finally {
      pool.shutdownNow();
    }
    int deleted = 0;
    for (String path : known.keySet()) {
      if (!present.contains(path) && isUnder(path, folders)) {
        writer.deleteDocuments(new Term(IndexSchema.PATH, path));
        deleted++;
      }
    }
    commit();
    return new IndexReport(
        notes, sections, added, updated, unchanged, deleted, bytes, skipped, warnings, rebuild,
        Duration.ofNanos(System.nanoTime() - started));
  }

  /** A note read and parsed ({@code note} null when its content is unchanged since the last run). */
  private record Parsed(Note note, String hash, long bytes, String legacyEncoding) {}

  /** Why a file is not indexed; the message is the report's reason. */
  private static final class Skip extends Exception {
    private static final long serialVersionUID = 1L;

    Skip(String reason) {
      super(reason, null, false, false);
    }
  }

  /**
   * Reads, decodes and parses one note. Its bytes and text are dropped on return, so a large note is
   * held once, as sections, while it is written.
   */
  private Parsed read(Path file, String knownHash) throws Skip {
    byte[] content;
    String stamp;
    try {
      BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
      long size = attributes.size();
      // Same size and modification time as when indexed: unchanged, without reading the file.
      // Base 36: the key is kept once per note in the index, so every byte is one per note.
      stamp = "@" + Long.toString(size, 36) + ":" + Long.toString(attributes.lastModifiedTime().to(TimeUnit.NANOSECONDS), 36);
      if (knownHash != null && knownHash.endsWith(stamp)) {
        return new Parsed(null, knownHash, 0, null);
      }
      if (size > MAX_NOTE_BYTES) {
        throw new Skip("too large (" + size / (1 << 20) + " MB; notes over " + MAX_NOTE_BYTES / (1 << 20) + " MB are skipped)");
      }
      content = files.read(file);
    } catch (IOException e) {
      throw new Skip("cannot read (" + e.getClass().getSimpleName() + ")");
    }
    if (content.length == 0 || isBlank(content)) {
      throw new Skip("empty file; skipped");
    }
    String contentHash = hash(content);
    // Same content with a new stamp (touched, checked out, copied): written again below so that the
    // stored stamp matches and later runs skip the file without reading it.
    String hash = contentHash + stamp;
    TextDecoder.Decoded decoded;
    try {
      decoded = TextDecoder.decode(content);
    } catch (TextDecoder.NotTextException e) {
      throw new Skip(e.getMessage());
    }
    try {
      return new Parsed(parser.parse(decoded.text(), file), hash, content.length, decoded.legacyEncoding());
    } catch (NoteParseException e) {
      throw new Skip(e.getMessage() + "; skipped");
    } catch (RuntimeException e) {
      throw new Skip("cannot parse (" + e + "); skipped");
    }
  }

  /**
   * Brings the index up to date with some changed paths only (files or folders; created, changed
   * or deleted), and commits: what a folder watcher calls, so a change costs its own size.
   *
   * @param roots the indexed folders (a path outside them is ignored)
   * @param changed paths that changed
   * @return what the run did
   * @throws IOException when the index cannot be written
   */
  public IndexReport update(List<Path> roots, java.util.Collection<Path> changed) throws IOException {
    return writing(() -> updateChanged(roots, changed));
  }

  private IndexReport updateChanged(List<Path> roots, java.util.Collection<Path> changed) throws IOException {
    long started = System.nanoTime();
    List<Path> folders = roots.stream().map(r -> r.toAbsolutePath().normalize()).toList();
    List<Problem> skipped = new ArrayList<>();
    List<Problem> warnings = new ArrayList<>();
    int sections = 0;
    int added = 0;
    int updated = 0;
    int deleted = 0;
    long bytes = 0;
    Set<Path> files = new java.util.LinkedHashSet<>();
    for (Path p : changed) {
      Path path = p.toAbsolutePath().normalize();
      if (!isUnder(path.toString(), folders) || isSkippedFolder(path, folders)) {
        continue;
      }
      if (Files.isDirectory(path)) {
        NoteFiles.Found found = NoteFiles.walk(List.of(path));
        files.addAll(found.notes());
        skipped.addAll(found.problems());
      } else if (Files.exists(path)) {
        if (NoteFiles.isNote(path)) {
          files.add(path);
        }
      } else {
        // Gone: the note itself, or every note of a folder that went away.
        writer.deleteDocuments(new Term(IndexSchema.PATH, path.toString()));
        writer.deleteDocuments(new org.apache.lucene.search.PrefixQuery(new Term(IndexSchema.PATH, path + "/")));
        deleted++;
      }
    }
    Map<String, String> known = knownHashes(files);
    for (Path file : files) {
      Outcome o = indexOne(file, known.get(file.toString()));
      skipped.addAll(o.skipped());
      warnings.addAll(o.warnings());
      sections += o.sections();
      bytes += o.bytes();
      switch (o.kind()) {
        case ADDED -> added++;
        case UPDATED -> updated++;
        default -> { }
      }
    }
    commit();
    return new IndexReport(added + updated, sections, added, updated, 0, deleted, bytes, skipped, warnings, false,
        Duration.ofNanos(System.nanoTime() - started));
  }

  private void commit() throws IOException {
    writer.setLiveCommitData(new IndexFolder.Commit(IndexSchema.VERSION, analysis, NoteParser.VERSION,
        averages.section() + "," + averages.note() + "," + averagedNotes).toMap().entrySet());
    writer.commit();
    try (DirectoryReader reader = DirectoryReader.open(writer)) {
      MinedGlossary.write(indexPath, reader);
    }
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

  /** Reads, parses and writes one note; never throws for a problem of the file itself. */
  private Outcome indexOne(Path file, String knownHash) throws IOException {
    String path = file.toString();
    Parsed parsed;
    try {
      parsed = read(file, knownHash);
    } catch (Skip e) {
      return new Outcome(Outcome.Kind.SKIPPED, path, 0, 0, List.of(new Problem(path, e.getMessage())), List.of());
    }
    if (parsed.note() == null) {
      return new Outcome(Outcome.Kind.UNCHANGED, path, 0, 0, List.of(), List.of());
    }
    List<Document> docs;
    try {
      docs = documents(path, parsed.hash(), parsed.note());
    } catch (RuntimeException | StackOverflowError e) {
      // A bug of analysis on some text costs this note, never the run (its old sections stay).
      return new Outcome(Outcome.Kind.SKIPPED, path, 0, 0,
          List.of(new Problem(path, "cannot analyse (" + e + "); skipped")), List.of());
    }
    try {
      writer.updateDocuments(new Term(IndexSchema.PATH, path), docs);
    } catch (IllegalArgumentException e) {
      // Lucene refuses a document (e.g. a term over 32 KB): this note only, never the run.
      writer.deleteDocuments(new Term(IndexSchema.PATH, path));
      return new Outcome(Outcome.Kind.SKIPPED, path, 0, 0,
          List.of(new Problem(path, "cannot index (" + e.getMessage() + "); skipped")), List.of());
    }
    List<Problem> warnings = new ArrayList<>();
    if (parsed.legacyEncoding() != null) {
      warnings.add(new Problem(path, "not UTF-8; read as " + parsed.legacyEncoding()));
    }
    for (String w : parsed.note().warnings()) {
      warnings.add(new Problem(path, w));
    }
    Outcome.Kind kind = knownHash == null ? Outcome.Kind.ADDED : Outcome.Kind.UPDATED;
    return new Outcome(kind, path, docs.size(), parsed.bytes(), List.of(), warnings);
  }

  private static <T> T await(Future<T> future) throws IOException {
    try {
      return future.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new java.io.InterruptedIOException("indexing interrupted");
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

  private static java.util.concurrent.ThreadFactory named(String prefix) {
    AtomicInteger n = new AtomicInteger();
    return r -> {
      Thread t = new Thread(r, prefix + "-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }

  private IndexFolder.Commit commitData() {
    Map<String, String> data = new HashMap<>();
    if (writer.getLiveCommitData() == null) {
      return IndexFolder.Commit.NONE;
    }
    for (Map.Entry<String, String> e : writer.getLiveCommitData()) {
      data.put(e.getKey(), e.getValue());
    }
    return IndexFolder.Commit.of(data);
  }

  /** The stored average lengths, or the defaults (as estimated from no notes) when there are none. */
  private void readAverages(IndexFolder.Commit data) {
    averages = TermImpacts.Averages.DEFAULT;
    averagedNotes = 0;
    String stored = data.averages();
    if (stored == null) {
      return;
    }
    try {
      String[] parts = stored.split(",");
      averages = new TermImpacts.Averages(Double.parseDouble(parts[0]), Double.parseDouble(parts[1]));
      averagedNotes = Integer.parseInt(parts[2]);
    } catch (RuntimeException e) {
      // Unreadable: estimated again at the next full walk (the growth rule holds from 0 notes).
    }
  }

  /**
   * Average section and note lengths of up to {@link #SAMPLE_NOTES} notes spread over the folder
   * (every note of a small one), analysed as they would be indexed; the defaults when none can be read.
   * The notes are read and analysed on the indexing threads: on one thread the other cores idled
   * through a sample that is 6% of a 1k-note folder's analysis, and all of a small folder's. The
   * lengths are whole numbers, so the sums are the same in any order.
   */
  private TermImpacts.Averages estimateAverages(List<Path> notes, ExecutorService pool) throws IOException {
    int picks = Math.min(SAMPLE_NOTES, notes.size());
    List<Future<TermImpacts.Sample>> parts = new ArrayList<>(picks);
    for (int i = 0; i < picks; i++) {
      Path file = notes.get((int) ((long) i * notes.size() / picks));
      parts.add(pool.submit(() -> {
        TermImpacts.Sample part = new TermImpacts.Sample();
        try {
          Parsed parsed = read(file, null);
          forEachSection(file.toString(), parsed.hash(), parsed.note(), (record, shared) -> IndexSchema.sample(record, shared, part));
        } catch (Skip | RuntimeException | StackOverflowError e) {
          // reported when it is indexed (a note that cannot be analysed only leaves the sample smaller)
        }
        return part;
      }));
    }
    TermImpacts.Sample sample = new TermImpacts.Sample();
    for (Future<TermImpacts.Sample> part : parts) {
      sample.add(await(part));
    }
    return sample.averages();
  }

  private List<Document> documents(String path, String hash, Note note) {
    List<Document> docs = new ArrayList<>();
    forEachSection(path, hash, note, (record, shared) -> docs.add(IndexSchema.toDocument(record, shared, docs.isEmpty(), averages)));
    return docs;
  }

  /** Each section of a note with the note's fields, analysed once for all of them. */
  private void forEachSection(String path, String hash, Note note, java.util.function.BiConsumer<SectionRecord, NoteFields> action) {
    NoteFields shared = null;
    for (SectionRecord record : NoteSections.records(path, hash, note)) {
      if (shared == null) {
        shared = NoteFields.of(record, writer.getAnalyzer());
      }
      action.accept(record, shared);
    }
  }

  /** Path → content hash of the given notes, looked up one by one (a watcher's few changed files). */
  private Map<String, String> knownHashes(java.util.Collection<Path> files) throws IOException {
    Map<String, String> out = new HashMap<>();
    try (DirectoryReader reader = DirectoryReader.open(writer)) {
      org.apache.lucene.search.IndexSearcher searcher = new org.apache.lucene.search.IndexSearcher(reader);
      for (Path file : files) {
        org.apache.lucene.search.TopDocs top =
            searcher.search(new org.apache.lucene.search.BooleanQuery.Builder()
                .add(new org.apache.lucene.search.TermQuery(new Term(IndexSchema.PATH, file.toString())),
                    org.apache.lucene.search.BooleanClause.Occur.FILTER)
                // Only a note's first section carries its hash.
                .add(new org.apache.lucene.search.FieldExistsQuery(IndexSchema.NOTE_HASH), org.apache.lucene.search.BooleanClause.Occur.FILTER)
                .build(), 1);
        if (top.scoreDocs.length > 0) {
          int doc = top.scoreDocs[0].doc;
          LeafReaderContext leaf = reader.leaves().get(ReaderUtil.subIndex(doc, reader.leaves()));
          BinaryDocValues hashes = leaf.reader().getBinaryDocValues(IndexSchema.NOTE_HASH);
          if (hashes != null && hashes.advanceExact(doc - leaf.docBase)) {
            out.put(file.toString(), hashes.binaryValue().utf8ToString());
          }
        }
      }
    }
    return out;
  }

  /**
   * Path → content hash and file stamp of every note in the last commit, from doc values in one
   * pass per segment: no stored field (and no section text) is decompressed.
   */
  private Map<String, String> knownHashes() throws IOException {
    try (DirectoryReader reader = DirectoryReader.open(writer)) {
      return hashes(reader);
    }
  }

  /**
   * Path → content hash and file stamp of every note in an index's last commit (the keys incremental
   * indexing compares).
   *
   * @param index the index folder
   * @return the note paths and their hashes
   * @throws IOException when the index cannot be read
   */
  public static Map<String, String> noteHashes(Path index) throws IOException {
    try (Directory dir = FSDirectory.open(index); DirectoryReader reader = DirectoryReader.open(dir)) {
      return hashes(reader);
    }
  }

  /** Read from doc values in one pass per segment: no stored field (and no section text) is decompressed. */
  private static Map<String, String> hashes(DirectoryReader reader) throws IOException {
    Map<String, String> out = new HashMap<>();
    for (LeafReaderContext leaf : reader.leaves()) {
      SortedDocValues paths = leaf.reader().getSortedDocValues(IndexSchema.PATH);
      BinaryDocValues hashes = leaf.reader().getBinaryDocValues(IndexSchema.NOTE_HASH);
      if (paths == null || hashes == null) {
        continue;
      }
      Bits live = leaf.reader().getLiveDocs();
      // Only a note's first section has the hash; a replaced note's old first section is deleted.
      for (int doc = hashes.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = hashes.nextDoc()) {
        if ((live == null || live.get(doc)) && paths.advanceExact(doc)) {
          out.putIfAbsent(paths.lookupOrd(paths.ordValue()).utf8ToString(), hashes.binaryValue().utf8ToString());
        }
      }
    }
    return out;
  }

  /** Whether a path lies in a hidden folder or node_modules below its root (never indexed). */
  private static boolean isSkippedFolder(Path path, List<Path> folders) {
    for (Path root : folders) {
      if (path.startsWith(root)) {
        Path relative = root.relativize(path);
        for (int i = 0; i < relative.getNameCount() - (Files.isDirectory(path) ? 0 : 1); i++) {
          String name = relative.getName(i).toString();
          if (name.startsWith(".") || name.equals("node_modules")) {
            return true;
          }
        }
      }
    }
    return false;
  }

  private static boolean isUnder(String path, List<Path> folders) {
    Path p = Path.of(path);
    for (Path f : folders) {
      if (p.startsWith(f)) {
        return true;
      }
    }
    return false;
  }

  private static boolean isBlank(byte[] content) {
    for (byte b : content) {
      if (b != ' ' && b != '\n' && b != '\r' && b != '\t') {
        return false;
      }
    }
    return true;
  }

  /** The first 128 bits of SHA-256, in hex: enough to tell edits apart, half the bytes in the index. */
  static String hash(byte[] content) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content), 0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }

  @Override
  public void close() throws IOException {
    try {
      writer.rollback();
    } finally {
      Files.deleteIfExists(indexPath.resolve(IndexFolder.WRITER_PID));
      directory.close();
    }
  }

  /** " (pid N)" when the writer that holds the lock wrote its pid and is alive, else "". */
  private static String writerPid(Path index) {
    try {
      long pid = Long.parseLong(Files.readString(index.resolve(IndexFolder.WRITER_PID), StandardCharsets.UTF_8).strip());
      return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false) ? " (pid " + pid + ")" : "";
    } catch (IOException | NumberFormatException e) {
      return "";
    }
  }

  /** Whether a write failed because the folder or its file system is read-only. */
  private static boolean readOnly(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof java.nio.file.AccessDeniedException || t instanceof java.nio.file.ReadOnlyFileSystemException
          || String.valueOf(t.getMessage()).contains("Read-only file system")) {
        return true;
      }
    }
    return false;
  }

  private static void close(Directory dir) {
    if (dir != null) {
      try {
        dir.close();
      } catch (IOException ignored) {
        // Already failing with a better message.
      }
    }
  }
}
