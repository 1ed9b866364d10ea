package io.notesearch.searcher.internal;

import io.notesearch.core.NoteIndexException;
import io.notesearch.core.Synonyms;
import io.notesearch.core.UserFiles;
import io.notesearch.core.analysis.Glossary;
import io.notesearch.core.analysis.NoteAnalyzers;
import io.notesearch.core.schema.IndexFolder;
import io.notesearch.core.schema.MinedGlossary;
import io.notesearch.searcher.NoteSearcher;
import io.notesearch.searcher.SearchOptions;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Objects;

/** Opens a searcher on a local index: the analysis the user's files and synonyms make, over the local backend. Not API. */
public final class Local {
  private Local() {}

  /** See {@link NoteSearcher#preload}. */
  public static void preload(SearchOptions options) {
    NoteAnalyzers.useNoriCache(options.noriCache());
    NoteAnalyzers.preload();
    Thread.ofPlatform().name("lucene-mmap").daemon(true).start(() -> {
      try {
        Class.forName(org.apache.lucene.store.MMapDirectory.class.getName(), true, Local.class.getClassLoader());
      } catch (ClassNotFoundException | LinkageError e) {
        // then the first FSDirectory.open pays for it, or reports it
      }
    });
  }

  /** See {@link NoteSearcher#open(Path, UserFiles, Synonyms, SearchOptions)}. */
  public static NoteSearcher open(Path index, UserFiles files, Synonyms synonyms, SearchOptions options)
      throws NoteIndexException {
    Objects.requireNonNull(index, "index");
    Objects.requireNonNull(files, "files");
    Objects.requireNonNull(synonyms, "synonyms");
    Objects.requireNonNull(options, "options");
    NoteAnalyzers.useNoriCache(options.noriCache());
    IndexFolder folder = new IndexFolder(index);
    NoteAnalyzers analyzers;
    try {
      Glossary glossary = Glossary.empty();
      if (synonyms != Synonyms.NONE) {
        glossary = Glossary.builtIn();
        if (files.glossary() != null) {
          glossary = glossary.with(Glossary.read(files.glossary()));
        }
      }
      if (synonyms == Synonyms.GLOSSARY_AND_MINED) {
        glossary = glossary.with(MinedGlossary.read(index));
      }
      // The synonym map is kept beside the index: a cold process then needs Nori only for the query.
      analyzers = NoteAnalyzers.with(glossary, files.dictionary(), folder.hasCommit() ? index : null);
    } catch (IOException e) {
      throw new NoteIndexException(NoteIndexException.Reason.USER_FILE,
          "cannot read a user analysis file (" + e.getMessage() + ")", e);
    }
    return open(folder, analyzers, options);
  }

  /** A searcher over the index in a folder, with the analysis it was written with. */
  public static NoteSearcher open(IndexFolder folder, NoteAnalyzers analyzers, SearchOptions options)
      throws NoteIndexException {
    return new Pipeline<>(LocalBackend.open(folder, analyzers, options), options.feedback());
  }
}
