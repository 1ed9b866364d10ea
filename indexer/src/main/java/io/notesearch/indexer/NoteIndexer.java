package io.notesearch.indexer;

import io.notesearch.core.NoteIndexException;
import io.notesearch.core.UserFiles;
import io.notesearch.core.analysis.Glossary;
import io.notesearch.core.analysis.NoteAnalyzers;
import io.notesearch.indexer.internal.Indexer;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * Indexes folders of Markdown notes: the front door of this module.
 *
 * <p>Holds the index's write lock while open, so one indexer per index at a time. Every run ends in
 * one Lucene commit: a crash before it leaves the previous commit intact and searchable. A run
 * parses and analyses notes on every core; unchanged notes (same size and modification time, or the
 * same content) are skipped.
 *
 * <pre>{@code
 * try (NoteIndexer indexer = NoteIndexer.open(Path.of("index"))) {
 *   IndexReport report = indexer.index(List.of(Path.of("notes")), IndexMode.DEFAULT);
 *   System.out.println(report.notes() + " notes, " + report.skipped().size() + " skipped");
 * }
 * }</pre>
 */
public final class NoteIndexer implements AutoCloseable {
  private final Indexer indexer;

  private NoteIndexer(Indexer indexer) {
    this.indexer = indexer;
  }

  /**
   * Opens (creating if needed) the index at a folder for writing.
   *
   * @param index the index folder
   * @return an indexer holding the write lock; close it when done
   * @throws NoteIndexException when the folder cannot be used or another process is writing it
   */
  public static NoteIndexer open(Path index) throws NoteIndexException {
    return open(index, UserFiles.NONE);
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
    return open(index, files, mode, IndexOptions.DEFAULT);
  }

  /**
   * Opens the index at a folder for writing, with options.
   *
   * @param index the index folder
   * @param files the user's analysis files; only the dictionary matters for indexing
   * @param mode {@link IndexMode#FULL} to start from an empty index
   * @param options the indexing threads and the Nori cache
   * @return an indexer holding the write lock; close it when done
   * @throws NoteIndexException when the folder cannot be used or another process is writing it
   */
  public static NoteIndexer open(Path index, UserFiles files, IndexMode mode, IndexOptions options)
      throws NoteIndexException {
    Objects.requireNonNull(files, "files");
    Objects.requireNonNull(mode, "mode");
    Objects.requireNonNull(options, "options");
    NoteAnalyzers.useNoriCache(options.noriCache());
    NoteAnalyzers analyzers;
    try {
      analyzers = NoteAnalyzers.with(Glossary.empty(), files.dictionary());
    } catch (IOException e) {
      throw new NoteIndexException(NoteIndexException.Reason.USER_FILE,
          "cannot read the user dictionary [" + files.dictionary() + "] (" + e.getMessage() + ")", e);
    }
    return new NoteIndexer(Indexer.open(index, analyzers, mode, options));
  }

  /** {@return the index folder this indexer writes} */
  public Path indexPath() {
    return indexer.indexPath();
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
    return indexer.index(roots, mode, progress);
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
  public IndexReport update(List<Path> roots, Collection<Path> changed) throws IOException {
    return indexer.update(roots, changed);
  }

  /**
   * Drops what was not committed and releases the write lock.
   *
   * @throws IOException when the index cannot be closed cleanly
   */
  @Override
  public void close() throws IOException {
    indexer.close();
  }
}
