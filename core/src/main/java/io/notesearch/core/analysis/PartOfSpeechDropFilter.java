package io.notesearch.core.analysis;

import java.io.IOException;
import java.util.Set;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.ko.POS;
import org.apache.lucene.analysis.ko.tokenattributes.PartOfSpeechAttribute;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;

/**
 * Drops tokens by part of speech <em>without</em> leaving position gaps.
 *
 * <p>Lucene's {@code KoreanPartOfSpeechStopFilter} keeps the position of every dropped token, which
 * is right for a stop word between words but wrong for Korean: particles, endings and the spaces
 * Nori emits when punctuation is kept sit inside or between eojeol, so {@code EC2가 ELB를} would put
 * {@code elb} three positions after {@code ec2} while {@code EC2 ELB} puts it one after. Phrases and
 * proximity must not depend on whether a particle was typed, and multi-word glossary entries must
 * analyse to consecutive positions.
 *
 * <p>Also dropped: question endings that Nori reads as nouns when they are glued to the word before
 * them, {@code 무엇인가} (인가, authorization) and {@code 뭔가요} (가요, songs). Apart, they are the
 * nouns ({@code 인증과 인가}). And a particle glued to an English word or a tech term that Nori reads
 * as a noun or a counter when nothing follows it ({@code S3의} as 의 "righteousness", {@code S3도}
 * as 도 "degrees", {@code Redis란}): typed alone, such a query required the particle. After a bare
 * number it stays ({@code 30도}, {@code 3만}).
 *
 * <p>And the surface of an inflected verb or adjective, which Nori's mixed mode stacks on its stem:
 * {@code 보여줄} indexed {@code 줄} (주 + ㄹ) and {@code 해 줄 것이다} too, so a search for the noun
 * {@code 줄} (a line) found every "will give". The stem stays ({@code 주}, {@code 보이}), in the
 * inflection's position, which is what a query's words are reduced to anyway.
 */
final class PartOfSpeechDropFilter extends TokenFilter {
  /** Nouns Nori makes of an ending (이 + ㄴ가, ㄴ가요) glued to the word before. */
  private static final Set<String> GLUED_ENDINGS = Set.of("인가", "가요");

  /** Particles Nori may read as a noun, a counter or a numeral after a Latin word. */
  private static final String PARTICLES = "의도란만은는이가을를와과로에랑나야엔";

  /** What such a particle is read as. */
  private static final Set<POS.Tag> PARTICLE_READINGS = Set.of(POS.Tag.NNG, POS.Tag.NNB, POS.Tag.NNBC, POS.Tag.NR, POS.Tag.NP);

  /** Inflections whose surface is dropped: verbs, adjectives, auxiliaries and the negative copula. */
  private static final Set<POS.Tag> VERB_TAGS = Set.of(POS.Tag.VV, POS.Tag.VA, POS.Tag.VX, POS.Tag.VCN);

  private final Set<POS.Tag> drop;
  private final PartOfSpeechAttribute posAtt = addAttribute(PartOfSpeechAttribute.class);
  private final CharTermAttribute termAtt = addAttribute(CharTermAttribute.class);
  private final OffsetAttribute offsetAtt = addAttribute(OffsetAttribute.class);
  private final PositionIncrementAttribute incAtt = addAttribute(PositionIncrementAttribute.class);
  /** The position increment of a dropped inflection, which its stem (stacked on it: +0) takes. */
  private int inflectionIncrement;
  /** Where the furthest token so far ended, dropped ones included. */
  private int lastEnd = -1;

  /** Where the last run of Latin letters (and digits glued to them: EC2, k8s) ended. */
  private int latinEnd = -1;

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
      boolean glued = offsetAtt.startOffset() == lastEnd;
      // Spaces and punctuation (kept by Nori here) end no word: 인증/인가 and (인가) are the noun.
      if (termAtt.length() > 0 && Character.isLetterOrDigit(termAtt.charAt(0))) {
        lastEnd = Math.max(lastEnd, offsetAtt.endOffset());
      }
      boolean afterLatin = offsetAtt.startOffset() == latinEnd;
      POS.Tag tag = posAtt.getLeftPOS();
      // Latin letters, and digits glued to them; only a token that is the text as written: the
      // index stacks windows10 on the 10 of Windows 10, which must not make 10도 a word's particle.
      if ((tag == POS.Tag.SL || (tag == POS.Tag.SN && afterLatin))
          && termAtt.length() == offsetAtt.endOffset() - offsetAtt.startOffset()) {
        latinEnd = offsetAtt.endOffset();
      }
      if (tag != null && drop.contains(tag)) {
        continue;
      }
      if (posAtt.getPOSType() == POS.Type.INFLECT && VERB_TAGS.contains(tag)) {
        inflectionIncrement = incAtt.getPositionIncrement();
        continue;
      }
      if (afterLatin && tag != null && termAtt.length() == 1 && PARTICLES.indexOf(termAtt.charAt(0)) >= 0 && PARTICLE_READINGS.contains(tag)) {
        continue;
      }
      // Both endings are two chars: no string is made for any other token.
      if (glued && tag == POS.Tag.NNG && termAtt.length() == 2 && GLUED_ENDINGS.contains(termAtt.toString())) {
        continue;
      }
      if (inflectionIncrement > 0) {
        incAtt.setPositionIncrement(Math.max(inflectionIncrement, incAtt.getPositionIncrement()));
        inflectionIncrement = 0;
      }
      return true;
    }
    return false;
  }

  @Override
  public void reset() throws IOException {
    super.reset();
    lastEnd = -1;
    latinEnd = -1;
    inflectionIncrement = 0;
  }
}
