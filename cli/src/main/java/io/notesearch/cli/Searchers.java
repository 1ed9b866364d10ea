package io.notesearch.cli;

import io.notesearch.core.NoteIndexException;
import io.notesearch.core.Synonyms;
import io.notesearch.core.UserFiles;
import io.notesearch.core.schema.MinedGlossary;
import io.notesearch.searcher.NoteSearcher;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Where a command gets its searcher: a one-shot process opens and closes one; the daemon keeps them
 * open (building the synonym map and warming Nori once), reopening when an input of the analysis
 * changed (a glossary file, the mined glossary a new indexing run wrote).
 */
interface Searchers {
  /** A searcher to use and give back. */
  interface Lease extends AutoCloseable {
    /** The searcher. */
    NoteSearcher searcher();

    @Override
    void close() throws IOException;
  }

  /** Opens the searcher for one use. */
  Lease open(Path index, UserFiles files, Synonyms synonyms) throws NoteIndexException;

  /** Opens a searcher per command and closes it after. */
  Searchers PER_COMMAND = (index, files, synonyms) -> {
    NoteSearcher searcher = NoteSearcher.open(index, files, synonyms);
    return new Lease() {
      @Override
      public NoteSearcher searcher() {
        return searcher;
      }

      @Override
      public void close() throws IOException {
        searcher.close();
      }
    };
  };

  /** Keeps searchers open, keyed by everything their analysis was built from. */
  final class Kept implements Searchers, AutoCloseable {
    private final ConcurrentHashMap<String, NoteSearcher> open = new ConcurrentHashMap<>();

    @Override
    public Lease open(Path index, UserFiles files, Synonyms synonyms) throws NoteIndexException {
      String key = key(index, files, synonyms);
      NoteSearcher searcher = open.get(key);
      if (searcher == null) {
        synchronized (this) {
          searcher = open.get(key);
          if (searcher == null) {
            retire(index);
            searcher = NoteSearcher.open(index, files, synonyms);
            open.put(key, searcher);
          }
        }
      }
      NoteSearcher leased = searcher;
      return new Lease() {
        @Override
        public NoteSearcher searcher() {
          return leased;
        }

        @Override
        public void close() {
          // kept open for the next client
        }
      };
    }

    /** Closes searchers of this index opened with inputs that have since changed. */
    private void retire(Path index) {
      String prefix = index + "|";
      List<String> stale = new ArrayList<>();
      open.keySet().forEach(k -> {
        if (k.startsWith(prefix)) {
          stale.add(k);
        }
      });
      for (String k : stale) {
        NoteSearcher s = open.remove(k);
        try {
          s.close();
        } catch (IOException ignored) {
          // a reader that will not close is garbage soon
        }
      }
    }

    private static String key(Path index, UserFiles files, Synonyms synonyms) {
      return index + "|" + synonyms + "|" + stamp(files.glossary()) + "|" + stamp(files.dictionary()) + "|"
          + stamp(index.resolve(io.notesearch.core.schema.IndexFolder.MINED_GLOSSARY));
    }

    private static String stamp(Path file) {
      try {
        return file == null || !Files.exists(file) ? "-" : file + "@" + Files.getLastModifiedTime(file).toMillis();
      } catch (IOException e) {
        return file + "@?";
      }
    }

    @Override
    public void close() {
      retireAll();
    }

    private void retireAll() {
      for (NoteSearcher s : open.values()) {
        try {
          s.close();
        } catch (IOException ignored) {
          // closing at exit
        }
      }
      open.clear();
    }
  }
}
