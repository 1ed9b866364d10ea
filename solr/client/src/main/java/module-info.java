/**
 * The SolrCloud backend of notesearch: creates a collection with notesearch's config set, indexes
 * notes into it as the local indexer does, and searches it through the searcher's one pipeline
 * (Solr runs the analysis and planning in the plugin of {@code solr/plugin}).
 */
// "requires-automatic": SolrJ's jars have no module descriptor; their names come from the file names.
@SuppressWarnings("requires-automatic")
module io.notesearch.solr.client {
  requires io.notesearch.searcher;
  requires io.notesearch.indexer;
  requires org.apache.lucene.core; // the in-memory index that marks a page's snippets
  requires org.apache.lucene.analysis.common;
  requires solr.solrj;
  requires java.net.http;

  exports io.notesearch.solr.client;
}
