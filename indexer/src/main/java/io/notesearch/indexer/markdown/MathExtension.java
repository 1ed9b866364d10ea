package io.notesearch.indexer.markdown;

import com.vladsch.flexmark.parser.InlineParser;
import com.vladsch.flexmark.parser.InlineParserExtension;
import com.vladsch.flexmark.parser.InlineParserExtensionFactory;
import com.vladsch.flexmark.parser.LightInlineParser;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.data.MutableDataHolder;
import com.vladsch.flexmark.util.sequence.BasedSequence;
import java.util.Set;

/**
 * TeX math as KaTeX/MathJax blogs write it: {@code $…$} inline and {@code $$…$$} (also over several
 * lines of a paragraph). The formula is kept as written, so {@code *}, {@code _} and {@code \}
 * inside it are not read as emphasis or escapes. Not API.
 *
 * <p>Pandoc's rule tells math from money: the opening {@code $} is followed by a non-space, the
 * closing one follows a non-space and is not followed by a digit ({@code $5 and $10} stays text).
 */
final class MathExtension implements Parser.ParserExtension {
  /** Longest inline formula looked for; keeps a line full of lone {@code $} linear. */
  static final int MAX_INLINE = 1_000;

  /** Longest display formula looked for. */
  static final int MAX_DISPLAY = 20_000;

  private MathExtension() {}

  static MathExtension create() {
    return new MathExtension();
  }

  @Override
  public void parserOptions(MutableDataHolder options) {}

  @Override
  public void extend(Parser.Builder builder) {
    builder.customInlineParserExtensionFactory(new Factory());
  }

  /** A formula; its text is {@link #formula()}. */
  static final class InlineMath extends Node {
    private final BasedSequence formula;

    InlineMath(BasedSequence chars, BasedSequence formula) {
      super(chars);
      this.formula = formula;
    }

    /** The formula between the dollar signs, as written. */
    BasedSequence formula() {
      return formula;
    }

    @Override
    public BasedSequence[] getSegments() {
      return new BasedSequence[] {formula};
    }
  }

  private static final class Factory implements InlineParserExtensionFactory {
    @Override
    public CharSequence getCharacters() {
      return "$";
    }

    @Override
    public InlineParserExtension apply(LightInlineParser inlineParser) {
      return new MathParser();
    }

    @Override
    public Set<Class<?>> getAfterDependents() {
      return null;
    }

    @Override
    public Set<Class<?>> getBeforeDependents() {
      return null;
    }

    @Override
    public boolean affectsGlobalScope() {
      return false;
    }
  }

  private static final class MathParser implements InlineParserExtension {
    @Override
    public void finalizeDocument(InlineParser inlineParser) {}

    @Override
    public void finalizeBlock(InlineParser inlineParser) {}

    @Override
    public boolean parse(LightInlineParser parser) {
      BasedSequence input = parser.getInput();
      int start = parser.getIndex();
      boolean display = start + 1 < input.length() && input.charAt(start + 1) == '$';
      int open = start + (display ? 2 : 1);
      int close = display ? closeDisplay(input, open) : closeInline(input, open);
      if (close < 0) {
        return false;
      }
      int end = close + (display ? 2 : 1);
      parser.flushTextNode();
      parser.getBlock().appendChild(new InlineMath(input.subSequence(start, end), input.subSequence(open, close)));
      parser.setIndex(end);
      return true;
    }

    private static int closeDisplay(BasedSequence input, int from) {
      int limit = Math.min(input.length() - 1, from + MAX_DISPLAY);
      for (int i = from; i < limit; i++) {
        if (input.charAt(i) == '$' && input.charAt(i + 1) == '$') {
          return i > from ? i : -1;
        }
      }
      return -1;
    }

    private static int closeInline(BasedSequence input, int from) {
      if (from >= input.length() || Character.isWhitespace(input.charAt(from)) || input.charAt(from) == '$') {
        return -1;
      }
      int limit = Math.min(input.length(), from + MAX_INLINE);
      for (int i = from + 1; i < limit; i++) {
        char c = input.charAt(i);
        if (c == '\\') {
          i++; // \$ inside a formula is a dollar sign
        } else if (c == '$') {
          boolean digitAfter = i + 1 < input.length() && Character.isDigit(input.charAt(i + 1));
          if (!Character.isWhitespace(input.charAt(i - 1)) && !digitAfter) {
            return i;
          }
          return -1;
        }
      }
      return -1;
    }
  }
}
