/**
 * Searches Markdown notes written in Korean and English: the embeddable front door of notesearch.
 *
 * <p>Open a {@link io.notesearch.searcher.NoteSearcher} on an index folder and pass it {@link
 * io.notesearch.core.SearchRequest}s. No Lucene type appears in the API, so callers need not require
 * Lucene.
 *
 * <pre>{@code
 * module my.app {
 *   requires io.notesearch.searcher; // reads io.notesearch.core too
 * }
 * }</pre>
 */
// "module": the modules named in the qualified exports are built after this one, so javac cannot see them.
@SuppressWarnings("module")
module io.notesearch.searcher {
  // SearchRequest, SearchResult, Hit and the exceptions are in the core's API package.
  requires transitive io.notesearch.core;
  requires org.apache.lucene.core;
  requires org.apache.lucene.analysis.common;
  requires org.apache.lucene.highlighter; // snippets
  requires org.apache.lucene.queries; // MoreLikeThis, for related sections

  exports io.notesearch.searcher;
  // The search pipeline's backend interface, for the SolrCloud backend; a local searcher with a chosen analysis, for the tools that compare them.
  exports io.notesearch.searcher.backend to io.notesearch.solr.client, io.notesearch.eval, io.notesearch.bench;
}
