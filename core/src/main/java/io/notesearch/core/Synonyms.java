package io.notesearch.core;

/**
 * Which synonyms a searcher applies to queries.
 *
 * <pre>{@code
 * NoteSearcher plain = NoteSearcher.open(index, UserFiles.NONE, Synonyms.NONE); // 람다 no longer finds Lambda
 * }</pre>
 */
public enum Synonyms {
  /** The shipped glossary, the user's glossary file and the pairs mined from the indexed notes. */
  GLOSSARY_AND_MINED,
  /** The shipped glossary and the user's glossary file only. */
  GLOSSARY,
  /** None: the words as typed (for comparisons). */
  NONE;

  /** What a searcher opened on a folder alone uses. */
  public static final Synonyms DEFAULT = GLOSSARY_AND_MINED;
}
