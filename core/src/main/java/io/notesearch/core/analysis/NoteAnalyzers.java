package io.notesearch.core.analysis;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.core.FlattenGraphFilter;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.ko.KoreanPartOfSpeechStopFilter;
import org.apache.lucene.analysis.ko.KoreanTokenizer;
import org.apache.lucene.analysis.ko.KoreanTokenizer.DecompoundMode;
import org.apache.lucene.analysis.ko.POS;
import org.apache.lucene.analysis.ko.dict.UserDictionary;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.miscellaneous.WordDelimiterGraphFilter;
import org.apache.lucene.analysis.miscellaneous.WordDelimiterIterator;
import org.apache.lucene.analysis.pattern.PatternTokenizer;
import org.apache.lucene.analysis.synonym.SynonymGraphFilter;
import org.apache.lucene.analysis.synonym.SynonymMap;

/**
 * The analysis chains of notesearch: Nori for Hangul, with the repairs tech notes need.
 *
 * <p>Index side: {@code KoreanTokenizer} (user dictionary, {@link #INDEX_DECOMPOUND}, punctuation
 * kept) → {@link TechTermFilter} (index mode) → {@link PartOfSpeechDropFilter} ({@link #STOP_TAGS}, no position gaps) →
 * lowercase → {@link LightEnglishStemFilter}. Query side: the same with {@link #QUERY_DECOMPOUND},
 * {@link TechTermFilter} in query mode, then the {@link Glossary} as graph synonyms.
 *
 * <p>Instances are immutable and thread-safe; the Nori dictionaries are loaded once per JVM.
 */
public final class NoteAnalyzers {
  /**
   * Compounds are indexed whole and as their parts, so {@code 로드밸런서} is found by {@code 로드
   * 밸런서} and by itself.
   */
  public static final DecompoundMode INDEX_DECOMPOUND = DecompoundMode.MIXED;

  /**
   * Queries are split into parts: a linear token stream, which synonym graphs require; the whole
   * compound is added back as a ranking bonus by the query builder.
   */
  public static final DecompoundMode QUERY_DECOMPOUND = DecompoundMode.DISCARD;

  /**
   * Nori's default stop tags, minus {@code MAG} (adverbs: {@code 안}, {@code 못} carry negation),
   * plus punctuation and the copula, which {@link TechTermFilter} needs to see but the index does not.
   */
  public static final Set<POS.Tag> STOP_TAGS;

  static {
    EnumSet<POS.Tag> tags = EnumSet.noneOf(POS.Tag.class);
    tags.addAll(KoreanPartOfSpeechStopFilter.DEFAULT_STOP_TAGS);
    tags.remove(POS.Tag.MAG);
    tags.addAll(
        EnumSet.of(POS.Tag.SF, POS.Tag.SY, POS.Tag.SC, POS.Tag.SE, POS.Tag.SSO, POS.Tag.SSC,
            POS.Tag.SP, POS.Tag.VCP));
    STOP_TAGS = Set.copyOf(tags);
  }

  /**
   * What a query word must be to be required: {@link #STOP_TAGS} plus verbs, adjectives, adverbs,
   * determiners and interjections are dropped, so {@code 람다는 어떻게 과금되나} requires {@code 람다}
   * and {@code 과금} while {@code 어떻게} and {@code 되} only help ranking.
   */
  public static final Set<POS.Tag> NON_CONTENT_TAGS;

  static {
    EnumSet<POS.Tag> tags = EnumSet.copyOf(STOP_TAGS);
    tags.addAll(EnumSet.of(POS.Tag.VV, POS.Tag.VA, POS.Tag.VX, POS.Tag.VCN, POS.Tag.MAG, POS.Tag.MM, POS.Tag.IC));
    NON_CONTENT_TAGS = Set.copyOf(tags);
  }

  /**
   * Question words, not required either ({@code ELB가 뭐야} requires {@code ELB}): Nori tags most of
   * them as pronouns, which are content words otherwise ({@code 이것}). {@code 뭐} comes out of Nori as
   * {@code 뭣}. Where one stands next to the word it makes a multi-word glossary term with ({@code vs
   * 코드}, {@code 개념 증명}) it stays: dropped before the synonyms, the term would not be recognised
   * ({@link RankOnlyFilter}, {@link #glossaryPairs}).
   */
  static final Set<String> QUESTION_WORDS = Set.of("뭐", "뭣", "무엇", "무슨", "어디", "언제", "누구", "왜", "어느", "어떤", "얼마",
          // What the searcher wants to know about the topic, not the topic: a section comparing
          // let and const may say 비교, vs or nothing of the kind ("let const 차이").
          "차이", "차이점", "비교", "vs", "장단점", "방법", "사용법", "예제", "예시", "정리", "개념", "이유", "원리", "뜻", "의미", "종류",
          "what", "how", "why", "when", "where", "which", "who", "difference", "differ", "versus", "comparison", "compare",
          "example", "between", "work", "use", "usage",
          // English auxiliaries and pronouns a question is built with, which Lucene's stop list
          // lacks: "how does event loop work" requires event and loop only.
          "do", "does", "did", "can", "could", "should", "would", "i", "my", "we", "you");

  /** The index field that holds code (see IndexSchema.CODE): analysed by {@link #code}. */
  public static final String CODE_FIELD = "code";

  /** The user dictionary shipped with notesearch, on the class path next to this class. */
  public static final String USER_DICTIONARY = "userdict.txt";

  private final Analyzer index;
  private final Analyzer queryPlain;
  private final Analyzer query;
  private final Analyzer compounds;
  private final Analyzer queryContent;
  private static final CharArraySet RANK_ONLY = CharArraySet.unmodifiableSet(new CharArraySet(QUESTION_WORDS, false));

  private final String fingerprint;
  private final DecompoundMode indexDecompound;
  private final Glossary glossary;

  private NoteAnalyzers(String dictionaryText, Glossary glossary, DecompoundMode indexDecompound) {
    this(dictionaryText, glossary, indexDecompound, null);
  }

  private NoteAnalyzers(String dictionaryText, Glossary glossary, DecompoundMode indexDecompound, Path synonymCache) {
    // The built-in dictionary's FST and hashes are made once per JVM, on a preload thread.
    boolean builtIn = dictionaryText.equals(BuiltIn.TEXT);
    UserDictionary dictionary = builtIn ? BuiltIn.dictionary() : parse(dictionaryText);
    this.fingerprint = builtIn && indexDecompound == INDEX_DECOMPOUND
        ? BuiltIn.FINGERPRINT
        : fingerprint(dictionaryText, indexDecompound);
    this.indexDecompound = indexDecompound;
    this.glossary = glossary;
    Analyzer prose = chain(dictionary, indexDecompound, TechTermFilter.Mode.INDEX, STOP_TAGS, null, null);
    this.index = new PerFieldAnalyzerWrapper(prose, Map.of(CODE_FIELD, code(prose)));
    this.queryPlain = chain(dictionary, QUERY_DECOMPOUND, TechTermFilter.Mode.QUERY, STOP_TAGS, null, null);
    this.compounds = chain(dictionary, DecompoundMode.NONE, TechTermFilter.Mode.QUERY, STOP_TAGS, null, null);
    try {
      SynonymMap map = null;
      String key = synonymCache == null ? null : SynonymCache.key(
          builtIn ? BuiltIn.SYNONYM_KEY_PREFIX : SynonymCache.prefix(dictionaryText), glossary.groups());
      if (key != null) {
        map = SynonymCache.load(synonymCache, key);
      }
      if (map == null) {
        map = glossary.toSynonymMap(queryPlain);
        if (key != null) {
          SynonymCache.store(synonymCache, key, map);
        }
      }
      this.query = chain(dictionary, QUERY_DECOMPOUND, TechTermFilter.Mode.QUERY, STOP_TAGS, null, map);
      this.queryContent = chain(dictionary, QUERY_DECOMPOUND, TechTermFilter.Mode.QUERY, NON_CONTENT_TAGS,
          new RankOnly(glossary, queryPlain), map);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Starts loading Nori's dictionaries, the built-in user dictionary and the built-in glossary on
   * background threads and returns at once. They take ~150 ms of CPU at every JVM start (more
   * without the cache of {@link NoriDictionaries}); a command-line process calls this first so that
   * the work overlaps with starting up and opening the index. Harmless to call more than once.
   */
  public static void preload() {
    preloadDictionaries();
  }

  /**
   * Asks for Nori's dictionaries to be kept decoded in a folder, for every analyzer of this JVM;
   * only before they first load (see {@link NoriDictionaries}).
   *
   * @param folder the cache folder, or null for none
   */
  public static void useNoriCache(java.nio.file.Path folder) {
    NoriDictionaries.useCache(folder);
  }

  private static void preloadDictionaries() {
    Thread.ofPlatform().name("nori-token-info").daemon(true).start(NoriDictionaries::tokenInfo);
    // ~1 ms when mapped from the cache (NoriDictionaries); without it the longest load of all.
    Thread.ofPlatform().name("nori-connection-costs").daemon(true).start(NoriDictionaries::connectionCosts);
    Thread.ofPlatform().name("notesearch-built-ins").daemon(true).start(() -> {
      // In the order a search needs them.
      Glossary.builtIn();
      BuiltIn.dictionary();
      NoriDictionaries.unknown();
    });
  }

  /**
   * The shipped user dictionary, parsed once per JVM (building its FST takes ~15 ms at start), and
   * its hashes: SHA-256 in a fresh JVM costs a search another ~10 ms, done here on a preload thread.
   */
  private static final class BuiltIn {
    static final String TEXT = builtInDictionaryText();
    private static final UserDictionary DICTIONARY = parse(TEXT);
    static final String FINGERPRINT = fingerprint(TEXT, INDEX_DECOMPOUND);
    private static final byte[] SYNONYM_KEY_PREFIX = SynonymCache.prefix(TEXT);

    static UserDictionary dictionary() {
      return DICTIONARY;
    }
  }

  /** The analyzers with the built-in user dictionary and glossary. */
  public static NoteAnalyzers standard() {
    return with(Glossary.builtIn());
  }

  /**
   * The analyzers with the built-in user dictionary and the given glossary.
   *
   * @param glossary the synonym groups applied to queries
   */
  public static NoteAnalyzers with(Glossary glossary) {
    return new NoteAnalyzers(BuiltIn.TEXT, glossary, INDEX_DECOMPOUND);
  }

  /**
   * The analyzers with the built-in user dictionary extended by the user's own entries.
   *
   * @param glossary the synonym groups applied to queries
   * @param userDictionary a Nori user dictionary file (same format as the shipped one), or null
   * @throws IOException when the file cannot be read
   * @throws IllegalArgumentException naming the file when an entry is malformed
   */
  public static NoteAnalyzers with(Glossary glossary, Path userDictionary) throws IOException {
    return with(glossary, userDictionary, null);
  }

  /**
   * The analyzers with the user's dictionary, keeping the glossary's synonym map in a folder (an
   * index folder) so that the next process loads it instead of analysing the glossary again.
   *
   * @param glossary the synonym groups applied to queries
   * @param userDictionary a Nori user dictionary file (same format as the shipped one), or null
   * @param synonymCache the folder to keep the map in, or null for none; a folder that cannot be
   *     written only costs the next start the time to build the map
   * @throws IOException when the dictionary file cannot be read
   * @throws IllegalArgumentException naming the file when an entry is malformed
   */
  public static NoteAnalyzers with(Glossary glossary, Path userDictionary, Path synonymCache) throws IOException {
    String text = BuiltIn.TEXT;
    if (userDictionary != null) {
      text = text + "\n" + Files.readString(userDictionary, StandardCharsets.UTF_8);
      try {
        dictionary(text);
      } catch (RuntimeException e) {
        throw new IllegalArgumentException("bad user dictionary [" + userDictionary + "]: " + e.getMessage(), e);
      }
    }
    return new NoteAnalyzers(text, glossary, INDEX_DECOMPOUND, synonymCache);
  }

  /**
   * The analyzers with another index-side decompounding mode: for measuring the choice of {@link
   * #INDEX_DECOMPOUND}, not for use (an index must be searched with the mode it was built with).
   *
   * @param glossary the synonym groups applied to queries
   * @param indexDecompound how Nori splits compounds at index time
   */
  public static NoteAnalyzers withIndexDecompound(Glossary glossary, DecompoundMode indexDecompound) {
    return new NoteAnalyzers(BuiltIn.TEXT, glossary, indexDecompound);
  }

  /** How Nori splits compounds at index time with these analyzers. */
  public DecompoundMode indexDecompound() {
    return indexDecompound;
  }

  /**
   * Identifies what the index side of these analyzers produces (user dictionary and decompounding):
   * an index built with another fingerprint must be rebuilt.
   */
  public String fingerprint() {
    return fingerprint;
  }

  /** Analyzer for every text field of the index. */
  public Analyzer index() {
    return index;
  }

  /** Analyzer for query text, with glossary synonyms as a token graph. */
  public Analyzer query() {
    return query;
  }

  /** Analyzer for query text without synonyms: the terms as typed. */
  public Analyzer queryPlain() {
    return queryPlain;
  }

  /**
   * Analyzer for the words a query requires: nouns, foreign words, numbers (no verbs, adverbs or
   * English stop words), with glossary synonyms.
   */
  public Analyzer queryContent() {
    return queryContent;
  }

  /** {@return the synonym groups the query analysis expands with} */
  public Glossary glossary() {
    return glossary;
  }

  /**
   * Whether a term of {@link #queryPlain} is a question or intent word that only ranks ({@code 뭣},
   * {@code 차이}, {@code how}): {@link #queryContent} leaves it out, unless it stands next to the
   * word it makes a glossary term with ({@code vs 코드}).
   */
  public boolean ranksOnly(String term) {
    return RANK_ONLY.contains(term);
  }

  /** Analyzer that keeps Korean compounds whole, to reward a section that has the exact compound. */
  public Analyzer compounds() {
    return compounds;
  }

  static String builtInDictionaryText() {
    try (InputStream in = NoteAnalyzers.class.getResourceAsStream(USER_DICTIONARY)) {
      if (in == null) {
        throw new IllegalStateException("missing resource [" + USER_DICTIONARY + "] next to " + NoteAnalyzers.class);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static UserDictionary dictionary(String text) {
    return text.equals(BuiltIn.TEXT) ? BuiltIn.dictionary() : parse(text);
  }

  private static UserDictionary parse(String text) {
    try {
      return UserDictionary.open(new StringReader(text));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String fingerprint(String dictionaryText, DecompoundMode indexDecompound) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      sha.update(dictionaryText.getBytes(StandardCharsets.UTF_8));
      sha.update(indexDecompound.name().getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(sha.digest(), 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }

  /**
   * Code: identifiers kept whole and split into their words ({@code getUserById} → {@code
   * getuserbyid}, {@code get}, {@code user}, {@code by}, {@code id}; {@code MAX_RETRY_COUNT} →
   * {@code max_retry_count}, {@code max}, {@code retry}, {@code count}), lowercased. Letters and
   * digits are not split ({@code s3Client} stays {@code s3client}), so {@code s3} and {@code ec2}
   * remain terms. Korean words in comments and strings are analysed as prose ({@link
   * HangulInCodeFilter}): {@code 보존한다} in a comment is found by {@code 보존}.
   */
  private static Analyzer code(Analyzer prose) {
    return new Analyzer() {
      @Override
      protected TokenStreamComponents createComponents(String fieldName) {
        Tokenizer tokenizer = new PatternTokenizer(CODE_TOKEN, 0);
        TokenStream korean = new HangulInCodeFilter(tokenizer, prose);
        // The Korean words come as the text's chain made them (stacked compounds included), marked
        // as keywords: the delimiter filter, which cannot take a token graph, leaves them alone.
        int flags = WordDelimiterGraphFilter.GENERATE_WORD_PARTS | WordDelimiterGraphFilter.GENERATE_NUMBER_PARTS
            | WordDelimiterGraphFilter.SPLIT_ON_CASE_CHANGE | WordDelimiterGraphFilter.PRESERVE_ORIGINAL
            | WordDelimiterGraphFilter.IGNORE_KEYWORDS;
        TokenStream stream = new WordDelimiterGraphFilter(korean, true, WordDelimiterIterator.DEFAULT_WORD_DELIM_TABLE, flags, null);
        stream = new FlattenGraphFilter(stream);
        stream = new LowerCaseFilter(stream);
        return new TokenStreamComponents(tokenizer, stream);
      }
    };
  }

  /** A word with Hangul in it ({@code 함수의}, {@code S3버킷}); no nested repetition, so no backtracking blow-up. */
  private static final String KOREAN_WORD = "[\\p{L}\\p{N}]*[가-힣][\\p{L}\\p{N}]*";

  /**
   * Identifiers and numbers in code, and runs of words with Hangul in them with the spaces between
   * (a comment's sentence is analysed whole: Nori reads a word by its neighbours, {@code 생성} alone
   * at the start comes out as 생 + 성); everything else separates them. Runs are cut at 32 words or
   * dotted parts: Java's regex engine recurses once per repetition of a group, and a line of 1,600
   * Korean words overflowed the indexing thread's stack.
   */
  private static final java.util.regex.Pattern CODE_TOKEN =
      java.util.regex.Pattern.compile(KOREAN_WORD + "(?:[ \\t]+" + KOREAN_WORD + "){0,31}|[\\p{L}\\p{N}_$]+(?:[.][\\p{L}\\p{N}_$]+){0,31}");

  /**
   * The glossary's word pairs in which a question word ({@link #glossaryPairs}) or an English stop
   * word ({@link #glossaryStopPairs}) is kept: found when a query first has such a word, so that
   * making the analyzers, or a query without one, analyses no glossary term.
   */
  private static final class RankOnly {
    private final Glossary glossary;
    private final Analyzer plain;
    private volatile Pairs pairs;

    /** Word pairs of the glossary's terms that keep a question word, and those that keep a stop word. */
    private record Pairs(Set<String> question, Set<String> stop) {}

    RankOnly(Glossary glossary, Analyzer plain) {
      this.glossary = glossary;
      this.plain = plain;
    }

    private Pairs get() {
      Pairs p = pairs;
      if (p == null) {
        synchronized (this) {
          if (pairs == null) {
            pairs = new Pairs(glossaryPairs(glossary, plain), glossaryStopPairs(glossary));
          }
          p = pairs;
        }
      }
      return p;
    }

    Set<String> pairs() {
      return get().question();
    }

    /** As {@link #pairs}, for English stop words: {@code infrastructure as}, {@code as code}. */
    Set<String> stopPairs() {
      return get().stop();
    }
  }

  /** Lucene's English stop words, as strings. */
  static final Set<String> ENGLISH_STOP_WORDS;

  static {
    Set<String> words = new java.util.HashSet<>();
    for (Object o : EnglishAnalyzer.ENGLISH_STOP_WORDS_SET) {
      words.add(new String((char[]) o));
    }
    ENGLISH_STOP_WORDS = Set.copyOf(words);
  }

  /**
   * Adjacent Latin words of the glossary's terms where one is an English stop word, lowercased and
   * joined by a space, as written (the stop words are dropped before stemming): {@code
   * infrastructure as}, {@code as code}, {@code as a}. Without them {@code infrastructure as code}
   * would lose its {@code as}, would not match the glossary's term, and would not find a note saying IaC.
   */
  static Set<String> glossaryStopPairs(Glossary glossary) {
    Set<String> pairs = new java.util.HashSet<>();
    for (List<String> group : glossary.groups()) {
      for (String term : group) {
        String[] words = term.toLowerCase(java.util.Locale.ROOT).strip().split("[^\\p{L}\\p{N}]+");
        for (int i = 0; i + 1 < words.length; i++) {
          String a = words[i];
          String b = words[i + 1];
          if ((ENGLISH_STOP_WORDS.contains(a) || ENGLISH_STOP_WORDS.contains(b)) && !Hangul.hasHangul(a + b)) {
            pairs.add(a + " " + b);
          }
        }
      }
    }
    return Set.copyOf(pairs);
  }

  /**
   * Adjacent words of the glossary's multi-word terms where one is a {@link #QUESTION_WORDS question
   * word}, as the query analysis gives them ({@code work items} is {@code work item}), joined by a
   * space: {@code vs 코드}, {@code cap 정리}, {@code 개념 증명}.
   */
  static Set<String> glossaryPairs(Glossary glossary, Analyzer plain) {
    Set<String> pairs = new java.util.HashSet<>();
    for (List<String> group : glossary.groups()) {
      for (String term : group) {
        String lower = term.toLowerCase(java.util.Locale.ROOT);
        if (!mayHoldQuestionWord(lower)) {
          continue; // most terms: not analysed, which would load Nori's dictionary at first use
        }
        List<String> words = terms(plain, lower);
        for (int i = 0; i + 1 < words.size(); i++) {
          if (QUESTION_WORDS.contains(words.get(i)) || QUESTION_WORDS.contains(words.get(i + 1))) {
            pairs.add(words.get(i) + " " + words.get(i + 1));
          }
        }
      }
    }
    return Set.copyOf(pairs);
  }

  /**
   * Whether a glossary term may hold a question word as one of its words: a Latin word of a term
   * of several words (split at spaces and punctuation) as written or inflected ({@code works}), or
   * a Hangul word holding one, which Nori may split off ({@code 비교분석} is 비교 분석).
   */
  static boolean mayHoldQuestionWord(String lower) {
    String[] raw = lower.strip().split("[^\\p{L}\\p{N}]+"); // pay-as-you-go is four words
    for (String w : raw) {
      for (String q : QUESTION_WORDS) {
        boolean hangul = Hangul.hasHangul(q);
        if (hangul ? w.contains(q)
            : raw.length > 1 && (w.equals(q) || q.length() >= 3 && w.startsWith(q) && w.length() - q.length() <= 3)) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * The terms an analyzer makes of a text, in order, stacked ones (synonyms) included.
   *
   * @param analyzer the analyzer
   * @param text the text
   * @return the terms
   */
  public static List<String> terms(Analyzer analyzer, String text) {
    List<String> out = new java.util.ArrayList<>();
    try (TokenStream ts = analyzer.tokenStream("_", text)) {
      org.apache.lucene.analysis.tokenattributes.CharTermAttribute term =
          ts.addAttribute(org.apache.lucene.analysis.tokenattributes.CharTermAttribute.class);
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

  private static Analyzer chain(
      UserDictionary dictionary,
      DecompoundMode decompound,
      TechTermFilter.Mode techMode,
      Set<POS.Tag> drop,
      RankOnly rankOnly,
      SynonymMap synonyms) {
    return new Analyzer() {
      @Override
      protected TokenStreamComponents createComponents(String fieldName) {
        Tokenizer tokenizer =
            new KoreanTokenizer(
                TokenStream.DEFAULT_TOKEN_ATTRIBUTE_FACTORY, NoriDictionaries.tokenInfo(), NoriDictionaries.unknown(),
                NoriDictionaries.connectionCosts(), dictionary, decompound, false, false);
        TokenStream stream = new TechTermFilter(tokenizer, techMode);
        stream = new PartOfSpeechDropFilter(stream, drop);
        stream = new LowerCaseFilter(stream);
        if (rankOnly != null) {
          // Kept where a glossary term has it: infrastructure as code, software as a service.
          stream = new RankOnlyFilter(stream, ENGLISH_STOP_WORDS, rankOnly::stopPairs);
        }
        stream = LightEnglishStemFilter.wrap(stream);
        if (rankOnly != null) {
          stream = new RankOnlyFilter(stream, QUESTION_WORDS, rankOnly::pairs); // stemmed: examples, differences
        }
        if (synonyms != null && synonyms.fst != null) {
          stream = new SynonymGraphFilter(stream, synonyms, true);
        }
        return new TokenStreamComponents(tokenizer, stream);
      }

      @Override
      protected TokenStream normalize(String fieldName, TokenStream in) {
        return new LowerCaseFilter(in);
      }
    };
  }
}
