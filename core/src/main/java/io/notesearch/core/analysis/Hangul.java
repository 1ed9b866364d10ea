package io.notesearch.core.analysis;


/**
 * Hangul at the jamo level: initial consonants ({@code 람다} → {@code ㄹㄷ}), jamo decomposition for
 * typo distances, and the two-set (두벌식) keyboard layout, so {@code fkaek} typed in English mode
 * reads as {@code 람다} and {@code ㅓㅁㅍㅁ} typed in Korean mode reads as {@code java}.
 */
public final class Hangul {
  private static final int BASE = 0xAC00;
  private static final int LAST = 0xD7A3;
  private static final int MEDIALS = 21;
  private static final int FINALS = 28;

  /** Initial consonants in syllable order, as compatibility jamo. */
  static final String INITIAL = "ㄱㄲㄴㄷㄸㄹㅁㅂㅃㅅㅆㅇㅈㅉㅊㅋㅌㅍㅎ";

  /** Medial vowels in syllable order. */
  static final String MEDIAL = "ㅏㅐㅑㅒㅓㅔㅕㅖㅗㅘㅙㅚㅛㅜㅝㅞㅟㅠㅡㅢㅣ";

  /** Final consonants in syllable order (index 0: none). */
  static final String FINAL = "\0ㄱㄲㄳㄴㄵㄶㄷㄹㄺㄻㄼㄽㄾㄿㅀㅁㅂㅄㅅㅆㅇㅈㅊㅋㅌㅍㅎ";

  /** Two-set layout: the Latin key for each basic jamo. */
  private static final String KEYS_LATIN = "rRseEfaqQtTdwWczxvgkoiOjpuPhynbml";
  private static final String KEYS_JAMO = "ㄱㄲㄴㄷㄸㄹㅁㅂㅃㅅㅆㅇㅈㅉㅊㅋㅌㅍㅎㅏㅐㅑㅒㅓㅔㅕㅖㅗㅛㅜㅠㅡㅣ";

  /** Compound vowels and their two keys' jamo. */
  private static final String[][] COMPOUND_VOWELS = {
    {"ㅘ", "ㅗㅏ"}, {"ㅙ", "ㅗㅐ"}, {"ㅚ", "ㅗㅣ"}, {"ㅝ", "ㅜㅓ"}, {"ㅞ", "ㅜㅔ"}, {"ㅟ", "ㅜㅣ"}, {"ㅢ", "ㅡㅣ"}
  };

  /** Compound finals and their two consonants. */
  private static final String[][] COMPOUND_FINALS = {
    {"ㄳ", "ㄱㅅ"}, {"ㄵ", "ㄴㅈ"}, {"ㄶ", "ㄴㅎ"}, {"ㄺ", "ㄹㄱ"}, {"ㄻ", "ㄹㅁ"}, {"ㄼ", "ㄹㅂ"}, {"ㄽ", "ㄹㅅ"},
    {"ㄾ", "ㄹㅌ"}, {"ㄿ", "ㄹㅍ"}, {"ㅀ", "ㄹㅎ"}, {"ㅄ", "ㅂㅅ"}
  };

  private Hangul() {}

  /** Whether the char is a precomposed Hangul syllable. */
  public static boolean isSyllable(char c) {
    return c >= BASE && c <= LAST;
  }

  /** Whether the char is a compatibility consonant jamo (ㄱ … ㅎ). */
  public static boolean isConsonant(char c) {
    return c >= 'ㄱ' && c <= 'ㅎ';
  }

  /** Whether the text has any Hangul syllable or jamo. */
  public static boolean hasHangul(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (isSyllable(c) || (c >= 'ㄱ' && c <= 'ㅣ')) {
        return true;
      }
    }
    return false;
  }

  /** The initial consonant of each syllable ({@code 람다} → {@code ㄹㄷ}); other chars are dropped. */
  public static String initials(String text) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (isSyllable(c)) {
        out.append(INITIAL.charAt((c - BASE) / (MEDIALS * FINALS)));
      }
    }
    return out.toString();
  }

  /** Every syllable split into its basic jamo ({@code 왜} → {@code ㅇㅗㅐ}); other chars kept. */
  static String jamo(String text) {
    char[] out = new char[text.length() * MAX_JAMO];
    return new String(out, 0, jamo(text.toCharArray(), text.length(), out));
  }

  /** The most jamo one char splits into: an initial, a compound vowel's two and a compound final's two. */
  static final int MAX_JAMO = 5;

  /**
   * {@link #jamo(String)} into a buffer, for scans that decompose many words.
   *
   * @param out at least {@code length * }{@link #MAX_JAMO} chars
   * @return how many jamo were written
   */
  static int jamo(char[] text, int length, char[] out) {
    int n = 0;
    for (int i = 0; i < length; i++) {
      char c = text[i];
      if (!isSyllable(c)) {
        n = append(c >= FIRST_JAMO && c < FIRST_JAMO + SPLIT.length ? SPLIT[c - FIRST_JAMO] : null, c, out, n);
        continue;
      }
      int index = c - BASE;
      out[n++] = INITIAL.charAt(index / (MEDIALS * FINALS));
      char medial = MEDIAL.charAt((index / FINALS) % MEDIALS);
      n = append(SPLIT[medial - FIRST_JAMO], medial, out, n);
      int fin = index % FINALS;
      if (fin > 0) {
        char f = FINAL.charAt(fin);
        n = append(SPLIT[f - FIRST_JAMO], f, out, n);
      }
    }
    return n;
  }

  private static int append(char[] split, char c, char[] out, int n) {
    if (split == null) {
      out[n++] = c;
      return n;
    }
    System.arraycopy(split, 0, out, n, split.length);
    return n + split.length;
  }

  /** The first compatibility jamo (ㄱ); {@link #SPLIT} covers the block from it. */
  private static final char FIRST_JAMO = 'ㄱ';

  /** The compatibility jamo from ㄱ to ㅣ, each as its basic jamo; null where it is one already. */
  private static final char[][] SPLIT = new char['ㅣ' - FIRST_JAMO + 1][];

  static {
    for (String[][] table : new String[][][] {COMPOUND_VOWELS, COMPOUND_FINALS}) {
      for (String[] pair : table) {
        SPLIT[pair[0].charAt(0) - FIRST_JAMO] = pair[1].toCharArray();
      }
    }
  }

  /**
   * Finds words a few jamo edits from one word, cheaply enough to try every word of an index's
   * vocabulary: most words are told apart by which jamo they have (one edit changes at most two of
   * them) before their edit distance is worked out. Holds buffers: one per thread.
   */
  public static final class Near {
    private final char[] word;
    private final int wordLength;
    private final long wordMask;
    private final int maxEdits;
    private final int[][] rows;
    private final char[] one = new char[1];
    private final char[] split = new char[MAX_JAMO];
    private char[] jamo = new char[16 * MAX_JAMO];

    /**
     * @param word the word as typed
     * @param maxEdits the most jamo edits a near word may be away
     */
    public Near(String word, int maxEdits) {
      this.word = new char[word.length() * MAX_JAMO];
      this.wordLength = jamo(word.toCharArray(), word.length(), this.word);
      this.wordMask = mask(this.word, wordLength);
      this.maxEdits = maxEdits;
      this.rows = new int[3][wordLength + 1];
    }

    /** The jamo edit distance to {@code text}, or -1 when it is more than the most edits. */
    public int distance(char[] text, int length) {
      // How many jamo and which: from tables for syllables, so that most words are ruled out
      // before they are decomposed.
      int count = 0;
      long mask = 0;
      for (int i = 0; i < length; i++) {
        char c = text[i];
        if (isSyllable(c)) {
          count += SYLLABLE_JAMO[c - BASE];
          mask |= SYLLABLE_MASK[c - BASE];
        } else {
          one[0] = c;
          int n = jamo(one, 1, split);
          count += n;
          mask |= mask(split, n);
        }
      }
      if (Math.abs(count - wordLength) > maxEdits || (Long.bitCount(mask ^ wordMask) + 1) / 2 > maxEdits) {
        return -1;
      }
      if (jamo.length < count) {
        jamo = new char[count];
      }
      int n = jamo(text, length, jamo);
      int d = EditDistance.damerau(jamo, n, word, wordLength, maxEdits, rows);
      return d > maxEdits ? -1 : d;
    }

    /** How many basic jamo each syllable has, and which ({@link #mask}), by syllable. */
    private static final byte[] SYLLABLE_JAMO = new byte[LAST - BASE + 1];

    private static final long[] SYLLABLE_MASK = new long[LAST - BASE + 1];

    static {
      char[] one = new char[1];
      char[] split = new char[MAX_JAMO];
      for (int s = 0; s < SYLLABLE_JAMO.length; s++) {
        one[0] = (char) (BASE + s);
        int n = jamo(one, 1, split);
        SYLLABLE_JAMO[s] = (byte) n;
        SYLLABLE_MASK[s] = mask(split, n);
      }
    }

    /** {@link #distance(char[], int)} of a string. */
    public int distance(String text) {
      return distance(text.toCharArray(), text.length());
    }

    /** One bit per jamo present (other chars share one bit: the bound stays a lower bound). */
    private static long mask(char[] jamo, int length) {
      long mask = 0;
      for (int i = 0; i < length; i++) {
        int bit = jamo[i] - FIRST_JAMO;
        mask |= 1L << (bit >= 0 && bit < 63 ? bit : 63);
      }
      return mask;
    }
  }

  /** Whether a word ends in a lone consonant after a syllable ({@code 람ㄷ}): typed before its vowel. */
  public static boolean endsWithLoneConsonant(String word) {
    int n = word.length();
    return n >= 2 && isConsonant(word.charAt(n - 1)) && INITIAL.indexOf(word.charAt(n - 1)) >= 0 && isSyllable(word.charAt(n - 2));
  }

  /** A Lucene regular expression for words starting so: {@code 람ㄷ} → {@code 람[다-딯].*}. */
  public static String prefixRegexp(String word) {
    char consonant = word.charAt(word.length() - 1);
    int initial = INITIAL.indexOf(consonant);
    char first = (char) (BASE + initial * MEDIALS * FINALS);
    char last = (char) (first + MEDIALS * FINALS - 1);
    StringBuilder out = new StringBuilder();
    String head = word.substring(0, word.length() - 1);
    for (int i = 0; i < head.length(); i++) {
      char c = head.charAt(i);
      if (!Character.isLetterOrDigit(c)) {
        out.append('\\'); // RegExp syntax char; escaping a letter would make a class such as \d
      }
      out.append(c);
    }
    return out.append('[').append(first).append('-').append(last).append("].*").toString();
  }

  /**
   * The text as if typed with the other input mode: Latin letters read as two-set keys become
   * Hangul ({@code fkaek} → {@code 람다}); Hangul becomes the Latin keys that type it ({@code ㅓㅁㅍㅁ}
   * → {@code java}). Chars that are neither are kept.
   */
  public static String switchLayout(String text) {
    boolean hangul = hasHangul(text);
    return hangul ? toKeys(text) : compose(fromKeys(text));
  }

  /** Latin keys → basic jamo ({@code fkaek} → {@code ㄹㅏㅁㄷㅏ}). */
  static String fromKeys(String latin) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < latin.length(); i++) {
      char c = latin.charAt(i);
      int k = KEYS_LATIN.indexOf(c);
      if (k < 0 && Character.isUpperCase(c)) {
        k = KEYS_LATIN.indexOf(Character.toLowerCase(c));
      }
      out.append(k >= 0 ? KEYS_JAMO.charAt(k) : c);
    }
    return out.toString();
  }

  /** Hangul (syllables or jamo) → the Latin keys that type it ({@code ㅓㅁㅍㅁ} → {@code java}). */
  static String toKeys(String text) {
    String jamo = jamo(text);
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < jamo.length(); i++) {
      char c = jamo.charAt(i);
      int k = KEYS_JAMO.indexOf(c);
      out.append(k >= 0 ? KEYS_LATIN.charAt(k) : c);
    }
    return out.toString();
  }

  /** Composes a run of basic jamo into syllables, as a two-set input method does. */
  static String compose(String jamo) {
    StringBuilder out = new StringBuilder();
    int i = 0;
    int n = jamo.length();
    while (i < n) {
      char c = jamo.charAt(i);
      int initial = INITIAL.indexOf(c);
      if (initial < 0 || i + 1 >= n || !isVowel(jamo.charAt(i + 1))) {
        out.append(c);
        i++;
        continue;
      }
      // initial + vowel (+ second vowel) (+ final (+ second final)), leaving a consonant that starts
      // the next syllable alone.
      int j = i + 1;
      String vowel = String.valueOf(jamo.charAt(j));
      if (j + 1 < n && isVowel(jamo.charAt(j + 1))) {
        String combined = combine(COMPOUND_VOWELS, vowel + jamo.charAt(j + 1));
        if (combined != null) {
          vowel = combined;
          j++;
        }
      }
      j++;
      int fin = 0;
      if (j < n && FINAL.indexOf(jamo.charAt(j)) > 0 && !(j + 1 < n && isVowel(jamo.charAt(j + 1)))) {
        String f = String.valueOf(jamo.charAt(j));
        j++;
        if (j < n && FINAL.indexOf(jamo.charAt(j)) >= 0 && !(j + 1 < n && isVowel(jamo.charAt(j + 1)))) {
          String combined = combine(COMPOUND_FINALS, f + jamo.charAt(j));
          if (combined != null) {
            f = combined;
            j++;
          }
        }
        fin = FINAL.indexOf(f);
      }
      int medial = MEDIAL.indexOf(vowel);
      out.append((char) (BASE + (initial * MEDIALS + medial) * FINALS + fin));
      i = j;
    }
    return out.toString();
  }

  private static boolean isVowel(char c) {
    return c >= 'ㅏ' && c <= 'ㅣ';
  }

  private static String combine(String[][] table, String parts) {
    for (String[] row : table) {
      if (row[1].equals(parts)) {
        return row[0];
      }
    }
    return null;
  }


}
