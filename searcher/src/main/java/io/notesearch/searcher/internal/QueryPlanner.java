package io.notesearch.searcher.internal;

import io.notesearch.searcher.SearchRequest;
import io.notesearch.searcher.analysis.NoteAnalyzers;
import io.notesearch.searcher.schema.IndexSchema;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.CombinedFieldQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.QueryBuilder;

/**
 * Turns query text into Lucene queries: the matching query (every word, or any word as a fallback),
 * ranking boosts, filters, and the query whose terms snippets mark. Not API.
 */
public final class QueryPlanner {
  /** Slop of the proximity boost: words this close count as near each other. */
  private static final int NEAR_SLOP = 3;

  /** Weight of the proximity boost relative to the exact phrase boost. */
  private static final float NEAR_BOOST = 0.3f;

  private static final Map<String, Float> PHRASE_BOOSTS =
      Map.of(IndexSchema.HEADING, 3f, IndexSchema.TITLE, 2f, IndexSchema.BODY, 1.5f);

  /** Weight of the all-words ranking clause next to the required words. */
  private static final float OPTIONAL_BOOST = 0.5f;

  private static final String[] COMPOUND_FIELDS = {
    IndexSchema.HEADING, IndexSchema.TITLE, IndexSchema.BODY
  };

  private final NoteAnalyzers analyzers;

  /**
   * Creates a planner.
   *
   * @param analyzers the analysis chains of the index
   */
  public QueryPlanner(NoteAnalyzers analyzers) {
    this.analyzers = analyzers;
  }

  /** A query ready to run: what must match, and what only ranks. */
  public record Plan(Query match, Query rank, Query filter, Query highlight, Set<String> terms) {
    // highlight: the same words and synonym paths as match, on the body field only, every word
    // optional; with weighted matches, a multi-word synonym is marked only where all its words are.
    /** The full query: match, boosted by rank, restricted by filter. */
    public Query full() {
      BooleanQuery.Builder b = new BooleanQuery.Builder().add(match, Occur.MUST);
      if (rank != null) {
        b.add(rank, Occur.SHOULD);
      }
      if (filter != null) {
        b.add(filter, Occur.FILTER);
      }
      return b.build();
    }
  }

  /**
   * Normalises what the user typed: NFC (macOS input is NFD), control characters to spaces, cut to
   * {@link SearchRequest#MAX_QUERY_LENGTH}.
   */
  public static String clean(String text) {
    String nfc = Normalizer.normalize(text, Normalizer.Form.NFC);
    StringBuilder out = new StringBuilder(Math.min(nfc.length(), SearchRequest.MAX_QUERY_LENGTH));
    for (int i = 0; i < nfc.length() && out.length() < SearchRequest.MAX_QUERY_LENGTH; i++) {
      char c = nfc.charAt(i);
      out.append(Character.isISOControl(c) ? ' ' : c);
    }
    return out.toString().strip();
  }

  /**
   * Plans a request.
   *
   * @param request the request
   * @param allWords whether every word must match (else any word)
   * @return the plan, or null when the text has no searchable word
   */
  public Plan plan(SearchRequest request, boolean allWords) {
    String text = clean(request.query());
    if (text.isEmpty()) {
      return null;
    }
    Occur occur = allWords ? Occur.MUST : Occur.SHOULD;
    CombinedFieldsBuilder every = new CombinedFieldsBuilder(analyzers.query());
    Query match = new CombinedFieldsBuilder(analyzers.queryContent()).createBooleanQuery("_", text, occur);
    Query optional = null;
    if (match == null) {
      // Only verbs, adverbs or stop words ("안 됨"): require them after all.
      match = every.createBooleanQuery("_", text, occur);
    } else {
      optional = every.createBooleanQuery("_", text, Occur.SHOULD);
    }
    if (match == null) {
      return null;
    }
    Set<String> terms = terms(analyzers.query(), text);
    Query highlight = new QueryBuilder(analyzers.query()).createBooleanQuery(IndexSchema.BODY, text, Occur.SHOULD);
    return new Plan(match, rank(text, terms, optional), filter(request), highlight, terms);
  }

  private Query rank(String text, Set<String> terms, Query optional) {
    BooleanQuery.Builder b = new BooleanQuery.Builder();
    QueryBuilder phrases = new QueryBuilder(analyzers.queryPlain());
    int clauses = 0;
    if (optional != null) {
      // Every word, verbs and adverbs included, counts for ranking (at half weight: the required
      // words are in it too).
      b.add(new BoostQuery(optional, OPTIONAL_BOOST), Occur.SHOULD);
      clauses++;
    }
    if (terms.size() > 1) {
      // The words as typed, in order, count most; the same words near each other count a little.
      for (Map.Entry<String, Float> e : PHRASE_BOOSTS.entrySet()) {
        Query exact = phrases.createPhraseQuery(e.getKey(), text, 0);
        Query near = phrases.createPhraseQuery(e.getKey(), text, NEAR_SLOP);
        if (exact != null && !(exact instanceof TermQuery)) {
          b.add(new BoostQuery(exact, e.getValue()), Occur.SHOULD);
          b.add(new BoostQuery(near, e.getValue() * NEAR_BOOST), Occur.SHOULD);
          clauses += 2;
        }
      }
    }
    Set<String> plain = terms(analyzers.queryPlain(), text);
    for (String compound : terms(analyzers.compounds(), text)) {
      if (!plain.contains(compound)) {
        // The user typed a compound that the query was split into parts for; reward the exact form.
        List<Query> any = new ArrayList<>();
        for (String field : COMPOUND_FIELDS) {
          any.add(new TermQuery(new Term(field, compound)));
        }
        b.add(new BoostQuery(new DisjunctionMaxQuery(any, 0f), 2f), Occur.SHOULD);
        clauses++;
      }
    }
    return clauses == 0 ? null : b.build();
  }

  private static Query filter(SearchRequest request) {
    BooleanQuery.Builder b = new BooleanQuery.Builder();
    boolean any = false;
    if (!request.drafts()) {
      b.add(new TermQuery(new Term(IndexSchema.DRAFT, "false")), Occur.FILTER);
      any = true;
    }
    for (String tag : request.tags()) {
      b.add(new TermQuery(new Term(IndexSchema.TAG, tag)), Occur.FILTER);
      any = true;
    }
    if (!request.category().isEmpty()) {
      b.add(new TermQuery(new Term(IndexSchema.CATEGORY, request.category())), Occur.FILTER);
      any = true;
    }
    if (request.from() != null || request.to() != null) {
      long lo = request.from() == null ? Long.MIN_VALUE : request.from().toEpochDay();
      long hi = request.to() == null ? Long.MAX_VALUE : request.to().toEpochDay();
      b.add(LongPoint.newRangeQuery(IndexSchema.DATE, lo, hi), Occur.FILTER);
      any = true;
    }
    return any ? b.build() : null;
  }

  /** The distinct terms an analyzer makes of the text, synonyms included. */
  static Set<String> terms(Analyzer analyzer, String text) {
    Set<String> out = new LinkedHashSet<>();
    try (TokenStream ts = analyzer.tokenStream("_", text)) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      ts.reset();
      while (ts.incrementToken()) {
        out.add(term.toString());
      }
      ts.end();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }

  /**
   * A QueryBuilder whose every term is searched in all weighted fields at once (BM25F), so that "all
   * words" means all words in the section, whichever field each one is in.
   */
  private static final class CombinedFieldsBuilder extends QueryBuilder {
    CombinedFieldsBuilder(Analyzer analyzer) {
      super(analyzer);
      setAutoGenerateMultiTermSynonymsPhraseQuery(false);
    }

    @Override
    protected Query newTermQuery(Term term, float boost) {
      Query q = combined(term.text());
      return boost == 1f ? q : new BoostQuery(q, boost);
    }

    @Override
    protected Query newSynonymQuery(String field, TermAndBoost[] terms) {
      List<Query> alternatives = new ArrayList<>(terms.length);
      for (TermAndBoost t : terms) {
        Query q = combined(t.term().utf8ToString());
        alternatives.add(t.boost() == 1f ? q : new BoostQuery(q, t.boost()));
      }
      return new DisjunctionMaxQuery(alternatives, 0.1f);
    }

    /**
     * One term, scored as the better of section BM25F and note BM25F (plus a little of the other):
     * a word the note's title already says is context that every section of the note shares, so it
     * counts the same for all of them and the remaining words pick the section.
     */
    private static Query combined(String text) {
      return new DisjunctionMaxQuery(
          List.of(
              fields(text, IndexSchema.SECTION_WEIGHTS),
              new BoostQuery(fields(text, IndexSchema.NOTE_WEIGHTS), IndexSchema.NOTE_BOOST)),
          IndexSchema.NOTE_TIE);
    }

    private static Query fields(String text, Map<String, Float> weights) {
      CombinedFieldQuery.Builder b = new CombinedFieldQuery.Builder(text);
      for (Map.Entry<String, Float> e : weights.entrySet()) {
        b.addField(e.getKey(), e.getValue());
      }
      return b.build();
    }
  }
}
