package io.notesearch.searcher.backend;

import io.notesearch.core.NoteIndexException;
import io.notesearch.core.analysis.NoteAnalyzers;
import io.notesearch.core.schema.IndexFolder;
import io.notesearch.searcher.NoteSearcher;
import io.notesearch.searcher.SearchOptions;
import io.notesearch.searcher.internal.Local;
import io.notesearch.searcher.internal.Pipeline;
import java.nio.file.Path;

/**
 * Searchers made from parts an application does not see: another backend, or a local index with a
 * chosen analysis (the relevance harness compares analysis set-ups). Not API.
 */
public final class Searchers {
  private Searchers() {}

  /**
   * The searcher's pipeline over a backend.
   *
   * @param backend where the sections are; closed with the searcher
   * @return the searcher
   */
  public static NoteSearcher over(SearchBackend<?> backend) {
    return new Pipeline<>(backend);
  }

  /**
   * A searcher of the index in a folder with the given analysis, which must be the one it was built with.
   *
   * @param index the index folder
   * @param analyzers the analysis chains
   * @return the searcher
   * @throws NoteIndexException when there is no readable notesearch index there
   */
  public static NoteSearcher local(Path index, NoteAnalyzers analyzers) throws NoteIndexException {
    return local(index, analyzers, SearchOptions.DEFAULT);
  }

  /**
   * A searcher of the index in a folder with the given analysis and options.
   *
   * @param index the index folder
   * @param analyzers the analysis chains, the ones it was built with
   * @param options how it runs (the relevance harness turns feedback off to measure it)
   * @return the searcher
   * @throws NoteIndexException when there is no readable notesearch index there
   */
  public static NoteSearcher local(Path index, NoteAnalyzers analyzers, SearchOptions options) throws NoteIndexException {
    return Local.open(new IndexFolder(index), analyzers, options);
  }
}
