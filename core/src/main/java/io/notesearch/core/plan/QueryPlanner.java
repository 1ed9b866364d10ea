package io.notesearch.core.plan;

import io.notesearch.core.SearchRequest;
import io.notesearch.core.analysis.Hangul;
import io.notesearch.core.analysis.NoteAnalyzers;
import io.notesearch.core.query.QueryNode;
import io.notesearch.core.query.QueryParser;
import io.notesearch.core.schema.IndexSchema;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.RegexpQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.WildcardQuery;
import org.apache.lucene.util.QueryBuilder;
import org.apache.lucene.util.automaton.Operations;
import org.apache.lucene.util.automaton.RegExp;

/**
 * Turns query text into Lucene queries: the matching query (every word, or any word as a fallback),
 * ranking boosts, filters, and the query whose terms snippets mark. Not API.
 */
public final class QueryPlanner {
  /**
   * How many of the best candidates a plan's ranking boosts ({@link Plan#rank()}) reorder, in every
   * backend: the boosts cost as much as the match, and only change the order near the top.
   */
  public static final int RESCORE_WINDOW = 100;

  /**
   * Slop of the ranking phrases: the words as typed count fully, and less the further apart they
   * stand (a sloppy phrase's frequency is 1 / (1 + moves): one word between them counts half).
   */
  private static final int NEAR_SLOP = 3;

  /**
   * Weights of the ranking phrase per field. One sloppy phrase per field, not an exact one plus a
   * sloppy one (weights 3, 2, 1.5 and 0.3 of those): the sloppy phrase already ranks the exact order
   * first, and the pair walked the same positions twice (10k generated notes: warm p50 0.75 → 0.66
   * ms; judged MRR@10 0.981 → 0.984).
   */
  private static final Map<String, Float> PHRASE_BOOSTS =
      Map.of(IndexSchema.HEADING, 3.9f, IndexSchema.TITLE, 2.6f, IndexSchema.BODY, 1.95f);

  /**
   * What a title that is the query adds to a section's score, and a heading that is: above what a
   * few mentions of a word in a short section score (a section's word scores are around 0.1–0.5).
   */
  static final float TITLE_MATCH = 0.5f;

  static final float HEADING_MATCH = 0.3f;

  /** Weight of the all-words ranking clause next to the required words. */
  private static final float OPTIONAL_BOOST = 0.5f;

  /** Fields a phrase, prefix or fuzzy word is looked for in. */
  private static final List<String> TEXT_FIELDS =
      List.of(IndexSchema.HEADING, IndexSchema.PARENTS, IndexSchema.TITLE, IndexSchema.TAGS_TEXT, IndexSchema.BODY, IndexSchema.CODE);

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

  /**
   * A query ready to run.
   *
   * @param match what a section must match
   * @param rank boosts that only reorder the best candidates (phrases, exact compounds), or null
   * @param filter drafts, tags, category and dates, or null: its clauses (filters and exclusions)
   *     join the match query's own, so that a filter matching almost every section is not a second
   *     conjunction to walk
   * @param highlights makes the same words and synonym paths as match on the body field, every
   *     word optional ({@link #highlight()}): only a search that shows snippets analyses the text for it
   */
  public record Plan(Query match, Query rank, BooleanQuery filter, Supplier<Query> highlights) {
    /**
     * {@return what snippets mark: the same words and synonym paths as match on the body field,
     * every word optional; with weighted matches a multi-word synonym is marked only where all its
     * words are}
     */
    public Query highlight() {
      return highlights.get();
    }

    /** Checks that the filter's clauses can join the match query's: filters and exclusions only. */
    public Plan {
      if (filter != null && (filter.getMinimumNumberShouldMatch() != 0
          || filter.clauses().stream().map(LuceneApi::occur).anyMatch(o -> o != Occur.FILTER && o != Occur.MUST_NOT))) {
        throw new IllegalArgumentException("a plan's filter has FILTER and MUST_NOT clauses only: " + filter);
      }
    }

    /** What finds the candidates: match restricted by filter, without the ranking boosts. */
    public Query candidates() {
      BooleanQuery.Builder b = new BooleanQuery.Builder().add(match, Occur.MUST);
      addFilter(b);
      return b.build();
    }

    /** The full query: match, boosted by rank, restricted by filter. */
    public Query full() {
      BooleanQuery.Builder b = new BooleanQuery.Builder().add(match, Occur.MUST);
      if (rank != null) {
        b.add(rank, Occur.SHOULD);
      }
      addFilter(b);
      return b.build();
    }

    private void addFilter(BooleanQuery.Builder b) {
      if (filter != null) {
        filter.clauses().forEach(b::add);
      }
    }
  }

  /**
   * Leaves drafts out. An exclusion of the few drafts, not a filter on the many other sections: a
   * filter that matches nearly everything is one more posting list walked beside the words, and it
   * made a warm query up to twice as slow.
   */
  public static BooleanClause notDrafts() {
    return new BooleanClause(new TermQuery(new Term(IndexSchema.DRAFT, "true")), Occur.MUST_NOT);
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

  /** Whether a query's plain words must all match, or any of them (the fallback when none has all). */
  public enum Words {
    /** Every plain word must match: the default reading of a query. */
    ALL,
    /** Any plain word may match, more of them ranking higher. */
    ANY
  }

  /**
   * A query as typed, cleaned and parsed once: every attempt at it (every word, then any word) plans
   * from the same tree.
   *
   * @param text the cleaned text ({@link #clean})
   * @param root its syntax tree, or null when it has no searchable word
   */
  public record Parsed(String text, QueryNode root) {
    /**
     * {@return whether the query is plain words only (consonant-only words count: {@code ㄴㅅㅁㅎㄷ}
     * may be {@code stage} typed in Korean mode), so that an any-word fallback or a keyboard-layout
     * switch makes sense}
     */
    public boolean plainWords() {
      if (root instanceof QueryNode.And and) {
        return and.nodes().stream().allMatch(n -> n instanceof QueryNode.Text || n instanceof QueryNode.Initials);
      }
      return root == null || root instanceof QueryNode.Text || root instanceof QueryNode.Initials;
    }
  }

  /**
   * Cleans and parses what the user typed.
   *
   * @param query the query as typed
   * @return the parsed query
   * @throws io.notesearch.core.QuerySyntaxException when the query names a field wrongly or an
   *     impossible date
   */
  public static Parsed parse(String query) {
    String cleaned = clean(query);
    return new Parsed(cleaned, QueryParser.parse(cleaned));
  }

  /**
   * Plans a request, parsing its query.
   *
   * @param request the request
   * @param words whether every plain word must match, or any
   * @return the plan, or null when the text has no searchable word
   * @throws io.notesearch.core.QuerySyntaxException when the query names a field wrongly
   *     or an impossible date
   */
  public Plan plan(SearchRequest request, Words words) {
    return plan(parse(request.query()), request, words);
  }

  /**
   * Plans a parsed query with a request's filters.
   *
   * @param query the parsed query
   * @param request the filters (drafts, tags, category, dates); its query text is not read
   * @param words whether every plain word must match, or any
   * @return the plan, or null when the query has no searchable word
   */
  public Plan plan(Parsed query, SearchRequest request, Words words) {
    QueryNode root = query.root();
    if (root == null) {
      return null;
    }
    Build build = new Build(words);
    Query match = build.node(root);
    if (match == null) {
      return null;
    }
    List<Supplier<Query>> marks = build.highlight;
    Supplier<Query> highlight = () -> {
      BooleanQuery.Builder b = new BooleanQuery.Builder();
      marks.stream().map(Supplier::get).filter(java.util.Objects::nonNull).forEach(q -> b.add(q, Occur.SHOULD));
      return b.build();
    };
    BooleanQuery.Builder rank = new BooleanQuery.Builder();
    build.rank.forEach(q -> rank.add(q, Occur.SHOULD));
    return new Plan(match, build.rank.isEmpty() ? null : rank.build(), filter(request), highlight);
  }

  /**
   * The query with its last word made a prefix ({@code 로드 밸} → {@code 로드 밸*}), as the search page
   * sends a word still being typed; null when the last word is one Latin letter or digit, which
   * starts too many words to mean one, or already ends in {@code *}.
   *
   * @param cleaned plain words, {@link #clean cleaned}
   */
  public static String completeLastWord(String cleaned) {
    String text = cleaned.strip();
    String last = text.substring(text.lastIndexOf(' ') + 1); // clean() made every control char a space
    if (last.isEmpty() || last.endsWith("*") || (last.length() < 2 && !Hangul.isSyllable(last.charAt(0)))) {
      return null;
    }
    return text + "*";
  }

  /** Builds the Lucene query of a parsed query, collecting ranking and highlighting parts on the way. */
  private final class Build {
    private final Words words;
    final List<Query> rank = new ArrayList<>();
    /** What snippets mark, made only when asked for (the text analysed again for the body field). */
    final List<Supplier<Query>> highlight = new ArrayList<>();

    Build(Words words) {
      this.words = words;
    }

    Query node(QueryNode node) {
      return switch (node) {
        case QueryNode.Text t -> text(t.text());
        case QueryNode.Phrase p -> phrase(p.text());
        case QueryNode.Prefix p -> prefix(p.prefix());
        case QueryNode.Fuzzy f -> fuzzy(f.word(), f.edits());
        case QueryNode.Field f -> field(f);
        case QueryNode.Dates d -> LongPoint.newRangeQuery(IndexSchema.DATE,
            d.from() == null ? Long.MIN_VALUE : d.from().toEpochDay(), d.to() == null ? Long.MAX_VALUE : d.to().toEpochDay());
        case QueryNode.Initials i -> initials(i.consonants());
        case QueryNode.Not n -> {
          Query inner = node(n.node());
          yield inner == null ? null : new BooleanQuery.Builder().add(new MatchAllDocsQuery(), Occur.MUST).add(inner, Occur.MUST_NOT).build();
        }
        case QueryNode.And a -> group(a.nodes(), Occur.MUST);
        case QueryNode.Or o -> group(o.nodes(), Occur.SHOULD);
      };
    }

    private Query group(List<QueryNode> nodes, Occur occur) {
      BooleanQuery.Builder b = new BooleanQuery.Builder();
      boolean positive = false;
      int clauses = 0;
      for (QueryNode n : nodes) {
        if (n instanceof QueryNode.Not not && occur == Occur.MUST) {
          Query inner = node(not.node());
          if (inner != null) {
            b.add(inner, Occur.MUST_NOT);
            clauses++;
          }
          continue;
        }
        Query q = node(n);
        if (q != null) {
          b.add(q, occur);
          positive = true;
          clauses++;
        }
      }
      if (clauses == 0) {
        return null;
      }
      if (!positive) {
        b.add(new MatchAllDocsQuery(), Occur.MUST); // only exclusions: everything else
      }
      return b.build();
    }

    /** Plain words: nouns required (all, or any as a fallback), every word ranks, phrases rank higher. */
    private Query text(String typed) {
      String text = shorten(typed);
      Occur occur = words == Words.ALL ? Occur.MUST : Occur.SHOULD;
      CombinedFieldsBuilder every = new CombinedFieldsBuilder(analyzers.query());
      Query match = new CombinedFieldsBuilder(analyzers.queryContent()).createBooleanQuery("_", text, occur);
      Query all = every.createBooleanQuery("_", text, occur);
      Query optional = null;
      if (match == null) {
        // Only verbs, adverbs or stop words ("안 됨"): require them after all.
        match = all;
      } else if (!match.equals(all)) {
        // Verbs or adverbs were left out of what must match: they still count for ranking.
        optional = every.createBooleanQuery("_", text, Occur.SHOULD);
      }
      if (match == null) {
        return null;
      }
      if (words == Words.ANY) {
        match = eachWordToo(match, text);
      }
      Query boosts = rank(text, optional);
      if (boosts != null) {
        rank.add(boosts);
      }
      Query exact = titleOrHeading(typed);
      if (exact != null) {
        rank.add(exact);
      }
      highlight.add(() -> new QueryBuilder(analyzers.query()).createBooleanQuery(IndexSchema.BODY, text, Occur.SHOULD));
      return match;
    }

    /**
     * The note titled, or the section headed, exactly what was typed (or a glossary synonym of it):
     * the strongest evidence a notes folder has. A link log that mentions the word three times in a
     * short paragraph otherwise outscored the note called Docker.
     */
    private Query titleOrHeading(String typed) {
      String key = IndexSchema.key(typed);
      if (key.isEmpty()) {
        return null;
      }
      BooleanQuery.Builder b = new BooleanQuery.Builder();
      for (String synonym : analyzers.glossary().synonymsOf(key)) {
        String k = IndexSchema.key(synonym);
        b.add(new BoostQuery(new ConstantScoreQuery(new TermQuery(new Term(IndexSchema.TITLE_KEY, k))), TITLE_MATCH), Occur.SHOULD);
        b.add(new BoostQuery(new ConstantScoreQuery(new TermQuery(new Term(IndexSchema.HEADING_KEY, k))), HEADING_MATCH), Occur.SHOULD);
      }
      return b.build();
    }

    /**
     * Any word: the words of a multi-word synonym ({@code 오토 스케일링} is {@code auto scaling}) count
     * one by one too. Analysed together they are one alternative of the synonym group, all its
     * words required, so a note with {@code 스케일링} alone matched no word at all.
     */
    private Query eachWordToo(Query whole, String text) {
      String[] words = text.strip().split("\\s+");
      if (words.length < 2) {
        return whole;
      }
      // A word whose query is already a clause of the whole counts twice: measured, that ranked the
      // judged fallback queries better than once (one section hit@1 less when not added again).
      BooleanQuery.Builder b = new BooleanQuery.Builder().add(whole, Occur.SHOULD);
      CombinedFieldsBuilder content = new CombinedFieldsBuilder(analyzers.queryContent());
      for (String word : words) {
        Query q = content.createBooleanQuery("_", word, Occur.SHOULD);
        if (q != null) {
          b.add(q, Occur.SHOULD);
          // And the snippet marks it where it stands alone.
          highlight.add(() -> new QueryBuilder(analyzers.query()).createBooleanQuery(IndexSchema.BODY, word, Occur.SHOULD));
        }
      }
      return b.build();
    }

    /** Exact words in order, in any text field. */
    private Query phrase(String text) {
      QueryBuilder builder = new QueryBuilder(analyzers.queryPlain());
      List<Query> fields = new ArrayList<>();
      for (String field : TEXT_FIELDS) {
        Query q = builder.createPhraseQuery(field, text, 0);
        if (q != null) {
          fields.add(q);
          if (field.equals(IndexSchema.BODY)) {
            highlight.add(() -> q);
          }
        }
      }
      return fields.isEmpty() ? null : new DisjunctionMaxQuery(fields, 0.1f);
    }

    /**
     * Words starting with the prefix; a trailing lone consonant ({@code 람ㄷ}) means any syllable
     * starting with it. Every such word matches; the {@link #PREFIX_RANKED} most used of them also
     * score, so that sections that use the words more, or in a heading, come first.
     */
    private Query prefix(String typed) {
      String lower = typed.toLowerCase(Locale.ROOT);
      boolean unfinished = Hangul.endsWithLoneConsonant(lower);
      List<Query> fields = new ArrayList<>();
      for (String field : TEXT_FIELDS) {
        Term term = new Term(field, unfinished ? Hangul.prefixRegexp(lower) : lower);
        Query every = unfinished ? new RegexpQuery(term, RegExp.NONE) : new PrefixQuery(term);
        Query ranked = unfinished
            ? new RegexpQuery(term, RegExp.NONE, 0, RegexpQuery.DEFAULT_PROVIDER, Operations.DEFAULT_DETERMINIZE_WORK_LIMIT,
                LuceneApi.mostUsedTerms(PREFIX_RANKED))
            : new PrefixQuery(term, LuceneApi.mostUsedTerms(PREFIX_RANKED));
        fields.add(new BooleanQuery.Builder().add(every, Occur.FILTER).add(ranked, Occur.SHOULD).build());
        if (field.equals(IndexSchema.BODY)) {
          highlight.add(() -> every);
        }
      }
      return new DisjunctionMaxQuery(fields, 0f);
    }

    /** Words within {@code edits} edits of the word as typed. */
    private Query fuzzy(String word, int edits) {
      List<Query> fields = new ArrayList<>();
      for (String term : terms(analyzers.queryPlain(), word)) {
        List<Query> perField = new ArrayList<>();
        for (String field : TEXT_FIELDS) {
          Query q = new FuzzyQuery(new Term(field, term), Math.min(edits, FuzzyQuery.defaultMaxEdits), term.length() > 3 ? 1 : 0);
          perField.add(q);
          if (field.equals(IndexSchema.BODY)) {
            highlight.add(() -> q);
          }
        }
        fields.add(new DisjunctionMaxQuery(perField, 0.1f));
      }
      if (fields.isEmpty()) {
        return null;
      }
      BooleanQuery.Builder b = new BooleanQuery.Builder();
      fields.forEach(q -> b.add(q, Occur.MUST));
      return b.build();
    }

    private Query field(QueryNode.Field f) {
      String value = f.value();
      return switch (f.field()) {
        case TITLE -> analysed(List.of(IndexSchema.TITLE), value);
        case HEADING -> analysed(List.of(IndexSchema.HEADING, IndexSchema.PARENTS), value);
        case CODE -> analysed(List.of(IndexSchema.CODE), value);
        case TAG -> new TermQuery(new Term(IndexSchema.TAG, value.toLowerCase(Locale.ROOT)));
        case CATEGORY -> new TermQuery(new Term(IndexSchema.CATEGORY, value.toLowerCase(Locale.ROOT)));
        case PATH -> path(value);
        case DATE -> throw new IllegalStateException("dates are parsed to QueryNode.Dates");
      };
    }

    /**
     * Paths containing the value. A path is kept as the file system gives it, and macOS gives Hangul
     * file names decomposed (NFD) while a query is composed (NFC): both forms are looked for.
     */
    private Query path(String value) {
      String nfc = Normalizer.normalize(value, Normalizer.Form.NFC);
      String nfd = Normalizer.normalize(value, Normalizer.Form.NFD);
      Query composed = new WildcardQuery(new Term(IndexSchema.PATH, "*" + escapeWildcards(nfc) + "*"));
      if (nfd.equals(nfc)) {
        return composed;
      }
      return new BooleanQuery.Builder()
          .add(composed, Occur.SHOULD)
          .add(new WildcardQuery(new Term(IndexSchema.PATH, "*" + escapeWildcards(nfd) + "*")), Occur.SHOULD)
          .build();
    }

    /** Every word of the value in one of the fields (synonyms included). */
    private Query analysed(List<String> fields, String value) {
      List<Query> alternatives = new ArrayList<>();
      for (String field : fields) {
        Query q = new QueryBuilder(analyzers.query()).createBooleanQuery(field, value, Occur.MUST);
        if (q != null) {
          alternatives.add(q);
        }
      }
      return alternatives.isEmpty() ? null : new DisjunctionMaxQuery(alternatives, 0.1f);
    }

    /** 초성: headings whose words start with these consonants, the section's own heading first. */
    private Query initials(String consonants) {
      // A word whose own consonants these are ranks above one they only start: ㅇㅈㅂ is 옵저버
      // before 유지보수 (ㅇㅈㅂㅅ), in the section's heading most, in its title or tags next.
      String word = IndexSchema.WHOLE_WORD_INITIALS + consonants;
      rank.add(new DisjunctionMaxQuery(List.of(
          new BoostQuery(new ConstantScoreQuery(new TermQuery(new Term(IndexSchema.HEADING_INITIALS, word))), TITLE_MATCH),
          new BoostQuery(new ConstantScoreQuery(new TermQuery(new Term(IndexSchema.INITIALS, word))), HEADING_MATCH)), 0f));
      return new DisjunctionMaxQuery(List.of(
          new BoostQuery(new PrefixQuery(new Term(IndexSchema.HEADING_INITIALS, consonants)), 2f),
          new PrefixQuery(new Term(IndexSchema.INITIALS, consonants))), 0f);
    }
  }

  /** How many of the words a prefix matches score ({@link MostUsedTerms}): the most used ones. */
  static final int PREFIX_RANKED = 16;

  /** Longest run of plain words analysed, in words and chars: nobody types more, and Lucene caps clauses. */
  static final int MAX_WORDS = 32;

  static final int MAX_TEXT_CHARS = 200;

  /** The first {@link #MAX_WORDS} words, at most {@link #MAX_TEXT_CHARS} chars. */
  static String shorten(String text) {
    String[] words = text.strip().split("\\s+");
    String kept = words.length <= MAX_WORDS ? text : String.join(" ", java.util.Arrays.copyOf(words, MAX_WORDS));
    return kept.length() <= MAX_TEXT_CHARS ? kept : kept.substring(0, MAX_TEXT_CHARS);
  }

  private static String escapeWildcards(String value) {
    return value.replace("\\", "\\\\").replace("*", "\\*").replace("?", "\\?");
  }

  private Query rank(String text, Query optional) {
    BooleanQuery.Builder b = new BooleanQuery.Builder();
    QueryBuilder phrases = new QueryBuilder(analyzers.queryPlain());
    int clauses = 0;
    if (optional != null) {
      // Every word, verbs and adverbs included, counts for ranking (at half weight: the required
      // words are in it too).
      b.add(new BoostQuery(optional, OPTIONAL_BOOST), Occur.SHOULD);
      clauses++;
    }
    // The plain analyzer does not depend on the field: the text is analysed once for the words and
    // the three phrases below.
    Query phrase = phrases.createPhraseQuery(ANY_FIELD, text, 0);
    Set<String> plain = switch (phrase) {
      case null -> Set.of();
      case PhraseQuery p -> java.util.Arrays.stream(p.getTerms()).map(Term::text).collect(java.util.stream.Collectors.toCollection(LinkedHashSet::new));
      case TermQuery t -> Set.of(t.getTerm().text());
      default -> terms(analyzers.queryPlain(), text); // stacked tokens: a MultiPhraseQuery
    };
    if (plain.size() > 1) {
      // The words as typed, in order, count most; the same words near each other count less.
      for (Map.Entry<String, Float> e : PHRASE_BOOSTS.entrySet()) {
        Query near = inField(phrase, e.getKey(), NEAR_SLOP);
        if (near == null) {
          near = phrases.createPhraseQuery(e.getKey(), text, NEAR_SLOP);
        }
        if (near != null && !(near instanceof TermQuery)) {
          b.add(new BoostQuery(near, e.getValue()), Occur.SHOULD);
          clauses++;
        }
      }
    }
    for (String compound : terms(analyzers.compounds(), text)) {
      if (!plain.contains(compound) && !analyzers.ranksOnly(compound)) {
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

  /** The field name phrases are first built with, before {@link #inField} moves them. */
  private static final String ANY_FIELD = "_";

  /**
   * A phrase built on {@link #ANY_FIELD}, in another field and with another slop; null for any
   * other query (stacked tokens make a MultiPhraseQuery, one word a TermQuery): the caller then
   * analyses again.
   */
  static Query inField(Query phrase, String field, int slop) {
    if (!(phrase instanceof PhraseQuery p)) {
      return null;
    }
    PhraseQuery.Builder b = new PhraseQuery.Builder().setSlop(slop);
    Term[] terms = p.getTerms();
    int[] positions = p.getPositions();
    for (int i = 0; i < terms.length; i++) {
      b.add(new Term(field, terms[i].bytes()), positions[i]);
    }
    return b.build();
  }

  private static BooleanQuery filter(SearchRequest request) {
    BooleanQuery.Builder b = new BooleanQuery.Builder();
    boolean any = false;
    if (!request.drafts()) {
      b.add(notDrafts());
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
    return new LinkedHashSet<>(NoteAnalyzers.terms(analyzer, text));
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
      Query q = LuceneApi.sectionOrNote(term.text());
      return boost == 1f ? q : new BoostQuery(q, boost);
    }

    @Override
    protected Query newSynonymQuery(String field, TermAndBoost[] terms) {
      List<Query> alternatives = new ArrayList<>(terms.length);
      for (TermAndBoost t : terms) {
        Query q = LuceneApi.sectionOrNote(LuceneApi.text(t));
        float boost = LuceneApi.boost(t);
        alternatives.add(boost == 1f ? q : new BoostQuery(q, boost));
      }
      return new DisjunctionMaxQuery(alternatives, 0.1f);
    }

    /**
     * A reading of several words counts as the mean of its words, as one word: it is one concept.
     * Summed, {@code aws partner network} outscored {@code apn} three words to one, and a note's
     * intro that spelt the name out beat the section headed {@code APN이란?} (judged: section hit@1
     * 0.862 → 0.891).
     */
    static Query perWord(Query reading) {
      if (reading instanceof BooleanQuery b && b.clauses().size() > 1) {
        return new BoostQuery(reading, 1f / b.clauses().size());
      }
      return reading;
    }

    /**
     * The readings of a multi-word synonym ({@code 람다} | {@code aws lambda}): the best one counts,
     * each {@link #perWord per word}.
     * Lucene's default sums them, so a section writing both 람다 and Lambda counted the word twice
     * (measured: MRR@10 0.976 → 0.981). No tie-breaker share for the others, unlike one-word
     * synonyms: with one, {@code DisjunctionMaxScorer} passes no minimum competitive score to its
     * readings, so a query that is one such word could skip nothing (로드 밸런서 on 10k notes: 1.0 →
     * 1.3 ms, every one of its 24,321 sections scored); the judged queries measure the same either
     * way.
     */
    @Override
    protected Query newGraphSynonymQuery(java.util.Iterator<Query> queries) {
      List<Query> readings = new ArrayList<>();
      queries.forEachRemaining(q -> readings.add(perWord(q)));
      return readings.size() == 1 ? readings.getFirst() : new DisjunctionMaxQuery(readings, 0f);
    }
  }
}
