package io.notesearch.searcher;

import io.notesearch.core.Hit;
import io.notesearch.core.IndexStats;
import io.notesearch.core.NoteIndexException;
import io.notesearch.core.QuerySyntaxException;
import io.notesearch.core.SearchRequest;
import io.notesearch.core.SearchResult;
import io.notesearch.core.Synonyms;
import io.notesearch.core.UserFiles;
import io.notesearch.searcher.internal.Local;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Searches notes: the front door of notesearch for other programs.
 *
 * <p>Thread-safe; open one per index and share it. Each search sees the latest commit of the index
 * (it refreshes cheaply when an indexer has committed since). A searcher that is closed throws
 * {@link IllegalStateException}. The same pipeline searches a SolrCloud collection
 * ({@code notesearch-solr-client}).
 *
 * <pre>{@code
 * try (NoteSearcher searcher = NoteSearcher.open(Path.of("/home/me/.local/share/notesearch/index"))) {
 *   SearchResult result = searcher.search(SearchRequest.of("람다 콜드 스타트").withLimit(5));
 *   for (Hit hit : result.hits()) {
 *     System.out.println(hit.path() + ":" + hit.line() + " " + String.join(" › ", hit.headings()));
 *   }
 * }
 * }</pre>
 */
public interface NoteSearcher extends AutoCloseable {
  /**
   * Starts loading, on background threads, what the first search in a new JVM would otherwise wait
   * for: Nori's dictionaries, the built-in glossary and user dictionary, and Lucene's memory-mapping
   * support. Returns at once; harmless to call more than once. A command-line tool calls it first
   * thing, so that the loading overlaps with parsing arguments.
   *
   * @param options where Nori's dictionaries are cached ({@link SearchOptions#noriCache()})
   */
  static void preload(SearchOptions options) {
    Local.preload(options);
  }

  /**
   * Opens the index at a folder with the standard analysis and default options.
   *
   * @param index the index folder written by the indexer
   * @return a searcher; close it when done
   * @throws NoteIndexException when there is no readable notesearch index there
   */
  static NoteSearcher open(Path index) throws NoteIndexException {
    return open(index, UserFiles.NONE, Synonyms.DEFAULT, SearchOptions.DEFAULT);
  }

  /**
   * Opens the index at a folder with the user's analysis files and a choice of synonyms.
   *
   * @param index the index folder written by the indexer
   * @param files the user's glossary and dictionary (the index must have been built with the same
   *     dictionary)
   * @param synonyms which synonyms queries get
   * @return a searcher; close it when done
   * @throws NoteIndexException when there is no readable notesearch index there, or a user file
   *     cannot be read
   */
  static NoteSearcher open(Path index, UserFiles files, Synonyms synonyms) throws NoteIndexException {
    return open(index, files, synonyms, SearchOptions.DEFAULT);
  }

  /**
   * Opens the index at a folder with the user's analysis files, a choice of synonyms, and options.
   *
   * @param index the index folder written by the indexer
   * @param files the user's glossary and dictionary (the index must have been built with the same
   *     dictionary)
   * @param synonyms which synonyms queries get
   * @param options the Nori cache and slicing
   * @return a searcher; close it when done
   * @throws NoteIndexException when there is no readable notesearch index there, or a user file
   *     cannot be read
   */
  static NoteSearcher open(Path index, UserFiles files, Synonyms synonyms, SearchOptions options) throws NoteIndexException {
    return Local.open(index, files, synonyms, options);
  }

  /**
   * Runs a search. Every word of the query must match; when no section has them all, any word may.
   *
   * @param request what to search for
   * @return the hits, best first, at most {@code request.maxPerNote()} sections per note
   * @throws QuerySyntaxException when the query names an unknown field or an impossible date
   * @throws NoteIndexException when the index cannot be read
   */
  SearchResult search(SearchRequest request) throws NoteIndexException, QuerySyntaxException;

  /**
   * Sections most like a given one (its words weighed by how rare they are), best first, the section
   * itself left out.
   *
   * @param path the note's path, as in {@link Hit#path()}
   * @param anchor the section's anchor, or empty for the note's first section
   * @param limit how many sections at most
   * @return the related sections, most alike first
   * @throws IllegalArgumentException naming the path when no such section is indexed
   * @throws UnsupportedOperationException when the backend cannot find related sections (SolrCloud)
   * @throws NoteIndexException when the index cannot be read
   */
  List<Hit> related(String path, String anchor, int limit) throws NoteIndexException;

  /**
   * A note's links to other notes, and the sections of other notes that link to it. Links are
   * {@code [[wikilinks]]} (with {@code |alias} and {@code #heading}), relative Markdown links
   * ({@code ../aws/ec2.md}) and site links ({@code /git/}); a name matches a note's file name, its
   * folder's for an {@code index.md}, its slug, title or aliases.
   *
   * @param note the note's path as in {@link Hit#path()}, or a name a link could give it ({@code git})
   * @return its links and backlinks
   * @throws IllegalArgumentException when no indexed note has that path or name, or several have the name
   * @throws UnsupportedOperationException when the backend does not keep links (SolrCloud)
   * @throws NoteIndexException when the index cannot be read
   */
  default io.notesearch.core.NoteLinks links(String note) throws NoteIndexException {
    throw new UnsupportedOperationException("links are not kept by this backend");
  }

  /**
   * How many notes and sections the latest commit holds.
   *
   * @return the counts
   * @throws NoteIndexException when the index cannot be read
   */
  IndexStats stats() throws NoteIndexException;

  /**
   * The paths of the notes in the latest commit, sorted, as {@link Hit#path()} gives them. The same
   * list instance is returned until the index changes.
   *
   * @return the note paths
   * @throws NoteIndexException when the index cannot be read
   */
  List<String> notes() throws NoteIndexException;

  /**
   * Closes the searcher and what it holds open (the index's files, its threads).
   *
   * @throws IOException when the index cannot be closed cleanly
   */
  @Override
  void close() throws IOException;
}
