package io.notesearch.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Which word comes next in a realistic note: ranks drawn from a broken power law fitted to real
 * notes, and a word for each rank.
 *
 * <p>Ranks up to {@code tailBreak} follow a Zipf law whose samples measure the real notes' slope;
 * past it the law steepens to {@code tail} (above 1), which lets the number of distinct words grow
 * without bound, as Heaps' law has it (a plain Zipf law with an exponent under 1 would make nearly
 * every word new). {@code tail} is solved so that a sample as long as the real notes has as many
 * distinct words as they have ({@link #solveTail}).
 *
 * <p>Rank {@code r} is the {@code r}-th word of {@code words.txt} (the words of corpus/notes, most
 * frequent first) while there is one, and past the list a synthetic word made from {@code r} alone,
 * so the same rare word recurs across notes: a Korean compound of syllables, an identifier
 * ({@code camelCase}, {@code snake_case}), a product name, a version, or a Latin word with a particle
 * glued on ({@code EC2가}), in the shares measured on the real notes' rare words.
 */
final class WordModel {
  private static final String[] PARTICLES = {"는", "가", "를", "에서", "으로", "와", "의", "도", "에", "만", "은", "이",
      "을", "로", "과", "에게", "처럼", "보다", "까지", "부터"};
  private static final String CONSONANTS = "bcdfghjklmnprstvwxz";
  private static final String VOWELS = "aeiouy";

  private final RealisticShape shape;
  private final List<String> words;
  private final char[] syllables;
  private final double[] headCdf;
  private final double headMass;

  WordModel(RealisticShape shape) {
    this(shape, headWords());
  }

  WordModel(RealisticShape shape, List<String> words) {
    this.shape = shape;
    this.words = words;
    StringBuilder sy = new StringBuilder();
    for (String w : words) {
      for (int i = 0; i < w.length(); i++) {
        if (io.notesearch.core.analysis.Hangul.isSyllable(w.charAt(i))) {
          sy.append(w.charAt(i));
        }
      }
    }
    this.syllables = sy.length() == 0 ? new char[] {'가'} : sy.toString().toCharArray();
    int rb = shape.tailBreak();
    headCdf = new double[rb];
    double sum = 0;
    for (int r = 1; r <= rb; r++) {
      sum += Math.pow(r, -shape.zipf());
      headCdf[r - 1] = sum;
    }
    double tail = tailWeight(shape.zipf(), shape.tail(), rb);
    headMass = sum / (sum + tail);
  }

  /** The weight of the ranks past the break, relative to {@code r^-s1} at the break. */
  private static double tailWeight(double s1, double s2, int rb) {
    return Math.pow(rb, s2 - s1) * Math.pow(rb + 0.5, 1 - s2) / (s2 - 1);
  }

  /** Draws a rank, 1 the most frequent. */
  long rank(Random r) {
    if (r.nextDouble() < headMass) {
      double u = r.nextDouble() * headCdf[headCdf.length - 1];
      int i = Arrays.binarySearch(headCdf, u);
      return (i < 0 ? -i - 1 : i) + 1;
    }
    double s2 = shape.tail();
    double x = (shape.tailBreak() + 0.5) * Math.pow(1 - r.nextDouble(), -1 / (s2 - 1));
    return Math.min((long) Math.floor(x + 0.5), Long.MAX_VALUE / 4);
  }

  /** The word of a rank: the same for a rank in every note and every run. */
  String word(long rank) {
    if (rank <= words.size()) {
      return words.get((int) rank - 1);
    }
    Random g = new Random(rank * 0x9E3779B97F4A7C15L + 0x5DEECE66DL);
    double[] kinds = shape.tailKinds();
    double u = g.nextDouble();
    if (u < kinds[0]) {
      return hangul(g) + (g.nextInt(2) == 0 ? PARTICLES[g.nextInt(PARTICLES.length)] : "");
    }
    u -= kinds[0];
    if (u < kinds[1]) {
      return latin(g);
    }
    u -= kinds[1];
    if (u < kinds[2]) {
      return latin(g) + PARTICLES[g.nextInt(PARTICLES.length)];
    }
    return withDigits(g);
  }

  /** A Korean compound noun of two to five syllables, drawn as often as the real words use them. */
  String hangul(Random g) {
    StringBuilder sb = new StringBuilder();
    for (int n = 2 + g.nextInt(4); n > 0; n--) {
      sb.append(syllables[g.nextInt(syllables.length)]);
    }
    return sb.toString();
  }

  /** An identifier or a name: camelCase, snake_case, a capitalised product name, a plain word. */
  static String latin(Random g) {
    return switch (g.nextInt(4)) {
      case 0 -> part(g) + capital(part(g)) + (g.nextBoolean() ? capital(part(g)) : "");
      case 1 -> part(g) + "_" + part(g) + (g.nextBoolean() ? "_" + part(g) : "");
      case 2 -> capital(part(g)) + (g.nextBoolean() ? capital(part(g)) : "");
      default -> part(g);
    };
  }

  private static String withDigits(Random g) {
    return switch (g.nextInt(4)) {
      case 0 -> "v" + g.nextInt(10) + "." + g.nextInt(30) + "." + g.nextInt(50);
      case 1 -> capital(part(g)) + g.nextInt(100);
      case 2 -> g.nextInt(10) + "." + g.nextInt(40);
      default -> g.nextInt(1000) + (g.nextBoolean() ? "ms" : "MB");
    };
  }

  private static String part(Random g) {
    StringBuilder sb = new StringBuilder();
    for (int n = 1 + g.nextInt(3); n > 0; n--) {
      sb.append(CONSONANTS.charAt(g.nextInt(CONSONANTS.length()))).append(VOWELS.charAt(g.nextInt(VOWELS.length())));
      if (g.nextInt(3) == 0) {
        sb.append(CONSONANTS.charAt(g.nextInt(CONSONANTS.length())));
      }
    }
    return sb.toString();
  }

  private static String capital(String s) {
    return Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }

  /** The words of corpus/notes, most frequent first (written by {@code notesearch-bench fit --write-words}). */
  static List<String> headWords() {
    List<String> list = new ArrayList<>();
    try (InputStream in = WordModel.class.getResourceAsStream("words.txt")) {
      if (in == null) {
        throw new IllegalStateException("words.txt is missing from the bench module's resources");
      }
      BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        if (!line.isEmpty()) {
          list.add(line);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return List.copyOf(list);
  }

  /**
   * The tail exponent that makes a sample of {@code tokens} words have {@code types} distinct ones on
   * average ({@code Σ_r 1 - exp(-tokens p_r)}, each rank's chance to be seen), by bisection: a steeper
   * tail means fewer distinct words.
   */
  static double solveTail(double s1, int rb, long tokens, long types) {
    double lo = 1.01;
    double hi = 4;
    for (int it = 0; it < 40; it++) {
      double mid = (lo + hi) / 2;
      if (expectedTypes(s1, mid, rb, tokens) > types) {
        lo = mid;
      } else {
        hi = mid;
      }
    }
    return (lo + hi) / 2;
  }

  /** Distinct ranks expected in a sample of {@code tokens} draws. */
  static double expectedTypes(double s1, double s2, int rb, long tokens) {
    // Sums in blocks growing by 1% past rank 10,000: within a block a rank's weight hardly changes.
    double head = blockSum(1, rb, r -> Math.pow(r, -s1));
    double z = head + tailWeight(s1, s2, rb);
    double v = blockSum(1, rb, r -> -Math.expm1(-tokens * Math.pow(r, -s1) / z));
    double scale = Math.pow(rb, s2 - s1) / z;
    for (double from = rb + 1; from < 1e15; ) {
      double to = Math.max(from + 1, Math.floor(from * 1.01));
      double p = scale * Math.pow((from + to) / 2, -s2);
      v += (to - from) * -Math.expm1(-tokens * p);
      from = to;
      if (tokens * p < 1e-9) {
        v += tokens * scale * Math.pow(to, 1 - s2) / (s2 - 1); // the rest: each seen at most once
        break;
      }
    }
    return v;
  }

  private static double blockSum(int from, int to, java.util.function.DoubleUnaryOperator f) {
    double sum = 0;
    for (double r = from; r <= to; ) {
      double next = r < 10_000 ? r + 1 : Math.min(to + 1, Math.max(r + 1, Math.floor(r * 1.01)));
      sum += (next - r) * f.applyAsDouble((r + next - 1) / 2);
      r = next;
    }
    return sum;
  }

  /**
   * Zipf's exponent as {@link RankFrequency#zipfExponent} measures it on samples of {@code tokens}
   * ranks from this law (mean of five seeded samples): on a sample as short as the real notes the
   * fitted slope differs from the law's head exponent, so the head exponent is solved to reproduce
   * the measured slope, not copied from it.
   */
  static double sampledExponent(RealisticShape shape, long tokens) {
    WordModel m = new WordModel(shape, List.of());
    double sum = 0;
    for (int seed = 0; seed < 5; seed++) {
      Random r = new Random(seed);
      java.util.Map<Long, int[]> counts = new java.util.HashMap<>();
      for (long i = 0; i < tokens; i++) {
        counts.computeIfAbsent(m.rank(r), k -> new int[1])[0]++;
      }
      int[] f = counts.values().stream().mapToInt(c -> -c[0]).sorted().map(x -> -x).toArray();
      sum += RankFrequency.zipfExponent(f, 3);
    }
    return sum / 5;
  }
}
