package io.notesearch.searcher.backend;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Reciprocal rank fusion: rankings merged by {@code Σ 1 / (k + rank)}, k = {@link #K} as its authors
 * set it. The searcher fuses an any-word search with its feedback search; the relevance harness
 * fuses the rankings it measures against that.
 */
public final class Fusion {
  /** The constant of reciprocal rank fusion. */
  public static final int K = 60;

  private Fusion() {}

  /**
   * Two rankings fused, each entry once, best first, with its fused score.
   *
   * @param a a ranking, best first
   * @param b another
   * @param key what makes two entries the same (entries of the two lists need not be equal objects)
   * @param <T> the entries
   * @return the entries of both, best first, with their fused scores
   */
  public static <T> LinkedHashMap<T, Double> reciprocalRank(List<T> a, List<T> b, Function<T, String> key) {
    Map<String, T> byKey = new LinkedHashMap<>();
    Map<String, Double> score = new LinkedHashMap<>();
    for (List<T> list : List.of(a, b)) {
      for (int i = 0; i < list.size(); i++) {
        String k = key.apply(list.get(i));
        byKey.putIfAbsent(k, list.get(i));
        score.merge(k, 1.0 / (K + i + 1), Double::sum);
      }
    }
    LinkedHashMap<T, Double> out = new LinkedHashMap<>();
    score.entrySet().stream().sorted(Map.Entry.<String, Double>comparingByValue().reversed())
        .forEachOrdered(e -> out.put(byKey.get(e.getKey()), e.getValue()));
    return out;
  }
}
