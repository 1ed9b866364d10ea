/**
 * What every notesearch engine shares: the search API's records, the index contract, analysis, the
 * query language and query planning.
 *
 * <p>The package {@link io.notesearch.core} is API: {@link io.notesearch.core.SearchRequest}, {@link
 * io.notesearch.core.SearchResult}, {@link io.notesearch.core.Hit} and the exceptions a search
 * declares. An application reaches it through {@code io.notesearch.searcher}, which requires this
 * module transitively. The other packages are notesearch's own: exported only to the notesearch
 * modules that build on them, so the compiler keeps every other module out.
 */
// "module": the modules named in the qualified exports are built after this one, so javac cannot see them.
@SuppressWarnings("module")
module io.notesearch.core {
  requires org.apache.lucene.core;
  requires org.apache.lucene.analysis.common; // English stemming, synonyms
  requires org.apache.lucene.analysis.nori; // Korean
  requires org.apache.lucene.suggest; // did-you-mean from the index vocabulary

  exports io.notesearch.core;

  // The index contract and analysis: what is written is what is searched.
  exports io.notesearch.core.schema to
      io.notesearch.searcher, io.notesearch.indexer, io.notesearch.solr.client, io.notesearch.server, io.notesearch.eval,
      io.notesearch.bench, io.notesearch.cli;
  exports io.notesearch.core.analysis to
      io.notesearch.searcher, io.notesearch.indexer, io.notesearch.solr.client, io.notesearch.eval, io.notesearch.bench,
      io.notesearch.cli;
  // The query language and its planning into Lucene queries, run by either backend.
  exports io.notesearch.core.query to io.notesearch.searcher, io.notesearch.solr.client, io.notesearch.bench;
  // gitignore patterns: the indexer's ignore files, the searchers' -g globs.
  exports io.notesearch.core.glob to io.notesearch.searcher, io.notesearch.indexer;
  exports io.notesearch.core.plan to io.notesearch.searcher, io.notesearch.solr.client, io.notesearch.eval, io.notesearch.bench;
}
