package io.notesearch.searcher.backend;

import io.notesearch.core.IndexStats;
import io.notesearch.core.SearchResult;
import io.notesearch.core.Snippet;
import io.notesearch.core.analysis.NoteAnalyzers;
import io.notesearch.core.plan.QueryPlanner;
import java.io.Closeable;
import java.io.IOException;
import java.util.List;
import org.apache.lucene.search.Query;

/**
 * Where the sections are: a Lucene index on disk, or a SolrCloud collection. The searcher's one
 * pipeline parses and plans a query, tries its other readings, falls back to any word, pages, caps
 * sections per note and builds hits and snippets; a backend only runs a planned query and reads what
 * it found. Not API: exported to notesearch's own backends.
 *
 * @param <C> how the backend refers to a section it found (a Lucene doc id, a Solr document)
 */
public interface SearchBackend<C> extends Closeable {
  /** {@return the analysis the sections were written with, which plans queries and marks snippets} */
  NoteAnalyzers analyzers();

  /** {@return what the sections are, for messages: {@code the index at [/path]}} */
  String name();

  /** {@return how much of the vocabulary spelling corrections see} */
  Vocabulary vocabulary();

  /**
   * Opens a view of the sections as they are now, for one search: everything the pipeline asks of it
   * sees the same commit.
   *
   * @return the view; close it when the search is done
   * @throws IOException when the sections cannot be read
   */
  View<C> view() throws IOException;

  /** How much of the vocabulary spelling corrections are drawn from. */
  enum Vocabulary {
    /**
     * Every word of every section: a correction may replace even a query the any-word fallback
     * answered, since a word the index lacks anywhere is surely mistyped.
     */
    WHOLE_INDEX,
    /**
     * One shard's words (Solr answers from the core that takes the request): a word missing there may
     * be on another shard, so only a query that found few sections is corrected.
     */
    ONE_SHARD
  }

  /**
   * One search's view of the sections.
   *
   * @param <C> how the backend refers to a section it found
   */
  interface View<C> extends AutoCloseable {
    /**
     * Runs a planned query: the best {@code window} sections in the request's order, and how many
     * match in all.
     *
     * @param run the query and its request
     * @param window how many of the best sections to return
     * @return the sections found
     * @throws IOException when the sections cannot be read
     */
    Candidates<C> run(Run run, int window) throws IOException;

    /** {@return the path of a found section's note, for the per-note cap} */
    String path(C section) throws IOException;

    /** {@return a found section's score} */
    float score(C section);

    /**
     * Reads the stored fields of found sections, in order.
     *
     * @param page the sections
     * @param withBody whether to read their text too, for snippets
     * @return their stored fields
     * @throws IOException when they cannot be read
     */
    List<StoredSection> read(List<C> page, boolean withBody) throws IOException;

    /**
     * Marks the query's words in the text of found sections, in order.
     *
     * @param page the sections
     * @param bodies their text, as {@link #read} gave it
     * @param links each section's wikilink names in its text ({@link StoredSection#linkTexts})
     * @param titles the titles a snippet shows those names as
     * @param highlight what to mark ({@link QueryPlanner.Plan#highlight()})
     * @return one snippet per section, empty where the text has no match
     * @throws IOException when the sections cannot be read
     */
    List<Snippets.Shown> snippets(List<C> page, List<String> bodies,
        List<List<io.notesearch.core.schema.SectionRecord.LinkText>> links, Snippets.Titles titles, Query highlight)
        throws IOException;

    /**
     * The title of the one note a link's key names (its file name, page folder, slug, alias or
     * title), for a hit to show it where the text shows the name.
     *
     * @param key a {@link io.notesearch.core.schema.IndexSchema#nameLink}
     * @return the title, or null when no note or more than one has that name
     * @throws IOException when the sections cannot be read
     */
    String linkTitle(String key) throws IOException;

    /** {@return a found section's code, empty when it has none} */
    String code(C section) throws IOException;

    /**
     * Corrects the spelling of a cleaned query from the vocabulary.
     *
     * @param cleaned the cleaned query
     * @return the corrected query, or null when nothing was corrected
     * @throws IOException when the vocabulary cannot be read
     */
    String correct(String cleaned) throws IOException;

    /**
     * Counts every section a query matches, by tag, category and year.
     *
     * @param run the query
     * @return the counts and the exact total
     * @throws IOException when the sections cannot be read
     */
    Counted facets(Run run) throws IOException;

    /**
     * Counts every section a query matches, for a total {@link #run} only estimated.
     *
     * @param run the query
     * @return the exact number of matching sections
     * @throws IOException when the sections cannot be read
     */
    long count(Run run) throws IOException;

    /**
     * The section at {@code path#anchor}.
     *
     * @param path the note's path
     * @param anchor the section's anchor, empty for the text before the first heading
     * @return the section, or null when none is indexed there
     * @throws IOException when the sections cannot be read
     * @throws UnsupportedOperationException when the backend cannot find related sections
     */
    C section(String path, String anchor) throws IOException;

    /**
     * A query for the sections most like a given one (its most telling words), the section itself
     * left out.
     *
     * @param section the section
     * @return the plan, or null when the section has no telling word
     * @throws IOException when the sections cannot be read
     */
    QueryPlanner.Plan like(C section) throws IOException;

    /**
     * How many sections hold an indexed term, for weighing the words that pseudo-relevance feedback
     * adds to a query (the pipeline's {@code Feedback}).
     *
     * @param term a term as the index analyser makes it
     * @return the number of sections, or -1 when the backend cannot tell cheaply (then no words are added)
     * @throws IOException when the index cannot be read
     */
    default long documentFrequency(String term) throws IOException {
      return -1;
    }

    /**
     * A note's links and backlinks ({@code NoteSearcher#links}).
     *
     * @param note the note's path, or a name a link could give it
     * @return the links
     * @throws IllegalArgumentException when no note, or more than one, has that path or name
     * @throws IOException when the index cannot be read
     * @throws UnsupportedOperationException when the backend keeps no links
     */
    default io.notesearch.core.NoteLinks links(String note) throws IOException {
      throw new UnsupportedOperationException("links are not kept in a SolrCloud collection yet");
    }

    /** {@return how many notes and sections there are} */
    IndexStats stats() throws IOException;

    /** {@return the paths of the notes, sorted} */
    List<String> notes() throws IOException;

    @Override
    void close() throws IOException;
  }

  /**
   * Sections a run found.
   *
   * @param top the best sections, best first (or in the request's order)
   * @param total how many sections match in all
   * @param exact whether {@code total} is exact, not a lower bound
   * @param <C> how the backend refers to a section
   */
  record Candidates<C>(List<C> top, long total, boolean exact) {
    /** Copies the list. */
    public Candidates {
      top = List.copyOf(top);
    }
  }

  /**
   * Facet counts and the exact total of a query.
   *
   * @param facets the counts by tag, category and year
   * @param total how many sections match
   */
  record Counted(SearchResult.Facets facets, long total) {}
}
