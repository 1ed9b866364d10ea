package io.notesearch.searcher;

/** Which synonyms a searcher applies to queries. */
public enum Synonyms {
  /** The shipped glossary, the user's glossary file and the pairs mined from the indexed notes. */
  GLOSSARY_AND_MINED,
  /** The shipped glossary and the user's glossary file only. */
  GLOSSARY,
  /** None: the words as typed (for comparisons). */
  NONE;

  /** What {@link NoteSearcher#open(java.nio.file.Path)} uses. */
  public static final Synonyms DEFAULT = GLOSSARY_AND_MINED;
}
