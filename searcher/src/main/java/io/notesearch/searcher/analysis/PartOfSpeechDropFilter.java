package io.notesearch.searcher.analysis;

import java.io.IOException;
import java.util.Set;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.ko.POS;
import org.apache.lucene.analysis.ko.tokenattributes.PartOfSpeechAttribute;

/**
 * Drops tokens by part of speech <em>without</em> leaving position gaps.
 *
 * <p>Lucene's {@code KoreanPartOfSpeechStopFilter} keeps the position of every dropped token, which
 * is right for a stop word between words but wrong for Korean: particles, endings and the spaces
 * Nori emits when punctuation is kept sit inside or between eojeol, so {@code EC2가 ELB를} would put
 * {@code elb} three positions after {@code ec2} while {@code EC2 ELB} puts it one after. Phrases and
 * proximity must not depend on whether a particle was typed, and multi-word glossary entries must
 * analyse to consecutive positions.
 */
final class PartOfSpeechDropFilter extends TokenFilter {
  private final Set<POS.Tag> drop;
  private final PartOfSpeechAttribute posAtt = addAttribute(PartOfSpeechAttribute.class);

  /**
   * Creates the filter.
   *
   * @param input a Nori token stream
   * @param drop the tags of the tokens to remove
   */
  PartOfSpeechDropFilter(TokenStream input, Set<POS.Tag> drop) {
    super(input);
    this.drop = drop;
  }

  @Override
  public boolean incrementToken() throws IOException {
    while (input.incrementToken()) {
      POS.Tag tag = posAtt.getLeftPOS();
      if (tag == null || !drop.contains(tag)) {
        return true;
      }
    }
    return false;
  }
}
