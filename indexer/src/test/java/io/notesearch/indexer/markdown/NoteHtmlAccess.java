package io.notesearch.indexer.markdown;

/** Opens {@link NoteHtml}'s package-private helpers to tests in other packages. */
public final class NoteHtmlAccess {
  private NoteHtmlAccess() {}

  /** {@link NoteHtml#blankFrontMatter}. */
  public static String blank(String text) {
    return NoteHtml.blankFrontMatter(text);
  }
}
