package io.notesearch.core.schema;

import io.notesearch.core.NoteIndexException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexReader;

/**
 * An index folder: the Lucene index, the files notesearch keeps beside it, and what each commit
 * records of how it was written. The one place that names them; the indexer writes them, the searcher,
 * the daemon and the Solr client read them. Not API.
 *
 * @param path the folder
 */
public record IndexFolder(Path path) {
  /** The term pairs mined from the notes' glosses, rewritten at each commit ({@link MinedGlossary}). */
  public static final String MINED_GLOSSARY = "mined-glossary.txt";

  /**
   * The compiled synonym map of the glossaries in use, so that a cold search needs Nori only for the
   * query ({@code SynonymCache}); made by the first search that finds it missing or stale.
   */
  public static final String SYNONYM_CACHE = "synonyms.cache";

  /** The process that holds the write lock, for the message another writer gets. */
  public static final String WRITER_PID = "writer.pid";

  /** Where the daemon for this index listens (port, secret, pid), readable by its user only. */
  public static final String DAEMON_PORT = "daemon.port";

  /** The notes a SolrCloud indexing run has not yet sent, so that the next run sends them. */
  public static final String SOLR_PENDING = "solr-pending.txt";

  /** Commit data key of {@link IndexSchema#VERSION}: an index of another version is rebuilt. */
  public static final String SCHEMA_KEY = "notesearch.schema";

  /** Commit data key of the analysis fingerprint (user dictionary, decompounding). */
  public static final String ANALYSIS_KEY = "notesearch.analysis";

  /** Commit data key of the parser version: unchanged notes parsed by another version are parsed again. */
  public static final String PARSER_KEY = "notesearch.parser";

  /**
   * Commit data key of the average lengths the terms' scores were worked out with ({@link
   * TermImpacts}), and of how many notes the folder had when they were estimated:
   * {@code section,note,notes}.
   */
  public static final String AVERAGES_KEY = "notesearch.averages";

  /**
   * Commit data key of the folders indexed into this index, one absolute path per line: a search's
   * {@code -g} globs are matched against a note's path below the folder that holds it.
   */
  public static final String FOLDERS_KEY = "notesearch.folders";

  /** Checks the path. */
  public IndexFolder {
    Objects.requireNonNull(path, "path");
  }

  /** {@return a file notesearch keeps in this folder, by one of the names above} */
  public Path file(String name) {
    return path.resolve(name);
  }

  /**
   * Whether the folder holds a Lucene commit. Asking the folder's listing, not Lucene, which would
   * open the directory: a cold search asks this before anything else.
   *
   * @return true when a {@code segments_N} file is there
   */
  public boolean hasCommit() {
    try (Stream<Path> files = Files.list(path)) {
      return files.anyMatch(f -> f.getFileName().toString().startsWith("segments_"));
    } catch (IOException e) {
      return false;
    }
  }

  /**
   * The process writing this index, when one is: the pid in {@link #WRITER_PID}, if it is alive.
   *
   * @return the writer's pid, or empty
   */
  public java.util.OptionalLong writer() {
    try {
      long pid = Long.parseLong(Files.readString(file(WRITER_PID), java.nio.charset.StandardCharsets.UTF_8).strip());
      return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)
          ? java.util.OptionalLong.of(pid) : java.util.OptionalLong.empty();
    } catch (IOException | NumberFormatException e) {
      return java.util.OptionalLong.empty();
    }
  }

  /**
   * What a commit records of how the index was written.
   *
   * @param schema the schema version ({@link IndexSchema#VERSION}), or null
   * @param analysis the analysis fingerprint, or null
   * @param parser the Markdown parser's version, or null
   * @param averages the average lengths and the notes they were estimated from, or null
   * @param folders the indexed folders ({@link #FOLDERS_KEY}), or null
   */
  public record Commit(String schema, String analysis, String parser, String averages, String folders) {
    /** Nothing recorded: an empty index, or one notesearch did not write. */
    public static final Commit NONE = new Commit(null, null, null, null, null);

    /** {@return the commit data of a commit's user data map} */
    public static Commit of(Map<String, String> data) {
      return new Commit(data.get(SCHEMA_KEY), data.get(ANALYSIS_KEY), data.get(PARSER_KEY), data.get(AVERAGES_KEY),
          data.get(FOLDERS_KEY));
    }

    /** {@return the indexed folders, the longest first, so that the first one holding a path is its nearest} */
    public java.util.List<String> folderList() {
      if (folders == null || folders.isEmpty()) {
        return java.util.List.of();
      }
      return java.util.Arrays.stream(folders.split("\n")).filter(f -> !f.isEmpty()).distinct()
          .sorted(java.util.Comparator.comparingInt(String::length).reversed()).toList();
    }

    /** {@return the user data map to commit} */
    public Map<String, String> toMap() {
      Map<String, String> out = new HashMap<>();
      put(out, SCHEMA_KEY, schema);
      put(out, ANALYSIS_KEY, analysis);
      put(out, PARSER_KEY, parser);
      put(out, AVERAGES_KEY, averages);
      put(out, FOLDERS_KEY, folders);
      return out;
    }

    private static void put(Map<String, String> out, String key, String value) {
      if (value != null) {
        out.put(key, value);
      }
    }

    /** {@return whether this commit was written with today's schema} */
    public boolean currentSchema() {
      return IndexSchema.VERSION.equals(schema);
    }
  }

  /**
   * Checks that the commit a reader sees was written with today's schema.
   *
   * @param reader a reader of this folder's index
   * @throws NoteIndexException with {@link NoteIndexException.Reason#OLDER_FORMAT} when it was not
   */
  public void requireCurrent(IndexReader reader) throws NoteIndexException {
    Commit commit;
    try {
      commit = reader instanceof DirectoryReader d ? Commit.of(d.getIndexCommit().getUserData()) : Commit.NONE;
    } catch (IOException e) {
      throw new NoteIndexException(NoteIndexException.Reason.DAMAGED,
          "cannot read the index at [" + path + "] (" + e.getMessage() + ")", e);
    }
    if (!commit.currentSchema()) {
      throw new NoteIndexException(NoteIndexException.Reason.OLDER_FORMAT, "the index at [" + path + "] was written by "
          + (commit.schema() == null ? "another" : "an older") + " version of notesearch", null);
    }
  }
}
