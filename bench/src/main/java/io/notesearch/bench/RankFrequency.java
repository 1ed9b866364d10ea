package io.notesearch.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Word counts of a token stream, and the two laws the realistic generator is fitted to: Zipf's
 * (frequency against rank, a straight line in log-log) and Heaps' (distinct words against words
 * read, {@code V = K n^β}).
 */
final class RankFrequency {
  /** Heaps' curve is sampled at token counts spaced by this factor. */
  private static final double HEAPS_STEP = 1.1;

  private final Map<String, int[]> counts = new HashMap<>();
  private final Map<String, String> forms = new HashMap<>();
  private final List<long[]> heaps = new ArrayList<>();
  private long tokens;
  private long nextHeaps = 10;

  /** Counts one word, remembering the first spelling it was seen in ({@code EC2가} for {@code ec2가}). */
  void add(String word, String spelling) {
    forms.putIfAbsent(word, spelling);
    add(word);
  }

  /** The first spelling of a word. */
  String spelling(String word) {
    return forms.getOrDefault(word, word);
  }

  /** The words, most frequent first; ties in {@link String#compareTo} order so that the list is stable. */
  List<String> ranked() {
    List<String> words = new ArrayList<>(counts.keySet());
    words.sort((a, b) -> counts.get(a)[0] != counts.get(b)[0] ? Integer.compare(counts.get(b)[0], counts.get(a)[0]) : a.compareTo(b));
    return words;
  }

  /** Counts one word (already normalised by the caller). */
  void add(String word) {
    int[] c = counts.computeIfAbsent(word, w -> new int[1]);
    c[0]++;
    tokens++;
    if (tokens >= nextHeaps) {
      heaps.add(new long[] {tokens, counts.size()});
      nextHeaps = Math.max(nextHeaps + 1, (long) (nextHeaps * HEAPS_STEP));
    }
  }

  long tokens() {
    return tokens;
  }

  int types() {
    return counts.size();
  }

  Map<String, int[]> counts() {
    return counts;
  }

  /** Frequencies, highest first: element {@code r - 1} is the frequency of rank {@code r}. */
  int[] frequencies() {
    int[] f = counts.values().stream().mapToInt(c -> c[0]).toArray();
    Arrays.sort(f);
    for (int i = 0, j = f.length - 1; i < j; i++, j--) {
      int t = f[i];
      f[i] = f[j];
      f[j] = t;
    }
    return f;
  }

  /**
   * Zipf's exponent: the least-squares slope (negated) of log frequency against log rank over the
   * ranks whose frequency is at least {@code minFrequency}. Ranks are binned on a log scale first
   * (20 bins a decade, each bin's mean), so that the thousands of ranks of the tail do not outweigh
   * the head. Below a frequency of 3 or so the curve is a staircase of ties, which says how long the
   * sample was rather than how words are used.
   */
  static double zipfExponent(int[] frequencies, int minFrequency) {
    int last = 0;
    while (last < frequencies.length && frequencies[last] >= minFrequency) {
      last++;
    }
    List<double[]> points = new ArrayList<>();
    int start = 0;
    while (start < last) {
      int end = Math.max(start + 1, Math.min(last, (int) Math.ceil((start + 1) * Math.pow(10, 0.05))));
      double sumLogF = 0;
      for (int i = start; i < end; i++) {
        sumLogF += Math.log(frequencies[i]);
      }
      double logRank = Math.log(Math.sqrt((double) (start + 1) * end)); // the bin's geometric middle
      points.add(new double[] {logRank, sumLogF / (end - start)});
      start = end;
    }
    return -slope(points);
  }

  /** Heaps' law {@code V = K n^β} fitted in log-log over the samples from {@code minTokens} words on: {K, β}. */
  double[] heaps(long minTokens) {
    List<double[]> points = new ArrayList<>();
    for (long[] h : heaps) {
      if (h[0] >= minTokens) {
        points.add(new double[] {Math.log(h[0]), Math.log(h[1])});
      }
    }
    points.add(new double[] {Math.log(tokens), Math.log(counts.size())});
    double beta = slope(points);
    double meanX = points.stream().mapToDouble(p -> p[0]).average().orElse(0);
    double meanY = points.stream().mapToDouble(p -> p[1]).average().orElse(0);
    return new double[] {Math.exp(meanY - beta * meanX), beta};
  }

  private static double slope(List<double[]> points) {
    double mx = points.stream().mapToDouble(p -> p[0]).average().orElse(0);
    double my = points.stream().mapToDouble(p -> p[1]).average().orElse(0);
    double num = 0;
    double den = 0;
    for (double[] p : points) {
      num += (p[0] - mx) * (p[1] - my);
      den += (p[0] - mx) * (p[0] - mx);
    }
    return den == 0 ? 0 : num / den;
  }
}
