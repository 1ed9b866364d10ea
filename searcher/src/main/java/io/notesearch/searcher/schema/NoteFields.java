package io.notesearch.searcher.schema;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionLengthAttribute;

/**
 * A note's own fields (title, description, tags), analysed once and replayed into each of its
 * section documents: a note has about ten sections, and Nori is the cost of indexing.
 */
public final class NoteFields {
  private final Tokens title;
  private final Tokens description;
  private final List<Tokens> tags;

  private NoteFields(Tokens title, Tokens description, List<Tokens> tags) {
    this.title = title;
    this.description = description;
    this.tags = tags;
  }

  /**
   * Analyses a note's fields.
   *
   * @param section any section of the note (they share these fields)
   * @param analyzer the index analyzer
   */
  public static NoteFields of(SectionRecord section, Analyzer analyzer) {
    List<Tokens> tags = new ArrayList<>();
    for (String tag : section.tags()) {
      tags.add(Tokens.of(analyzer, IndexSchema.TAGS_TEXT, tag));
    }
    return new NoteFields(
        Tokens.of(analyzer, IndexSchema.TITLE, section.title()),
        Tokens.of(analyzer, IndexSchema.DESCRIPTION, section.description()),
        tags);
  }

  TokenStream title() {
    return title.replay();
  }

  TokenStream description() {
    return description.replay();
  }

  List<TokenStream> tags() {
    return tags.stream().map(Tokens::replay).toList();
  }

  /** The tokens of one analysed value. */
  private record Tokens(String[] terms, int[] increments, int[] lengths, int[] starts, int[] ends, int finalOffset) {
    static Tokens of(Analyzer analyzer, String field, String text) {
      List<String> terms = new ArrayList<>();
      List<int[]> attrs = new ArrayList<>();
      int finalOffset;
      try (TokenStream ts = analyzer.tokenStream(field, text)) {
        CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
        PositionIncrementAttribute inc = ts.addAttribute(PositionIncrementAttribute.class);
        PositionLengthAttribute len = ts.addAttribute(PositionLengthAttribute.class);
        OffsetAttribute offset = ts.addAttribute(OffsetAttribute.class);
        ts.reset();
        while (ts.incrementToken()) {
          terms.add(term.toString());
          attrs.add(new int[] {inc.getPositionIncrement(), len.getPositionLength(), offset.startOffset(), offset.endOffset()});
        }
        ts.end();
        finalOffset = offset.endOffset();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      int n = terms.size();
      int[] increments = new int[n];
      int[] lengths = new int[n];
      int[] starts = new int[n];
      int[] ends = new int[n];
      for (int i = 0; i < n; i++) {
        int[] a = attrs.get(i);
        increments[i] = a[0];
        lengths[i] = a[1];
        starts[i] = a[2];
        ends[i] = a[3];
      }
      return new Tokens(terms.toArray(String[]::new), increments, lengths, starts, ends, finalOffset);
    }

    TokenStream replay() {
      return new Replay(this);
    }
  }

  /** Emits recorded tokens again. */
  private static final class Replay extends TokenStream {
    private final Tokens tokens;
    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
    private final PositionIncrementAttribute inc = addAttribute(PositionIncrementAttribute.class);
    private final PositionLengthAttribute len = addAttribute(PositionLengthAttribute.class);
    private final OffsetAttribute offset = addAttribute(OffsetAttribute.class);
    private int at;

    Replay(Tokens tokens) {
      this.tokens = tokens;
    }

    @Override
    public boolean incrementToken() {
      if (at >= tokens.terms().length) {
        return false;
      }
      clearAttributes();
      term.setEmpty().append(tokens.terms()[at]);
      inc.setPositionIncrement(tokens.increments()[at]);
      len.setPositionLength(tokens.lengths()[at]);
      offset.setOffset(tokens.starts()[at], tokens.ends()[at]);
      at++;
      return true;
    }

    @Override
    public void end() throws IOException {
      super.end();
      // The next value of a multi-valued field continues after this one's text, as with analysis.
      offset.setOffset(tokens.finalOffset(), tokens.finalOffset());
    }

    @Override
    public void reset() throws IOException {
      super.reset();
      at = 0;
    }
  }
}
