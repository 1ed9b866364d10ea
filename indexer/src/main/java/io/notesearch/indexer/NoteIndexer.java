package io.notesearch.indexer;

import io.notesearch.indexer.markdown.Note;
import io.notesearch.indexer.markdown.NoteParser;
import io.notesearch.indexer.markdown.Section;
import io.notesearch.searcher.NoteIndexException;
import io.notesearch.searcher.UserFiles;
import io.notesearch.searcher.analysis.Glossary;
import io.notesearch.searcher.analysis.NoteAnalyzers;
import io.notesearch.searcher.schema.IndexSchema;
import io.notesearch.searcher.schema.MinedGlossary;
import io.notesearch.searcher.schema.SectionRecord;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.LockObtainFailedException;
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
  private static final Set<String> KEY_FIELDS = Set.of(IndexSchema.PATH, IndexSchema.NOTE_HASH);

  /** Fingerprint of the index-side analysis; an index built with another one is rebuilt. */
  private final String analysis;

  private final Path indexPath;
  private final Directory directory;
  private final IndexWriter writer;
  private final NoteParser parser = new NoteParser();

  private NoteIndexer(Path indexPath, Directory directory, IndexWriter writer, String analysis) {
    this.analysis = analysis;
    this.indexPath = indexPath;
    this.directory = directory;
    this.writer = writer;
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
    try {
      return open(index, NoteAnalyzers.with(Glossary.empty(), files.dictionary()));
    } catch (IOException e) {
      throw new NoteIndexException("cannot read the user dictionary [" + files.dictionary() + "] (" + e.getMessage() + ")", e);
    }
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
    Objects.requireNonNull(index, "index");
    Directory dir = null;
    try {
      Files.createDirectories(index);
      dir = FSDirectory.open(index);
      IndexWriterConfig config = new IndexWriterConfig(analyzers.index());
      config.setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND);
      config.setRAMBufferSizeMB(64);
      config.setCommitOnClose(false);
      return new NoteIndexer(index, dir, new IndexWriter(dir, config), analyzers.fingerprint());
    } catch (LockObtainFailedException e) {
      close(dir);
      throw new NoteIndexException(
          "index at [" + index + "] is being written by another process; wait for it to finish", e);
    } catch (IOException | RuntimeException e) {
      close(dir);
      throw new NoteIndexException(
          "cannot open the index at [" + index + "] for writing (" + e.getMessage()
              + "); check the folder, or remove it to rebuild", e);
    }
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
    long started = System.nanoTime();
    List<Path> folders = new ArrayList<>();
    for (Path root : roots) {
      if (!Files.isDirectory(root)) {
        throw new IllegalArgumentException("not a folder [" + root + "]");
      }
      folders.add(root.toAbsolutePath().normalize());
    }
    Map<String, String> data = commitData();
    boolean stale =
        !IndexSchema.VERSION.equals(data.get(IndexSchema.VERSION_KEY))
            || !analysis.equals(data.get(IndexSchema.ANALYSIS_KEY));
    boolean rebuild = mode == IndexMode.FULL || (writer.getDocStats().numDocs > 0 && stale);
    Map<String, String> known = rebuild ? Map.of() : knownHashes();
    if (rebuild) {
      writer.deleteAll();
    }

    NoteFiles.Found found = NoteFiles.walk(folders);
    List<Problem> skipped = new ArrayList<>(found.problems());
    List<Problem> warnings = new ArrayList<>();
    Set<String> present = new HashSet<>();
    int notes = 0;
    int sections = 0;
    int added = 0;
    int updated = 0;
    int unchanged = 0;
    long bytes = 0;
    for (Path file : found.notes()) {
      String path = file.toString();
      byte[] content;
      try {
        content = Files.readAllBytes(file);
      } catch (IOException e) {
        skipped.add(new Problem(path, "cannot read (" + e.getClass().getSimpleName() + ")"));
        continue;
      }
      if (content.length == 0 || isBlank(content)) {
        skipped.add(new Problem(path, "empty file; skipped"));
        continue;
      }
      String hash = hash(content);
      String before = known.get(path);
      present.add(path);
      if (hash.equals(before)) {
        unchanged++;
        notes++;
        continue;
      }
      TextDecoder.Decoded decoded;
      try {
        decoded = TextDecoder.decode(content);
      } catch (TextDecoder.NotTextException e) {
        skipped.add(new Problem(path, e.getMessage()));
        present.remove(path);
        continue;
      }
      Note note;
      try {
        note = parser.parse(decoded.text(), file);
      } catch (RuntimeException e) {
        skipped.add(new Problem(path, "cannot parse (" + e + "); skipped"));
        present.remove(path);
        continue;
      }
      if (decoded.legacyEncoding() != null) {
        warnings.add(new Problem(path, "not UTF-8; read as " + decoded.legacyEncoding()));
      }
      for (String w : note.warnings()) {
        warnings.add(new Problem(path, w));
      }
      List<Document> docs = documents(path, hash, note);
      writer.updateDocuments(new Term(IndexSchema.PATH, path), docs);
      sections += docs.size();
      bytes += content.length;
      notes++;
      if (before == null) {
        added++;
      } else {
        updated++;
      }
    }
    int deleted = 0;
    for (String path : known.keySet()) {
      if (!present.contains(path) && isUnder(path, folders)) {
        writer.deleteDocuments(new Term(IndexSchema.PATH, path));
        deleted++;
      }
    }
    writer.setLiveCommitData(
        Map.of(IndexSchema.VERSION_KEY, IndexSchema.VERSION, IndexSchema.ANALYSIS_KEY, analysis).entrySet());
    writer.commit();
    try (DirectoryReader reader = DirectoryReader.open(writer)) {
      MinedGlossary.write(indexPath, reader);
    }
    return new IndexReport(
        notes, sections, added, updated, unchanged, deleted, bytes, skipped, warnings, rebuild,
        Duration.ofNanos(System.nanoTime() - started));
  }

  private Map<String, String> commitData() {
    Map<String, String> data = new HashMap<>();
    if (writer.getLiveCommitData() == null) {
      return data;
    }
    for (Map.Entry<String, String> e : writer.getLiveCommitData()) {
      data.put(e.getKey(), e.getValue());
    }
    return data;
  }

  private static List<Document> documents(String path, String hash, Note note) {
    List<Section> parts = note.sections();
    if (parts.isEmpty()) {
      // A note with front matter only is still found by its title and description.
      parts = List.of(new Section(List.of(), "", 1, "", ""));
    }
    List<Document> docs = new ArrayList<>(parts.size());
    for (Section s : parts) {
      SectionRecord record =
          new SectionRecord(
              path, hash, note.title(), s.headings(), s.anchor(), s.line(), s.text(), s.code(),
              note.tags(), note.category(), note.date(), note.draft(), note.description());
      docs.add(IndexSchema.toDocument(record));
    }
    return docs;
  }

  /** Path → content hash of every note in the last commit. */
  private Map<String, String> knownHashes() throws IOException {
    Map<String, String> out = new HashMap<>();
    try (DirectoryReader reader = DirectoryReader.open(writer)) {
      for (LeafReaderContext leaf : reader.leaves()) {
        StoredFields stored = leaf.reader().storedFields();
        Bits live = leaf.reader().getLiveDocs();
        for (int doc = 0; doc < leaf.reader().maxDoc(); doc++) {
          if (live == null || live.get(doc)) {
            Document d = stored.document(doc, KEY_FIELDS);
            out.putIfAbsent(d.get(IndexSchema.PATH), d.get(IndexSchema.NOTE_HASH));
          }
        }
      }
    }
    return out;
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

  static String hash(byte[] content) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }

  @Override
  public void close() throws IOException {
    try {
      writer.rollback();
    } finally {
      directory.close();
    }
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
