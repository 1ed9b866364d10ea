/**
 * Searches a notesearch index of Markdown notes written in Korean and English.
 *
 * <p>The API is the package {@link io.notesearch.searcher}: open a {@link
 * io.notesearch.searcher.NoteSearcher} on an index folder and pass it {@link
 * io.notesearch.searcher.SearchRequest}s. No Lucene type appears in it, so callers need not require
 * Lucene. The other packages hold the index contract and the analysis, which only the indexer
 * shares; they are exported to it alone.
 *
 * <pre>{@code
 * module my.app {
 *   requires io.notesearch.searcher;
 * }
 * }</pre>
 */
// "module": the indexer is not on the path when this module compiles, so javac cannot see it.
@SuppressWarnings("module")
module io.notesearch.searcher {
  requires org.apache.lucene.core;
  requires org.apache.lucene.analysis.common; // English stemming, synonyms
  requires org.apache.lucene.analysis.nori; // Korean
  requires org.apache.lucene.highlighter; // snippets
  requires org.apache.lucene.queries; // MoreLikeThis, for related sections
  requires org.apache.lucene.suggest; // did-you-mean from the index vocabulary

  exports io.notesearch.searcher;

  // The indexer writes documents through the same schema and analysis the searcher reads with.
  exports io.notesearch.searcher.analysis to io.notesearch.indexer;
  exports io.notesearch.searcher.schema to io.notesearch.indexer;
}
