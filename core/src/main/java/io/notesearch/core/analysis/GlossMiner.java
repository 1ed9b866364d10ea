package io.notesearch.core.analysis;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.ko.KoreanTokenizer;
import org.apache.lucene.analysis.ko.POS;
import org.apache.lucene.analysis.ko.tokenattributes.PartOfSpeechAttribute;

/**
 * Finds the glosses Korean tech writing puts in parentheses, which are translations a glossary can
 * use: {@code 화살표 함수(Arrow Function)}, {@code 버킷(Bucket)}, {@code ELB(Elastic Load Balancing)},
 * {@code Arrow Function(화살표 함수)}.
 *
 * <p>A pair is kept only when it is a translation: one side Hangul and the other Latin with about as
 * many words, or an abbreviation whose letters are the initials of the long form. A gloss that only
 * classifies ({@code DynamoDB(NoSQL)}, {@code 인스턴스 유형(쉽게 말해 컴퓨터 사양)}) is not a pair.
 */
public final class GlossMiner {
  /** A term and its gloss, both lowercase, as written. */
  public record Gloss(String term, String gloss) {}

  private static final Pattern PAREN = Pattern.compile("\\(([^()\\n]{1,60})\\)");
  private static final Pattern HANGUL_WORDS = Pattern.compile("((?:[가-힣]+ ){0,3}[가-힣]+)$");
  private static final Pattern LATIN_WORDS = Pattern.compile("((?:[A-Za-z][A-Za-z0-9.+#-]* ){0,4}[A-Za-z][A-Za-z0-9.+#-]*)$");
  private static final Pattern LATIN_PHRASE = Pattern.compile("[A-Za-z][A-Za-z0-9.+#-]*(?: [A-Za-z][A-Za-z0-9.+#-]*){0,4}");
  private static final Pattern HANGUL_PHRASE = Pattern.compile("[가-힣]+(?: [가-힣]+){0,3}");
  private static final Pattern ACRONYM = Pattern.compile("[A-Z][A-Za-z0-9]{1,7}");
  private static final Set<String> MINOR_WORDS = Set.of("and", "of", "as", "a", "an", "the", "for", "to", "in", "on");

  private GlossMiner() {}

  /**
   * The translation pairs in a text.
   *
   * @param text prose, one or more lines
   */
  public static List<Gloss> mine(String text) {
    List<Gloss> out = new ArrayList<>();
    Matcher m = PAREN.matcher(text);
    while (m.find()) {
      String inside = m.group(1).strip();
      String before = text.substring(Math.max(0, m.start() - 80), m.start());
      if (before.endsWith(" ")) {
        before = before.stripTrailing();
      }
      Gloss g = pair(before, inside);
      if (g != null && !out.contains(g)) {
        out.add(g);
      }
    }
    return out;
  }

  private static Gloss pair(String before, String inside) {
    if (HANGUL_PHRASE.matcher(inside).matches()) {
      Matcher latin = LATIN_WORDS.matcher(before);
      if (latin.find()) {
        String term = trimToWords(latin.group(1), words(inside));
        return translation(term, inside) ? gloss(term, inside) : null;
      }
      return null;
    }
    if (!LATIN_PHRASE.matcher(inside).matches()) {
      return null;
    }
    Matcher hangul = HANGUL_WORDS.matcher(before);
    if (hangul.find()) {
      String term = trimToWords(withLeadingNumber(before, hangul.start(1)), words(inside));
      return translation(inside, term) ? gloss(term, inside) : null;
    }
    Matcher latin = LATIN_WORDS.matcher(before);
    if (!latin.find()) {
      return null;
    }
    String[] beforeWords = latin.group(1).split(" ");
    String last = beforeWords[beforeWords.length - 1];
    if (ACRONYM.matcher(last).matches() && isInitialism(last, inside)) {
      return gloss(last, inside); // ELB(Elastic Load Balancing)
    }
    if (ACRONYM.matcher(inside).matches()) {
      // Elastic Load Balancing(ELB): take as many words before as the acronym needs.
      for (int n = 1; n <= beforeWords.length; n++) {
        String longForm = String.join(" ", java.util.Arrays.copyOfRange(beforeWords, beforeWords.length - n, beforeWords.length));
        if (isInitialism(inside, longForm)) {
          return gloss(inside, longForm);
        }
      }
    }
    return null;
  }

  /**
   * Whether a Latin phrase and a Hangul phrase are plausibly the same term: several words on both
   * sides in equal number ({@code Arrow Function} / {@code 화살표 함수}; not an all-caps code such as
   * {@code PCI DSS}), or one word each that sounds alike ({@code Bucket} / {@code 버킷}, not {@code
   * Lambda} / {@code 서버리스}, which is an explanation, not a translation).
   */
  static boolean translation(String latin, String hangul) {
    if (!isNounPhrase(hangul)) {
      return false;
    }
    int lw = words(latin);
    int hw = words(hangul);
    if (lw != hw) {
      return false;
    }
    if (lw > 1) {
      return !latin.equals(latin.toUpperCase(Locale.ROOT));
    }
    return Transliteration.similar(latin, hangul);
  }

  /** Tags a term's words may have: nouns, counters ({@code 2차}), roots and noun suffixes, numbers, foreign words. */
  private static final Set<POS.Tag> TERM_TAGS =
      EnumSet.of(POS.Tag.NNG, POS.Tag.NNP, POS.Tag.NNBC, POS.Tag.NR, POS.Tag.XR, POS.Tag.XSN, POS.Tag.XPN, POS.Tag.SN, POS.Tag.SL, POS.Tag.SH);

  /**
   * Whether Nori reads the Hangul as a term (nouns only), not the end of a sentence: the words
   * before a parenthesis are often {@code …할 수 있다(SSL Offloading)}.
   */
  static boolean isNounPhrase(String hangul) {
    try (KoreanTokenizer tokenizer =
        new KoreanTokenizer(TokenStream.DEFAULT_TOKEN_ATTRIBUTE_FACTORY, NoriDictionaries.tokenInfo(),
            NoriDictionaries.unknown(), NoriDictionaries.connectionCosts(), null, KoreanTokenizer.DecompoundMode.DISCARD,
            false, true)) {
      PartOfSpeechAttribute pos = tokenizer.addAttribute(PartOfSpeechAttribute.class);
      tokenizer.setReader(new StringReader(hangul));
      tokenizer.reset();
      boolean any = false;
      while (tokenizer.incrementToken()) {
        POS.Tag tag = pos.getLeftPOS();
        if (tag == POS.Tag.SP) {
          continue;
        }
        if (!TERM_TAGS.contains(tag) || (!any && tag == POS.Tag.XSN)) {
          return false;
        }
        any = true;
      }
      tokenizer.end();
      return any;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The Hangul words from {@code start} to the end, with the number their first word is written
   * after ({@code 2차 캐시(second-level cache)} is about {@code 2차 캐시}, not {@code 차 캐시}). A number
   * that ends a Latin word ({@code S3버킷(Bucket)}) stays out: there the Hangul word is the term.
   */
  private static String withLeadingNumber(String before, int start) {
    int from = start;
    while (from > 0 && (Character.isDigit(before.charAt(from - 1))
        || (before.charAt(from - 1) == '.' && from > 1 && Character.isDigit(before.charAt(from - 2)) && from < start))) {
      from--; // 1.5차: the whole number
    }
    if (from == start || (from > 0 && Character.isLetterOrDigit(before.charAt(from - 1)))) {
      return before.substring(start);
    }
    return before.substring(from);
  }

  private static Gloss gloss(String term, String gloss) {
    String a = term.strip().toLowerCase(Locale.ROOT);
    String b = gloss.strip().toLowerCase(Locale.ROOT);
    if (a.isEmpty() || b.isEmpty() || a.equals(b)) {
      return null;
    }
    return new Gloss(a, b);
  }

  private static int words(String phrase) {
    return phrase.strip().split("\\s+").length;
  }

  /** The last {@code n} words (at least one) of a phrase; a gloss translates what stands right before it. */
  private static String trimToWords(String phrase, int n) {
    String[] w = phrase.strip().split("\\s+");
    int keep = Math.max(1, Math.min(w.length, n));
    return String.join(" ", java.util.Arrays.copyOfRange(w, w.length - keep, w.length));
  }

  /** Whether the acronym's letters are the long form's word initials (minor words optional). */
  static boolean isInitialism(String acronym, String longForm) {
    String letters = expandDigits(acronym).toLowerCase(Locale.ROOT);
    String[] words = longForm.toLowerCase(Locale.ROOT).split("[\\s-]+");
    if (letters.length() < 2 || words.length < 2 || words[0].isEmpty() || letters.charAt(0) != words[0].charAt(0)) {
      return false;
    }
    return match(letters, 0, words, 0);
  }

  /** {@code EC2} → {@code ECC}, {@code S3} → {@code SSS}: AWS writes a repeated initial as a count. */
  private static String expandDigits(String acronym) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < acronym.length(); i++) {
      char c = acronym.charAt(i);
      if (Character.isLetter(c)) {
        out.append(c);
      } else if (c >= '2' && c <= '4' && !out.isEmpty()) {
        out.append(String.valueOf(out.charAt(out.length() - 1)).repeat(c - '1'));
      }
    }
    return out.toString();
  }

  private static boolean match(String letters, int li, String[] words, int wi) {
    if (wi == words.length) {
      return li == letters.length();
    }
    String w = words[wi];
    if (w.isEmpty()) {
      return match(letters, li, words, wi + 1);
    }
    if (li < letters.length() && letters.charAt(li) == w.charAt(0) && match(letters, li + 1, words, wi + 1)) {
      return true;
    }
    // Minor words may be skipped; so may a word whose initial is folded into the previous letter run
    // (DynamoDB has no initials to match, so it never gets here with a long form).
    return MINOR_WORDS.contains(w) && match(letters, li, words, wi + 1);
  }
}
