package io.notesearch.indexer.internal;

import io.notesearch.core.NoteIndexException;
import io.notesearch.core.analysis.NoteAnalyzers;
import io.notesearch.core.schema.IndexFolder;
import io.notesearch.core.schema.MinedGlossary;
import io.notesearch.core.schema.NoteSimilarity;
import io.notesearch.indexer.IndexMode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.LockObtainFailedException;

/**
 * The index writer's lifecycle: the write lock (and the file that names its holder), what each
 * commit records, the files rewritten beside the index at a commit, and write failures as one-line
 * {@link NoteIndexException}s. Lucene deletes the files of the last commit only once a new one is
 * complete, so whatever fails here, searches keep seeing the last commit. Not API.
 */
final class IndexWriting implements AutoCloseable {
  private final IndexFolder folder;
  private final Directory directory;
  private final IndexWriter writer;

  private IndexWriting(IndexFolder folder, Directory directory, IndexWriter writer) {
    this.folder = folder;
    this.directory = directory;
    this.writer = writer;
  }

  /**
   * Opens (creating if needed) the index in a folder for writing; with {@link IndexMode#FULL},
   * whatever is there (even a damaged index) is replaced at the first commit, and kept searchable
   * until then.
   */
  static IndexWriting open(IndexFolder folder, NoteAnalyzers analyzers, IndexMode mode) throws NoteIndexException {
    Path index = folder.path();
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
      Files.writeString(folder.file(IndexFolder.WRITER_PID), Long.toString(ProcessHandle.current().pid()), StandardCharsets.UTF_8);
      return new IndexWriting(folder, dir, writer);
    } catch (LockObtainFailedException e) {
      close(dir);
      throw new NoteIndexException(NoteIndexException.Reason.LOCKED,
          "index at [" + index + "] is being written by another process" + writerPid(folder) + "; wait for it to finish", e);
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

  /** {@return the writer} */
  IndexWriter writer() {
    return writer;
  }

  /** {@return the index folder} */
  IndexFolder folder() {
    return folder;
  }

  /** {@return what the last commit recorded of how it was written} */
  IndexFolder.Commit lastCommit() {
    Map<String, String> data = new HashMap<>();
    if (writer.getLiveCommitData() == null) {
      return IndexFolder.Commit.NONE;
    }
    for (Map.Entry<String, String> e : writer.getLiveCommitData()) {
      data.put(e.getKey(), e.getValue());
    }
    return IndexFolder.Commit.of(data);
  }

  /** Commits, recording how the index was written, then rewrites the mined pairs beside it. */
  void commit(IndexFolder.Commit data) throws IOException {
    writer.setLiveCommitData(data.toMap().entrySet());
    writer.commit();
    try (DirectoryReader reader = DirectoryReader.open(writer)) {
      MinedGlossary.write(folder.path(), reader);
    }
  }

  /**
   * A failure to write the index, as one line that names it and why. Lucene only deletes the files
   * of the last commit once a new commit is complete, so searches keep seeing it.
   */
  NoteIndexException failure(IOException e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      String m = String.valueOf(t.getMessage());
      if (m.contains("No space left on device") || m.contains("not enough space on the disk")) {
        return new NoteIndexException(NoteIndexException.Reason.DISK_FULL, "no space left on the disk holding the index ["
            + folder.path() + "] (searches still see the last complete index)", e);
      }
    }
    return new NoteIndexException(readOnly(e) ? NoteIndexException.Reason.READ_ONLY : NoteIndexException.Reason.DAMAGED,
        "cannot write the index at [" + folder.path() + "] (" + String.valueOf(e.getMessage()).lines().findFirst().orElse("")
            + "; searches still see the last complete index)", e);
  }

  /** Drops what was not committed, releases the lock and removes the file that named its holder. */
  @Override
  public void close() throws IOException {
    try {
      writer.rollback();
    } finally {
      Files.deleteIfExists(folder.file(IndexFolder.WRITER_PID));
      directory.close();
    }
  }

  /** " (pid N)" when the writer that holds the lock wrote its pid and is alive, else "". */
  private static String writerPid(IndexFolder folder) {
    java.util.OptionalLong pid = folder.writer();
    return pid.isPresent() ? " (pid " + pid.getAsLong() + ")" : "";
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
