package io.notesearch.core.analysis;

import java.util.Locale;

/**
 * Whether a Hangul word could be an English word written in Hangul ({@code 버킷} for {@code bucket},
 * {@code 리팩터링} for {@code refactoring}), judged on consonant skeletons: both words reduced to
 * classes of consonants that Korean loanwords map onto each other (b/p/f/v, d/t, g/k/c/q, r/l, the
 * sibilants s/z/j/ch and a soft c, m, n; closure is 클로저), then compared by longest common
 * subsequence. An r before a consonant or at the end is not written in Korean ({@code server} is
 * {@code 서버}). Not API.
 */
public final class Transliteration {
  /** Share of the longer skeleton that must be common to both. */
  static final double MIN_SIMILARITY = 0.7;

  private static final char[] INITIAL = {
    'G', 'G', 'N', 'D', 'D', 'R', 'M', 'B', 'B', 'S', 'S', 0, 'S', 'S', 'S', 'G', 'D', 'B', 0
  };
  /** Final consonants as heard: a final ㅅ is a t ({@code 버킷}, bucket), ㅇ is ng. */
  private static final char[] FINAL = {
    0, 'G', 'G', 'G', 'N', 'N', 'N', 'D', 'R', 'G', 'M', 'R', 'R', 'R', 'B', 'R', 'M', 'B', 'B', 'D', 'D',
    'N', 'D', 'D', 'G', 'D', 'B', 0
  };

  private Transliteration() {}

  static boolean similar(String latin, String hangul) {
    String a = latinSkeleton(latin);
    String b = hangulSkeleton(hangul);
    if (a.length() < 2 || b.length() < 2) {
      return a.equals(b) && !a.isEmpty();
    }
    return (double) lcs(a, b) / Math.max(a.length(), b.length()) >= MIN_SIMILARITY;
  }

  /**
   * The consonant classes of a Latin word, as Korean writes them.
   *
   * @param word a word of Latin letters
   */
  public static String latinSkeleton(String word) {
    String w = word.toLowerCase(Locale.ROOT).replace("ph", "f").replace("th", "s").replace("ch", "j").replace("ck", "k");
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < w.length(); i++) {
      char c = w.charAt(i);
      boolean vowelNext = i + 1 < w.length() && "aeiouy".indexOf(w.charAt(i + 1)) >= 0;
      char k = switch (c) {
        case 'b', 'p', 'f', 'v' -> 'B';
        case 'd', 't' -> 'D';
        case 'c' -> i + 1 < w.length() && "eiy".indexOf(w.charAt(i + 1)) >= 0 ? 'S' : 'G'; // space, cipher
        case 'g', 'k', 'q' -> 'G';
        case 'r' -> vowelNext ? 'R' : 0; // server 서버, port 포트
        case 'l' -> 'R';
        case 's' -> 'S';
        case 'x' -> 'X';
        case 'j', 'z' -> 'S';
        case 'm' -> 'M';
        case 'n' -> 'N';
        default -> 0;
      };
      if (k == 'X') {
        append(out, 'G');
        append(out, 'S');
      } else if (k != 0) {
        append(out, k);
      }
    }
    return out.toString();
  }

  /**
   * The consonant classes of a Hangul word, as heard.
   *
   * @param word Hangul syllables (anything else is skipped)
   */
  public static String hangulSkeleton(String word) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < word.length(); i++) {
      char c = word.charAt(i);
      if (c < 0xAC00 || c > 0xD7A3) {
        continue;
      }
      int index = c - 0xAC00;
      int initial = index / (21 * 28);
      int fin = index % 28;
      if (INITIAL[initial] != 0) {
        append(out, INITIAL[initial]);
      }
      if (FINAL[fin] != 0) {
        append(out, FINAL[fin]);
      }
    }
    return out.toString();
  }

  /** Appends a class unless it repeats the last one (double letters are one sound). */
  private static void append(StringBuilder out, char k) {
    if (out.isEmpty() || out.charAt(out.length() - 1) != k) {
      out.append(k);
    }
  }

  private static int lcs(String a, String b) {
    int[][] t = new int[a.length() + 1][b.length() + 1];
    for (int i = 1; i <= a.length(); i++) {
      for (int j = 1; j <= b.length(); j++) {
        t[i][j] = a.charAt(i - 1) == b.charAt(j - 1) ? t[i - 1][j - 1] + 1 : Math.max(t[i - 1][j], t[i][j - 1]);
      }
    }
    return t[a.length()][b.length()];
  }
}
