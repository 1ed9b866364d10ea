package io.notesearch.solr;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.DelegatingAnalyzerWrapper;

/**
 * notesearch's index-time analysis for a schema field type ({@code <analyzer type="index"
 * class="io.notesearch.solr.NoteIndexAnalyzer"/>}): Nori with the user dictionary, tech-term
 * repairs, part-of-speech drop, lowercase, light English stemming; the {@code code} field gets the
 * identifier-splitting chain, exactly as {@code NoteAnalyzers.index()} does by field name.
 */
public final class NoteIndexAnalyzer extends DelegatingAnalyzerWrapper {
  public NoteIndexAnalyzer() {
    super(PER_FIELD_REUSE_STRATEGY);
  }

  @Override
  protected Analyzer getWrappedAnalyzer(String fieldName) {
    return NoteAnalysis.standard().index();
  }
}
