/**
 * The relevance harness: judged queries scored by MRR@10 and section hit@1, comparisons with plain
 * Lucene set-ups, and the parity check between a local index and a SolrCloud collection.
 */
module io.notesearch.eval {
  requires io.notesearch.searcher;
  requires io.notesearch.indexer;
  requires io.notesearch.solr.client;
  requires org.apache.lucene.core;
  requires org.apache.lucene.analysis.common;
  requires org.apache.lucene.analysis.nori;

  exports io.notesearch.eval;
}
