package io.notesearch.solr;

import io.notesearch.core.analysis.NoteAnalyzers;
import java.io.IOException;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.TokenizerFactory;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.util.AttributeFactory;
import org.apache.lucene.util.ResourceLoader;
import org.apache.lucene.util.ResourceLoaderAware;

/**
 * notesearch's whole analysis chain as one schema tokenizer: {@code <tokenizer
 * class="io.notesearch.solr.NoteTokenizerFactory" chain="index|query" field="body|code"/>}. It runs
 * {@link NoteAnalyzers#index()} ({@code chain="index"}; {@code field="code"} for the code chain) or
 * {@link NoteAnalyzers#query()} ({@code chain="query"}) — the same objects a local index uses, not
 * a re-assembly of their parts — with the config set's user dictionary and glossary ({@link
 * NoteAnalysis}). Nothing may follow it in the schema.
 */
public final class NoteTokenizerFactory extends TokenizerFactory implements ResourceLoaderAware {
  public static final String NAME = "notesearch";

  private final String chain;
  private final String field;
  private volatile Analyzer analyzer;

  public NoteTokenizerFactory(Map<String, String> args) {
    super(args);
    chain = get(args, "chain", java.util.List.of("index", "query"), "index");
    field = get(args, "field", "body");
    if (!args.isEmpty()) {
      throw new IllegalArgumentException("unknown parameters: " + args);
    }
  }

  /** For Lucene's service loader only. */
  public NoteTokenizerFactory() {
    throw defaultCtorException();
  }

  @Override
  public void inform(ResourceLoader loader) {
    NoteAnalyzers analyzers = NoteAnalysis.of(loader);
    analyzer = chain.equals("query") ? analyzers.query() : analyzers.index();
  }

  @Override
  public Tokenizer create(AttributeFactory factory) {
    Analyzer a = analyzer;
    if (a == null) {
      a = chain.equals("query") ? NoteAnalysis.standard().query() : NoteAnalysis.standard().index();
    }
    return new ChainTokenizer(factory, a, field);
  }

  /** Emits the tokens of an analyzer's stream over the whole field value. */
  static final class ChainTokenizer extends Tokenizer {
    private final Analyzer analyzer;
    private final String field;
    private final OffsetAttribute offset = addAttribute(OffsetAttribute.class);
    private TokenStream inner;

    ChainTokenizer(AttributeFactory factory, Analyzer analyzer, String field) {
      super(factory);
      this.analyzer = analyzer;
      this.field = field;
    }

    @Override
    public void reset() throws IOException {
      super.reset();
      StringBuilder text = new StringBuilder();
      char[] buffer = new char[8192];
      for (int n = input.read(buffer); n >= 0; n = input.read(buffer)) {
        text.append(buffer, 0, n);
      }
      inner = analyzer.tokenStream(field, text.toString());
      inner.getAttributeClassesIterator().forEachRemaining(this::addAttribute);
      inner.reset();
    }

    @Override
    public boolean incrementToken() throws IOException {
      clearAttributes();
      if (!inner.incrementToken()) {
        return false;
      }
      inner.copyTo(this);
      offset.setOffset(correctOffset(offset.startOffset()), correctOffset(offset.endOffset()));
      return true;
    }

    @Override
    public void end() throws IOException {
      super.end();
      inner.end();
      inner.copyTo(this);
      int last = correctOffset(offset.endOffset());
      offset.setOffset(last, last);
    }

    @Override
    public void close() throws IOException {
      try {
        if (inner != null) {
          inner.close();
          inner = null;
        }
      } finally {
        super.close();
      }
    }
  }
}
