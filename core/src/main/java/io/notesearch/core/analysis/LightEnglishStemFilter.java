package io.notesearch.core.analysis;

import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishMinimalStemFilter;
import org.apache.lucene.analysis.miscellaneous.KeywordMarkerFilter;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * Plural-only English stemming ({@code instances} → {@code instance}, {@code policies} → {@code
 * policy}) for lowercase ASCII words of four letters or more.
 *
 * <p>Short words are left alone because in tech notes they are mostly acronyms ({@code ECS}, {@code
 * AWS}, {@code DNS}) whose final {@code s} is not a plural: stemming {@code ecs} to {@code ec} would
 * make it collide with the {@code ec} part of {@code EC2}. Hangul and terms with digits or symbols
 * pass through untouched.
 */
final class LightEnglishStemFilter {
  private static final int MIN_LENGTH = 4;

  private LightEnglishStemFilter() {}

  /**
   * Wraps a lowercased stream.
   *
   * @param input lowercased tokens
   */
  static TokenStream wrap(TokenStream input) {
    return new EnglishMinimalStemFilter(new Guard(input));
  }

  /** Marks as keywords (not to be stemmed) the tokens that are not plain English words. */
  private static final class Guard extends KeywordMarkerFilter {
    private final CharTermAttribute termAtt = addAttribute(CharTermAttribute.class);

    Guard(TokenStream in) {
      super(in);
    }

    @Override
    protected boolean isKeyword() {
      int len = termAtt.length();
      if (len < MIN_LENGTH) {
        return true;
      }
      char[] buffer = termAtt.buffer();
      for (int i = 0; i < len; i++) {
        char c = buffer[i];
        if (c < 'a' || c > 'z') {
          return true;
        }
      }
      return false;
    }
  }
}
