/**
 * The {@code notesearch} command: parses a command line, calls the searcher, the indexer, the
 * server or the relevance harness, and prints. picocli is compiled into this module from its
 * sources (cli/pom.xml says why), so its package is this module's own.
 */
module io.notesearch.cli {
  requires io.notesearch.searcher;
  requires io.notesearch.indexer;
  requires io.notesearch.server;
  requires io.notesearch.solr.client;
  requires io.notesearch.eval;
  requires io.notesearch.mcp; // an automatic module: the MCP SDK's jars can only be on the class path
  requires org.apache.lucene.core; // the glossary command lists an index's mined pairs
  requires java.logging; // silences a Lucene notice, formats library warnings as one line
}
