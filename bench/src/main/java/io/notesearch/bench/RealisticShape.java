package io.notesearch.bench;

import java.util.Arrays;
import java.util.Locale;
import java.util.Random;

/**
 * The parameters {@link RealisticGenerator} draws from, as {@code notesearch-bench fit} measures them
 * on real notes. {@link #MEASURED} holds the values measured on the default folders (corpus/notes,
 * corpus/heldout/notes, corpus/questions/notes and ../shared/seed: 92 notes); a test refits and
 * compares when those folders are there.
 *
 * @param zipf the exponent of the word law's head: solved so that samples as long as the real notes
 *     measure their Zipf exponent (frequency against rank, ranks seen at least 3 times)
 * @param heapsK Heaps' {@code K} of the words
 * @param heapsBeta Heaps' {@code β} of the words
 * @param fitWords how many words the real notes have
 * @param fitTypes how many distinct words they have
 * @param tailBreak the rank where the word law steepens from {@code zipf} to {@code tail}: where the
 *     real words' Zipf fit ends (the last rank seen 3 times)
 * @param tail the exponent past the break, solved so that a sample as long as the real notes has as
 *     many distinct words ({@link WordModel#solveTail})
 * @param headingsPerNote percentiles (0%, 1%, … 100%) of the headings per note
 * @param sectionWords percentiles of the words per section (the text before the first heading is one)
 * @param levels shares of heading levels 1, 2, 3 (deeper ones do not occur)
 * @param shares per section: code block, table, bold-headed list; per prose line: ending in
 *     {@code <br/>}; per note: front matter, an image
 * @param tailKinds shares of the rare words (seen at most twice): Hangul, Latin, Latin with Hangul
 *     glued on, with digits
 */
record RealisticShape(double zipf, double heapsK, double heapsBeta, long fitWords, long fitTypes, int tailBreak, double tail,
    int[] headingsPerNote, int[] sectionWords, double[] levels, double[] shares, double[] tailKinds) {
  /** Measured by {@code scripts/notesearch-bench fit} on the default folders. */
  static final RealisticShape MEASURED = new RealisticShape(0.601, 2.497, 0.82, 26603, 11244, 2108, 1.508,
      new int[] {1, 3, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 6, 6, 6, 6, 6, 6, 6, 6, 6, 6, 6, 6, 6, 6, 6, 6, 6, 6, 6, 6, 6, 6, 6, 6, 6, 6, 6, 6, 6, 6, 6, 6, 6, 6, 6, 6, 6, 6, 6, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 8},
      new int[] {0, 0, 0, 0, 0, 9, 10, 11, 13, 14, 16, 17, 17, 18, 20, 20, 21, 22, 23, 24, 25, 26, 26, 27, 28, 29, 29, 30, 30, 31, 31, 32, 32, 33, 33, 34, 34, 35, 35, 36, 36, 37, 37, 38, 38, 38, 38, 39, 40, 40, 40, 40, 41, 41, 42, 42, 43, 43, 43, 44, 44, 45, 45, 46, 46, 46, 47, 47, 48, 49, 49, 49, 50, 50, 51, 52, 52, 53, 54, 55, 55, 56, 57, 57, 59, 60, 61, 61, 63, 64, 66, 67, 68, 70, 73, 74, 76, 79, 84, 92, 512},
      new double[] {0.048, 0.201, 0.751}, new double[] {0.257, 0.093, 0.042, 0.082, 0.739, 0.728},
      new double[] {0.7, 0.128, 0.101, 0.071});

  /** The shape a measurement gives, with its break rank solved. */
  static RealisticShape fit(CorpusFit.Measured m) {
    int[] f = m.words().frequencies();
    double zipf = RankFrequency.zipfExponent(f, 3);
    double[] heaps = m.words().heaps(1000);
    long tokens = m.words().tokens();
    long types = m.words().types();
    // The law's head ends where the real words' fitted range ends (frequency 3); past it the law
    // falls as 1/β. The head exponent is the one whose samples as long as the real notes measure the
    // real slope (the sampled slope grows with it).
    int rb = 0;
    while (rb < f.length && f[rb] >= 3) {
      rb++;
    }
    double s1 = zipf;
    double s2 = 1 / heaps[1];
    for (int round = 0; round < 3; round++) {
      double lo = 0.05;
      double hi = 1.5;
      for (int it = 0; it < 14; it++) {
        s1 = (lo + hi) / 2;
        RealisticShape trial = new RealisticShape(s1, heaps[0], heaps[1], tokens, types, rb, s2, null, null, null, null,
            new double[4]);
        if (WordModel.sampledExponent(trial, tokens) < zipf) {
          lo = s1;
        } else {
          hi = s1;
        }
      }
      s2 = WordModel.solveTail(s1, rb, tokens, types);
    }
    CorpusFit.Shape s = m.shape();
    double[] levels = new double[3];
    for (int l : s.headingLevels()) {
      levels[Math.min(3, l) - 1] += 1.0 / s.headingLevels().length;
    }
    double[] kinds = Arrays.copyOf(CorpusFit.tailKinds(m.words()), 4);
    return new RealisticShape(round(s1), round(heaps[0]), round(heaps[1]), m.words().tokens(), m.words().types(), rb,
        round(s2),
        percentiles(s.headingsPerNote()), percentiles(s.sectionWords()), round(levels),
        round(new double[] {s.codePerSection(), s.tablePerSection(), s.boldListPerSection(), s.brLineShare(),
            s.frontMatterShare(), s.imageShare()}), round(kinds));
  }

  /** This shape as the Java of {@link #MEASURED}, for pasting after a refit. */
  String java() {
    return String.format(Locale.ROOT, "new RealisticShape(%s, %s, %s, %d, %d, %d, %s,%n    new int[] %s,%n    new int[] %s,%n"
        + "    new double[] %s, new double[] %s,%n    new double[] %s)", zipf, heapsK, heapsBeta, fitWords, fitTypes,
        tailBreak, tail, brace(Arrays.toString(headingsPerNote)), brace(Arrays.toString(sectionWords)),
        brace(Arrays.toString(levels)), brace(Arrays.toString(shares)), brace(Arrays.toString(tailKinds)));
  }

  private static String brace(String list) {
    return "{" + list.substring(1, list.length() - 1) + "}";
  }

  /** A value drawn from percentiles: a uniform position between two neighbours, linearly. */
  static int draw(int[] percentiles, Random r) {
    double x = r.nextDouble() * (percentiles.length - 1);
    int i = (int) x;
    double frac = x - i;
    return (int) Math.round(percentiles[i] + frac * (percentiles[Math.min(i + 1, percentiles.length - 1)] - percentiles[i]));
  }

  static int[] percentiles(int[] sorted) {
    int[] v = new int[101];
    for (int q = 0; q <= 100; q++) {
      v[q] = sorted[Math.min(sorted.length - 1, (int) Math.round(q * (sorted.length - 1) / 100.0))];
    }
    return v;
  }

  private static double round(double x) {
    return Math.round(x * 1000) / 1000.0;
  }

  private static double[] round(double[] xs) {
    double[] r = new double[xs.length];
    for (int i = 0; i < xs.length; i++) {
      r[i] = round(xs[i]);
    }
    return r;
  }
}
