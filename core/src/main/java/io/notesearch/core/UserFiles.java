package io.notesearch.core;

import java.nio.file.Path;

/**
 * A user's own analysis files, each extending the one notesearch ships; either may be null.
 *
 * <pre>{@code
 * UserFiles files = new UserFiles(Path.of("my-glossary.txt"), null);
 * }</pre>
 *
 * @param glossary synonym groups, one per line ({@code 용어, term, abbreviation}); used by searches
 * @param dictionary Nori user dictionary entries (a noun, or a compound and its parts); used when
 *     indexing and searching, and a change to it makes the next indexing run rebuild the index
 */
public record UserFiles(Path glossary, Path dictionary) {
  /** No user files: the shipped glossary and dictionary only. */
  public static final UserFiles NONE = new UserFiles(null, null);
}
