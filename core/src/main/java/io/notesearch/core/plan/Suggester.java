package io.notesearch.core.plan;

import io.notesearch.core.analysis.Glossary;
import io.notesearch.core.analysis.Hangul;
import io.notesearch.core.analysis.Transliteration;
import io.notesearch.core.schema.IndexSchema;
import java.io.IOException;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.spell.DirectSpellChecker;
import org.apache.lucene.search.spell.SuggestWord;
import org.apache.lucene.util.ArrayUtil;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.UnicodeUtil;

/**
 * Did-you-mean from the index's own vocabulary: Latin words by Damerau edit distance (Lucene's
 * {@link DirectSpellChecker}), Hangul words by edit distance over jamo, so that one wrong vowel or
 * final consonant is one edit ({@code 람따} → {@code 람다}), not one syllable. Not API.
 */
public final class Suggester {
  /** Fields whose vocabulary corrections come from. */
  private static final List<String> FIELDS = List.of(IndexSchema.BODY, IndexSchema.HEADING, IndexSchema.TITLE);

  /**
   * Hangul words differing by more jamo than this are not suggested; words of two syllables by
   * more than one ({@code 오토} is two jamo from {@code 외}, half the word). Single syllables are
   * never corrected.
   */
  private static final int MAX_JAMO_EDITS = 2;

  private final Analyzer analyzer;
  private final Glossary glossary;
  private volatile GlossaryWords glossaryWords;

  /**
   * Creates a suggester.
   *
   * @param analyzer the plain query analyzer, to tell which words the index lacks
   * @param glossary synonym groups: their Hangul terms are candidates too
   */
  public Suggester(Analyzer analyzer, Glossary glossary) {
    this.analyzer = analyzer;
    this.glossary = glossary;
  }

  /**
   * The glossary's words, made on the first correction (not at every start).
   *
   * @param terms every term, lowercase, as written and with its spaces left out: known words
   * @param hangul the Hangul terms of three syllables or more, spaces left out ({@code 로드밸런서}):
   *     candidates. Misspelt, such a word is often cut by Nori into syllables no note has ({@code
   *     로드벨런서} is 로드 벨 런), and a note writing it with a space has no whole word to compare it with.
   */
  private record GlossaryWords(java.util.Set<String> terms, List<String> hangul) {}

  private GlossaryWords glossaryWords() {
    GlossaryWords words = glossaryWords;
    if (words == null) {
      java.util.Set<String> terms = new java.util.HashSet<>();
      java.util.Set<String> hangul = new java.util.LinkedHashSet<>();
      for (List<String> group : glossary.groups()) {
        for (String term : group) {
          String joined = term.replace(" ", "");
          terms.add(term);
          terms.add(joined);
          if (joined.length() >= 3 && joined.chars().allMatch(c -> Hangul.isSyllable((char) c))) {
            hangul.add(joined);
          }
        }
      }
      words = new GlossaryWords(java.util.Set.copyOf(terms), List.copyOf(hangul));
      glossaryWords = words; // two threads may both make it: the same value
    }
    return words;
  }

  /**
   * The query with each word the index lacks replaced by the closest word it has, or null when
   * every word is known or none has a close match.
   *
   * @param reader the index
   * @param query plain words as typed
   */
  public String correct(IndexReader reader, String query) throws IOException {
    String[] words = query.strip().split("\\s+");
    boolean changed = false;
    StringBuilder out = new StringBuilder();
    for (String word : words) {
      String replacement = correctWord(reader, word);
      changed |= replacement != null;
      if (!out.isEmpty()) {
        out.append(' ');
      }
      out.append(replacement == null ? word : replacement);
    }
    return changed ? out.toString() : null;
  }

  /** The closest known word for a word with an unknown term, or null. */
  private String correctWord(IndexReader reader, String word) throws IOException {
    List<String> unknown = new java.util.ArrayList<>();
    for (String term : QueryPlanner.terms(analyzer, word)) {
      if (!known(reader, term)) {
        unknown.add(term);
      }
    }
    // A glossary term is known: the synonyms find it (레디스, 레디스를, where notes say Redis).
    java.util.Set<String> glossaryTerms = glossaryWords().terms();
    unknown.removeIf(glossaryTerms::contains);
    if (unknown.isEmpty() || glossaryTerms.contains(word.toLowerCase(java.util.Locale.ROOT))) {
      return null;
    }
    if (Hangul.hasHangul(word)) {
      // Nori may cut a misspelt word into odd pieces (람따 → 람 + 따): compare the word as typed too.
      String best = hangul(reader, word, glossaryWords().hangul());
      for (String term : unknown) {
        String s = best == null ? hangul(reader, term, List.of()) : null;
        if (s != null) {
          best = s;
        }
      }
      // Only a word of Hangul alone: S3버킷 must not lose its S3.
      return best != null || !word.chars().allMatch(c -> Hangul.isSyllable((char) c)) ? best : loanword(reader, word);
    }
    String lower = word.toLowerCase(java.util.Locale.ROOT);
    for (String term : unknown) {
      String s = latin(reader, term);
      if (s != null) {
        lower = lower.contains(term) ? lower.replace(term, s) : s;
        return lower;
      }
    }
    return null;
  }

  private static boolean known(IndexReader reader, String term) throws IOException {
    for (String field : FIELDS) {
      if (reader.docFreq(new Term(field, term)) > 0) {
        return true;
      }
    }
    return false;
  }

  private static String latin(IndexReader reader, String term) throws IOException {
    if (term.length() < 4) {
      return null; // short words are acronyms: too many near neighbours to guess
    }
    DirectSpellChecker checker = new DirectSpellChecker();
    checker.setMaxEdits(2);
    checker.setMinPrefix(1);
    checker.setAccuracy(0.6f);
    SuggestWord best = null;
    for (String field : FIELDS) {
      for (SuggestWord s : checker.suggestSimilar(new Term(field, term), 1, reader)) {
        if (best == null || s.score > best.score || (s.score == best.score && s.freq > best.freq)) {
          best = s;
        }
      }
    }
    return best == null ? null : best.string;
  }

  /**
   * The most used body word within {@link #MAX_JAMO_EDITS} jamo edits (one for two-syllable words)
   * and a syllable of the length, or one of {@code extra} (glossary terms) if closer; a body word
   * wins a tie.
   *
   * <p>Every Hangul term of the body is tried, segment by segment, decoded into reused buffers, and
   * most are ruled out by the jamo they have before an edit distance is worked out ({@link
   * Hangul.Near}): a vocabulary of 266k Hangul terms took ~100 ms a scan as strings and a merged
   * view of the segments (docs/benchmarks.md).
   */
  private static String hangul(IndexReader reader, String term, List<String> extra) throws IOException {
    if (term.length() < 2) {
      return null;
    }
    int maxEdits = term.length() <= 2 ? 1 : MAX_JAMO_EDITS;
    Hangul.Near near = new Hangul.Near(term, maxEdits);
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String candidate : extra) {
      if (Math.abs(candidate.length() - term.length()) <= 1) {
        int d = near.distance(candidate);
        if (d > 0 && d < bestDistance) {
          best = candidate;
          bestDistance = d;
        }
      }
    }
    // Body words near enough, in term order, with their distance and document count over segments.
    java.util.SortedMap<String, int[]> found = new java.util.TreeMap<>();
    char[] chars = new char[16];
    for (LeafReaderContext leaf : reader.leaves()) {
      // Hangul syllables sort after Latin, so start at the first syllable.
      TermsEnum te = bodyTermsFrom(leaf, FIRST_SYLLABLE);
      if (te == null) {
        continue;
      }
      for (BytesRef t = te.term(); t != null; t = te.next()) {
        chars = ArrayUtil.grow(chars, t.length);
        int length = UnicodeUtil.UTF8toUTF16(t, chars);
        if (!Hangul.isSyllable(chars[0])) {
          break;
        }
        if (Math.abs(length - term.length()) > 1) {
          continue;
        }
        int d = near.distance(chars, length);
        if (d > 0) {
          int freq = te.docFreq();
          found.merge(new String(chars, 0, length), new int[] {d, freq}, (a, b) -> new int[] {a[0], a[1] + b[1]});
        }
      }
    }
    int bestFreq = 0;
    for (var e : found.entrySet()) {
      int d = e.getValue()[0];
      int freq = e.getValue()[1];
      if (d < bestDistance || (d == bestDistance && freq > bestFreq)) {
        best = e.getKey();
        bestDistance = d;
        bestFreq = freq;
      }
    }
    return best;
  }

  private static final BytesRef FIRST_SYLLABLE = new BytesRef("가");

  /** Fewest consonant classes a loanword must have to be matched by sound: fewer match too many words. */
  private static final int MIN_SKELETON = 3;

  /**
   * The English word that a Hangul loanword the index lacks is written as in the notes ({@code
   * 플러그인} where notes write plugin): the most used body word of Latin letters with the same
   * consonant skeleton ({@link Transliteration}), or null. The glossary links the common ones; this
   * finds the rest in the notes' own words, and {@link Rewrites} takes it only when every word then
   * matches.
   *
   * @param word the word as typed, Hangul only, particles included ({@code 플러그인을}): its nouns
   *     are joined, as Nori may cut an unknown loanword in two. Scans the body's Latin words, only
   *     for a word no note has and none of whose nouns of two syllables or more a note has.
   */
  private String loanword(IndexReader reader, String word) throws IOException {
    StringBuilder hangul = new StringBuilder();
    for (String term : QueryPlanner.terms(analyzer, word)) {
      if (term.chars().allMatch(c -> Hangul.isSyllable((char) c))) {
        if (term.length() >= 2 && reader.docFreq(new org.apache.lucene.index.Term(IndexSchema.BODY, term)) > 0) {
          // A word of the notes' own with a slip after it (시간읠 is 시간 and a typo), not a loanword:
          // on a large vocabulary some Latin word always shares the consonants (시간읠 and cikinra).
          return null;
        }
        hangul.append(term);
      }
    }
    String skeleton = Transliteration.hangulSkeleton(hangul.toString());
    if (hangul.length() < 2 || skeleton.length() < MIN_SKELETON) {
      return null;
    }
    java.util.Map<String, Integer> found = new java.util.TreeMap<>();
    for (LeafReaderContext leaf : reader.leaves()) {
      TermsEnum te = bodyTermsFrom(leaf, FIRST_LETTER);
      if (te == null) {
        continue;
      }
      for (BytesRef t = te.term(); t != null && t.length > 0 && (t.bytes[t.offset] & 0xFF) <= 'z'; t = te.next()) {
        if (t.length >= MIN_SKELETON && allLetters(t)) {
          String latin = t.utf8ToString();
          if (skeleton.equals(Transliteration.latinSkeleton(latin))) {
            found.merge(latin, te.docFreq(), Integer::sum);
          }
        }
      }
    }
    return found.entrySet().stream().max(java.util.Map.Entry.comparingByValue()).map(java.util.Map.Entry::getKey).orElse(null);
  }

  private static final BytesRef FIRST_LETTER = new BytesRef("a");

  /** A segment's body terms positioned on the first at or after {@code from}; null when there is none. */
  private static TermsEnum bodyTermsFrom(LeafReaderContext leaf, BytesRef from) throws IOException {
    Terms terms = leaf.reader().terms(IndexSchema.BODY);
    if (terms == null) {
      return null;
    }
    TermsEnum te = terms.iterator();
    return te.seekCeil(from) == TermsEnum.SeekStatus.END ? null : te;
  }

  private static boolean allLetters(BytesRef t) {
    for (int i = t.offset; i < t.offset + t.length; i++) {
      if (t.bytes[i] < 'a' || t.bytes[i] > 'z') {
        return false;
      }
    }
    return true;
  }
}
