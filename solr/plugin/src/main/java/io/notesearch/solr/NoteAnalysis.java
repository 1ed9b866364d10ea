package io.notesearch.solr;

import io.notesearch.searcher.analysis.NoteAnalyzers;

/**
 * The one {@link NoteAnalyzers} of this Solr node: the shipped user dictionary and glossary, the
 * very chains local notesearch indexes and searches with (built from searcher's own sources).
 */
final class NoteAnalysis {
  private NoteAnalysis() {}

  private static final class Holder {
    static final NoteAnalyzers STANDARD = NoteAnalyzers.standard();
  }

  static NoteAnalyzers standard() {
    return Holder.STANDARD;
  }
}
