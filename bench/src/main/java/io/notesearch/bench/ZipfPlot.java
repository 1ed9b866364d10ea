package io.notesearch.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The fit, drawn: rank against frequency in log-log for the real notes and for as many generated
 * words, both as whitespace words (what the generator draws) and as notesearch's index terms (what
 * postings lists are made of), plus the Zipf exponents and Heaps' laws of each. SVG written by hand
 * (no plotting library in the build).
 *
 * <pre>{@code
 * scripts/notesearch-bench zipf --out docs/zipf.svg
 * }</pre>
 */
final class ZipfPlot {
  private static final int W = 720;
  private static final int H = 480;
  private static final int LEFT = 70;
  private static final int BOTTOM = 50;
  private static final int TOP = 30;
  private static final int RIGHT = 20;

  private ZipfPlot() {}

  /** Real and generated measurements of the same length. */
  record Pair(CorpusFit.Measured real, CorpusFit.Measured generated) {}

  /** Measures the real folders, then generated notes (seed 1) until they have as many words. */
  static Pair measure(List<Path> folders) throws IOException {
    CorpusFit.Measured real = CorpusFit.measure(CorpusFit.files(folders), CorpusFit.indexAnalyzer());
    RealisticGenerator generator = RealisticGenerator.measured();
    List<String> texts = new ArrayList<>();
    long[] words = new long[1];
    for (int n = 0; words[0] < real.words().tokens(); n++) {
      String text = generator.note(1, n, rank -> {});
      texts.add(text);
      words[0] += CorpusFit.measureTexts(List.of(text), null).words().tokens();
    }
    return new Pair(real, CorpusFit.measureTexts(texts, CorpusFit.indexAnalyzer()));
  }

  static void report(Pair p, PrintStream out) {
    line(out, "real words", p.real().words());
    line(out, "generated words", p.generated().words());
    line(out, "real index terms", p.real().terms());
    line(out, "generated index terms", p.generated().terms());
  }

  private static void line(PrintStream out, String name, RankFrequency rf) {
    double[] heaps = rf.heaps(1000);
    out.printf(Locale.ROOT, "%s: %d, distinct %d, Zipf exponent %.3f, Heaps K %.2f beta %.3f%n", name, rf.tokens(),
        rf.types(), RankFrequency.zipfExponent(rf.frequencies(), 3), heaps[0], heaps[1]);
  }

  static void write(Pair p, Path svg) throws IOException {
    int[][] series = {p.real().words().frequencies(), p.generated().words().frequencies(),
        p.real().terms().frequencies(), p.generated().terms().frequencies()};
    String[] names = {"real notes, words", "generated, words", "real notes, index terms", "generated, index terms"};
    String[] colors = {"#1f77b4", "#ff7f0e", "#2ca02c", "#d62728"};
    int maxRank = 1;
    int maxFreq = 1;
    for (int[] s : series) {
      maxRank = Math.max(maxRank, s.length);
      maxFreq = Math.max(maxFreq, s.length == 0 ? 1 : s[0]);
    }
    double xMax = Math.ceil(Math.log10(maxRank));
    double yMax = Math.ceil(Math.log10(maxFreq));
    StringBuilder sb = new StringBuilder();
    sb.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" "
        + "font-family=\"sans-serif\" font-size=\"12\">%n<rect width=\"100%%\" height=\"100%%\" fill=\"white\"/>%n", W, H));
    sb.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"18\" font-size=\"14\">Rank against frequency, log-log: "
        + "%d real notes and as many generated words</text>%n", LEFT, p.real().notes()));
    for (int d = 0; d <= xMax; d++) {
      double x = x(d, xMax);
      sb.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"#ddd\"/>"
          + "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">10^%d</text>%n", x, TOP, x, H - BOTTOM, x, H - BOTTOM + 16, d));
    }
    for (int d = 0; d <= yMax; d++) {
      double y = y(d, yMax);
      sb.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#ddd\"/>"
          + "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\">10^%d</text>%n", LEFT, y, W - RIGHT, y, LEFT - 6, y + 4, d));
    }
    sb.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\">rank</text>%n",
        (LEFT + W - RIGHT) / 2, H - 12));
    sb.append(String.format(Locale.ROOT, "<text x=\"16\" y=\"%d\" transform=\"rotate(-90 16 %d)\" text-anchor=\"middle\">"
        + "frequency</text>%n", (TOP + H - BOTTOM) / 2, (TOP + H - BOTTOM) / 2));
    for (int s = 0; s < series.length; s++) {
      sb.append("<polyline fill=\"none\" stroke-width=\"1.5\" stroke=\"").append(colors[s]).append("\" points=\"");
      double lastX = -1;
      for (int r = 1; r <= series[s].length; r++) {
        double x = x(Math.log10(r), xMax);
        if (x - lastX < 1 && r != series[s].length) {
          continue; // one point per pixel column is enough
        }
        lastX = x;
        sb.append(String.format(Locale.ROOT, "%.1f,%.1f ", x, y(Math.log10(series[s][r - 1]), yMax)));
      }
      sb.append("\"/>\n");
      int ly = TOP + 20 + 18 * s;
      sb.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"%s\" stroke-width=\"3\"/>"
          + "<text x=\"%d\" y=\"%d\">%s</text>%n", W - 250, ly, W - 225, ly, colors[s], W - 218, ly + 4, names[s]));
    }
    sb.append("</svg>\n");
    Files.writeString(svg, sb.toString(), StandardCharsets.UTF_8);
  }

  private static double x(double log, double max) {
    return LEFT + log / max * (W - LEFT - RIGHT);
  }

  private static double y(double log, double max) {
    return H - BOTTOM - log / max * (H - BOTTOM - TOP);
  }
}
