/**
 * notesearch's benchmarks: JMH benchmarks of analysis, queries and typo correction, and the
 * {@code notesearch-bench} command that generates notes folders and times indexing. Not part of the
 * product.
 */
// "requires-automatic": JMH and picocli have no module descriptor; their names come from their jars.
@SuppressWarnings("requires-automatic")
module io.notesearch.bench {
  requires io.notesearch.searcher;
  requires io.notesearch.indexer;
  requires org.apache.lucene.core;
  requires org.apache.lucene.analysis.common;
  requires org.apache.lucene.analysis.nori;
  requires org.apache.lucene.queryparser; // ParserComparison
  requires jmh.core;
  requires info.picocli;
  requires java.management; // IndexingBench: peak heap

  // JMH's generated code and picocli reach the benchmark and command classes reflectively.
  opens io.notesearch.bench;
  opens io.notesearch.bench.jmh_generated;
}
