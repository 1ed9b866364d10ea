/**
 * Writes Markdown notes into a notesearch index, one Lucene document per section.
 *
 * <p>The API is the package {@link io.notesearch.indexer}: open a {@link
 * io.notesearch.indexer.NoteIndexer} on an index folder and index notes folders with it. The
 * Markdown parser is internal. Searching is the searcher module's job ({@code io.notesearch.searcher}).
 *
 * <pre>{@code
 * module my.app {
 *   requires io.notesearch.indexer; // reads io.notesearch.core too
 * }
 * }</pre>
 */
// "module": the modules named in the qualified export are built after this one.
// "requires-automatic": flexmark has no module descriptor (see below); requiring it by name is the only way.
@SuppressWarnings({"module", "requires-automatic"})
module io.notesearch.indexer {
  // NoteIndexException and UserFiles appear in this module's API.
  requires transitive io.notesearch.core;
  requires org.apache.lucene.core;
  requires org.yaml.snakeyaml;
  // flexmark ships no module descriptors and no Automatic-Module-Name: these names come from the
  // jar file names (flexmark-0.64.8.jar → flexmark), as the module system derives them.
  requires flexmark;
  requires flexmark.ext.footnotes;
  requires flexmark.ext.tables;
  requires flexmark.ext.wikilink;
  requires flexmark.util.ast;
  requires flexmark.util.data;
  requires flexmark.util.html;
  requires flexmark.util.sequence;

  exports io.notesearch.indexer;
  // Markdown to section records, for the SolrCloud client (which indexes the same sections) and the
  // relevance harness and benchmarks (which read notes as the indexer does).
  exports io.notesearch.indexer.markdown to io.notesearch.solr.client, io.notesearch.eval, io.notesearch.bench;
  // The indexing run with an analysis of one's choice (the relevance harness compares analyses), and
  // the note hashes an index holds (the SolrCloud client sends what differs).
  exports io.notesearch.indexer.internal to io.notesearch.solr.client, io.notesearch.eval, io.notesearch.bench;
}
