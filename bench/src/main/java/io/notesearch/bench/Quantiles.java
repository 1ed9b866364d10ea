package io.notesearch.bench;

/**
 * Quantiles of sorted samples as the bench commands print them: of {@code n} samples, the one at
 * index {@code ⌊n·per/of⌋}, at most the last (the median is the upper one for an even {@code n}).
 */
final class Quantiles {
  private Quantiles() {}

  /** The index of quantile {@code per/of} in {@code n} sorted samples. */
  static int index(int n, int per, int of) {
    return (int) Math.min(n - 1, (long) n * per / of);
  }

  /** Quantile {@code per/of} of sorted samples (e.g. 99, 100 for p99). */
  static long at(long[] sorted, int per, int of) {
    return sorted[index(sorted.length, per, of)];
  }

  /** Quantile {@code per/of} of sorted samples. */
  static double at(double[] sorted, int per, int of) {
    return sorted[index(sorted.length, per, of)];
  }

  /** Quantile {@code per/of} of sorted samples. */
  static int at(int[] sorted, int per, int of) {
    return sorted[index(sorted.length, per, of)];
  }
}
