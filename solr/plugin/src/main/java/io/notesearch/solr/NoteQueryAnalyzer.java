package io.notesearch.solr;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.DelegatingAnalyzerWrapper;

/**
 * notesearch's query-time analysis (with the glossary as graph synonyms) for a schema field type.
 * The {@code {!notesearch}} parser does not go through it: it plans queries with all of
 * notesearch's query analyzers itself. This one serves Solr's own parsers and the analysis screen.
 */
public final class NoteQueryAnalyzer extends DelegatingAnalyzerWrapper {
  public NoteQueryAnalyzer() {
    super(PER_FIELD_REUSE_STRATEGY);
  }

  @Override
  protected Analyzer getWrappedAnalyzer(String fieldName) {
    return NoteAnalysis.standard().query();
  }
}
