package io.notesearch.core.analysis;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.ko.POS;
import org.apache.lucene.analysis.ko.tokenattributes.PartOfSpeechAttribute;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionLengthAttribute;
import org.apache.lucene.util.AttributeSource;

/**
 * Joins the pieces Nori cuts developers' terms into: {@code EC2} (Nori: {@code EC} {@code 2}), {@code
 * Route53}, {@code k8s}, {@code IPv6}, {@code node.js}, {@code 3.11}, {@code HTTP/2}, {@code C++},
 * {@code C#}.
 *
 * <p>It must run directly on a {@code KoreanTokenizer} that keeps punctuation, because the joining
 * decision needs the punctuation tokens and contiguous offsets; a later part-of-speech filter drops
 * the punctuation that was not joined. A Hangul particle glued to the term ({@code EC2가}) is a
 * separate token already, so it is dropped by that filter and the term stays clean.
 *
 * <p>In {@link Mode#INDEX} the joined term is followed by its alphanumeric parts ({@code route53},
 * then {@code route} {@code 53}) so that {@code Route 53} typed with a space still matches, and a
 * word followed by a separate number ({@code Route 53}) also gets the joined form stacked on the
 * number, so that {@code Route53} finds it. {@link Mode#QUERY} emits the joined term only, so a
 * query {@code S3} does not match every {@code s} and {@code 3}.
 */
public final class TechTermFilter extends TokenFilter {

  /** Which side of the index the stream is for. */
  public enum Mode {
    /** Joined term plus its parts, and word+number joins: recall for every way a term is typed. */
    INDEX,
    /** Joined term only: precision for what the user typed. */
    QUERY
  }

  private final Mode mode;
  private final CharTermAttribute termAtt = addAttribute(CharTermAttribute.class);
  private final OffsetAttribute offsetAtt = addAttribute(OffsetAttribute.class);
  private final PositionIncrementAttribute posIncAtt = addAttribute(PositionIncrementAttribute.class);
  private final PositionLengthAttribute posLenAtt = addAttribute(PositionLengthAttribute.class);
  private final PartOfSpeechAttribute posAtt = addAttribute(PartOfSpeechAttribute.class);

  /** Tokens read ahead of the one being decided on. */
  private final ArrayDeque<AttributeSource.State> lookahead = new ArrayDeque<>();

  /** Tokens decided on and waiting to be emitted. */
  private final ArrayDeque<AttributeSource.State> pending = new ArrayDeque<>();

  /** The last single-word Latin token emitted, kept for the {@code Route 53} join (index mode). */
  private String lastWord;

  private int lastWordEnd = -1;
  private boolean exhausted;

  /**
   * Creates the filter.
   *
   * @param input a {@code KoreanTokenizer} with {@code discardPunctuation=false}
   * @param mode whether to add parts and joins for the index, or emit joined terms only
   */
  public TechTermFilter(TokenStream input, Mode mode) {
    super(input);
    this.mode = mode;
  }

  @Override
  public boolean incrementToken() throws IOException {
    if (!pending.isEmpty()) {
      restoreState(pending.poll());
      return true;
    }
    if (!next()) {
      return false;
    }
    if (!isAlnum()) {
      if (posAtt.getLeftPOS() != POS.Tag.SP) {
        lastWord = null;
      }
      return true;
    }
    List<AttributeSource.State> run = new ArrayList<>();
    run.add(captureState());
    StringBuilder joined = new StringBuilder(termAtt);
    int firstLength = termAtt.length();
    int start = offsetAtt.startOffset();
    int end = offsetAtt.endOffset();
    int alnumParts = 1;
    boolean lastIsLetter = posAtt.getLeftPOS() == POS.Tag.SL;
    while (next()) {
      if (offsetAtt.startOffset() != end) {
        pushBack();
        break;
      }
      if (isAlnum()) {
        run.add(captureState());
        joined.append(termAtt);
        end = offsetAtt.endOffset();
        alnumParts++;
        lastIsLetter = posAtt.getLeftPOS() == POS.Tag.SL;
        continue;
      }
      String punct = trimmedPunct();
      if (punct.isEmpty()) {
        pushBack();
        break;
      }
      int punctEnd = offsetAtt.startOffset() + punct.length();
      AttributeSource.State punctState = captureState();
      boolean fullPunct = punctEnd == offsetAtt.endOffset();
      if (lastIsLetter && (punct.equals("++") || punct.equals("#")) && !joinsNext(punctEnd)) {
        // C++, C#, F#: the symbol is part of the name; what follows it in the same token is
        // whitespace or closing punctuation, which the part-of-speech filter would drop anyway.
        joined.append(punct);
        end = punctEnd;
        break;
      }
      if (fullPunct && isJoiner(punct) && nextJoins(punct, punctEnd)) {
        joined.append(punct);
        end = punctEnd;
        continue;
      }
      pushBackState(punctState);
      break;
    }
    if (alnumParts == 1 && joined.length() == firstLength) {
      // A plain word: emit as it came, plus the "Route 53" join when it applies.
      restoreState(run.get(0));
      emitPlainWord();
      return true;
    }
    restoreState(run.get(0));
    int firstInc = posIncAtt.getPositionIncrement();
    termAtt.setEmpty().append(joined);
    offsetAtt.setOffset(start, end);
    posLenAtt.setPositionLength(mode == Mode.INDEX ? Math.max(1, alnumParts) : 1);
    posIncAtt.setPositionIncrement(firstInc);
    AttributeSource.State joinedState = captureState();
    if (mode == Mode.INDEX && alnumParts > 1) {
      boolean first = true;
      for (AttributeSource.State part : run) {
        restoreState(part);
        posIncAtt.setPositionIncrement(first ? 0 : 1);
        posLenAtt.setPositionLength(1);
        pending.add(captureState());
        first = false;
      }
    }
    lastWord = null;
    restoreState(joinedState);
    return true;
  }

  private void emitPlainWord() {
    boolean letters = posAtt.getLeftPOS() == POS.Tag.SL;
    boolean number = posAtt.getLeftPOS() == POS.Tag.SN;
    if (mode == Mode.INDEX
        && number
        && lastWord != null
        && offsetAtt.startOffset() == lastWordEnd + 1
        && termAtt.length() <= 4) {
      AttributeSource.State numberState = captureState();
      String joinedWord = lastWord + termAtt;
      termAtt.setEmpty().append(joinedWord);
      posIncAtt.setPositionIncrement(0);
      pending.add(captureState());
      restoreState(numberState);
    }
    if (letters) {
      lastWord = termAtt.toString();
      lastWordEnd = offsetAtt.endOffset();
    } else {
      lastWord = null;
    }
  }

  private boolean nextJoins(String punct, int punctEnd) throws IOException {
    if (!next()) {
      return false;
    }
    boolean joins =
        offsetAtt.startOffset() == punctEnd
            && isAlnum()
            && (!punct.equals("/") || posAtt.getLeftPOS() == POS.Tag.SN);
    pushBack();
    return joins;
  }

  private boolean joinsNext(int punctEnd) throws IOException {
    if (!next()) {
      return false;
    }
    boolean joins = offsetAtt.startOffset() == punctEnd && isAlnum();
    pushBack();
    return joins;
  }

  private static boolean isJoiner(String punct) {
    return punct.equals(".") || punct.equals("/");
  }

  private String trimmedPunct() {
    POS.Tag tag = posAtt.getLeftPOS();
    if (tag != POS.Tag.SY && tag != POS.Tag.SF && tag != POS.Tag.SC && tag != POS.Tag.SE) {
      return "";
    }
    int len = 0;
    while (len < termAtt.length() && !Character.isWhitespace(termAtt.charAt(len))) {
      len++;
    }
    return termAtt.subSequence(0, len).toString();
  }

  private boolean isAlnum() {
    POS.Tag tag = posAtt.getLeftPOS();
    return tag == POS.Tag.SL || tag == POS.Tag.SN;
  }

  private boolean next() throws IOException {
    if (!lookahead.isEmpty()) {
      restoreState(lookahead.poll());
      return true;
    }
    if (exhausted) {
      return false;
    }
    if (input.incrementToken()) {
      return true;
    }
    exhausted = true;
    return false;
  }

  private void pushBack() {
    lookahead.addFirst(captureState());
  }

  private void pushBackState(AttributeSource.State state) {
    lookahead.addFirst(state);
  }

  @Override
  public void reset() throws IOException {
    super.reset();
    lookahead.clear();
    pending.clear();
    lastWord = null;
    lastWordEnd = -1;
    exhausted = false;
  }
}
