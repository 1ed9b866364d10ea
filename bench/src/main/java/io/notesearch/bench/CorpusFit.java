package io.notesearch.bench;

import io.notesearch.core.analysis.NoteAnalyzers;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.Analyzer;

/**
 * Measures a folder of real notes the way {@link RealisticGenerator} is fitted: the words of their
 * prose (whitespace-separated, Markdown and HTML marks and edge punctuation trimmed, lower-cased:
 * {@code EC2가} stays one word, as a user's notes write it), their terms after notesearch's index
 * analysis (what a postings list is made of), and their shape (sections, heading depths, section
 * lengths, code, tables, bold list headings).
 *
 * <pre>{@code
 * scripts/notesearch-bench fit corpus/notes corpus/heldout/notes corpus/questions/notes ../shared/seed
 * }</pre>
 */
final class CorpusFit {
  private static final Pattern TAG = Pattern.compile("<[^>]*>");
  private static final Pattern MARKS = Pattern.compile("[*`|#>\\[\\]()]+|!?\\[|\\]\\([^)]*\\)");
  private static final Pattern HEADING = Pattern.compile("^(#{1,6})\\s+(.*)$");
  private static final Pattern BOLD_ITEM = Pattern.compile("^\\s*[*-]\\s+\\*\\*.*\\*\\*\\s*(<br/>)?\\s*$");
  private static final String EDGE = ".,:;!?'\"“”‘’()[]{}<>…·~=-+/\\";

  /** What one folder of notes measures. */
  record Measured(RankFrequency words, RankFrequency terms, Shape shape, int notes, long bytes) {}

  /**
   * The shape of the notes: per-note and per-section distributions, as the sorted observed values
   * (the generator draws from them).
   */
  record Shape(int[] headingsPerNote, int[] headingLevels, int[] sectionWords, double codePerSection,
      double tablePerSection, double boldListPerSection, double brLineShare, double frontMatterShare,
      double imageShare) {}

  private CorpusFit() {}

  /**
   * The Markdown files under the folders but their READMEs, each folder's sorted.
   *
   * @throws IllegalArgumentException when a folder is missing: a fit on fewer notes than meant
   *     would pass for one on all of them
   */
  static List<Path> files(List<Path> folders) throws IOException {
    List<Path> files = new ArrayList<>();
    for (Path folder : folders) {
      if (!Files.isDirectory(folder)) {
        throw new IllegalArgumentException("not a notes folder [" + folder + "]");
      }
      for (Path p : Markdown.files(folder)) {
        if (!p.getFileName().toString().equals("README.md")) {
          files.add(p);
        }
      }
    }
    return files;
  }

  /** Measures the files; {@code analyzer} may be null to skip the index terms. */
  static Measured measure(List<Path> files, Analyzer analyzer) throws IOException {
    List<String> texts = new ArrayList<>();
    for (Path file : files) {
      texts.add(Files.readString(file, StandardCharsets.UTF_8));
    }
    return measureTexts(texts, analyzer);
  }

  /** Measures notes given as text; {@code analyzer} may be null to skip the index terms. */
  static Measured measureTexts(List<String> texts, Analyzer analyzer) {
    RankFrequency words = new RankFrequency();
    RankFrequency terms = new RankFrequency();
    List<Integer> headingsPerNote = new ArrayList<>();
    List<Integer> levels = new ArrayList<>();
    List<Integer> sectionWords = new ArrayList<>();
    int sections = 0;
    int code = 0;
    int tables = 0;
    int boldLists = 0;
    int proseLines = 0;
    int brLines = 0;
    int frontMatter = 0;
    int images = 0;
    long bytes = 0;
    for (String text : texts) {
      bytes += text.getBytes(StandardCharsets.UTF_8).length;
      String[] lines = text.split("\n", -1);
      int i = 0;
      if (lines.length > 0 && lines[0].strip().equals("---")) {
        frontMatter++;
        for (i = 1; i < lines.length && !lines[i].strip().equals("---"); i++) {
          String l = lines[i];
          int colon = l.indexOf(':');
          boolean value = l.startsWith("title:") || l.startsWith("description:");
          if (value) {
            words(l.substring(colon + 1), words);
          } else if (l.strip().startsWith("- ")) {
            words(l.strip().substring(2), words); // tags
          }
        }
        i++;
      }
      if (text.contains("<img")) {
        images++;
      }
      int headings = 0;
      int current = 0;
      boolean inCode = false;
      boolean sectionCode = false;
      boolean sectionTable = false;
      boolean sectionBold = false;
      for (; i <= lines.length; i++) {
        String line = i < lines.length ? lines[i] : null;
        java.util.regex.Matcher h = line == null || inCode ? null : HEADING.matcher(line);
        if (line == null || (h != null && h.matches())) {
          if (current > 0 || headings > 0) { // the intro before the first heading counts when it has words
            sectionWords.add(current);
            sections++;
            code += sectionCode ? 1 : 0;
            tables += sectionTable ? 1 : 0;
            boldLists += sectionBold ? 1 : 0;
          }
          current = 0;
          sectionCode = sectionTable = sectionBold = false;
          if (line == null) {
            break;
          }
          headings++;
          levels.add(h.group(1).length());
          words(h.group(2), words);
          continue;
        }
        if (line.strip().startsWith("```")) {
          inCode = !inCode;
          sectionCode = true;
          continue;
        }
        if (inCode) {
          continue;
        }
        if (line.strip().startsWith("|")) {
          sectionTable = true;
        }
        if (BOLD_ITEM.matcher(line).matches()) {
          sectionBold = true;
        }
        if (!line.isBlank()) {
          proseLines++;
          if (line.strip().endsWith("<br/>")) {
            brLines++;
          }
        }
        current += words(line, words);
      }
      headingsPerNote.add(headings);
      if (analyzer != null) {
        terms(analyzer, text, terms);
      }
    }
    Shape shape = new Shape(sorted(headingsPerNote), sorted(levels), sorted(sectionWords),
        (double) code / sections, (double) tables / sections, (double) boldLists / sections,
        (double) brLines / Math.max(1, proseLines), (double) frontMatter / texts.size(), (double) images / texts.size());
    return new Measured(words, terms, shape, texts.size(), bytes);
  }

  /** Adds the words of a line of Markdown prose; returns how many. */
  static int words(String line, RankFrequency into) {
    String plain = MARKS.matcher(TAG.matcher(line).replaceAll(" ")).replaceAll(" ");
    int n = 0;
    for (String raw : plain.split("\\s+")) {
      String w = spelling(raw);
      if (w != null) {
        into.add(w.toLowerCase(Locale.ROOT), w);
        n++;
      }
    }
    return n;
  }

  /** A whitespace token with its edge punctuation trimmed; null when no letter or digit is left. */
  static String spelling(String raw) {
    int s = 0;
    int e = raw.length();
    while (s < e && EDGE.indexOf(raw.charAt(s)) >= 0) {
      s++;
    }
    while (e > s && EDGE.indexOf(raw.charAt(e - 1)) >= 0) {
      e--;
    }
    if (s == e) {
      return null;
    }
    for (int k = s; k < e; k++) {
      if (Character.isLetterOrDigit(raw.charAt(k))) {
        return raw.substring(s, e);
      }
    }
    return null;
  }

  /** Adds the terms notesearch's index analysis makes of a text (punctuation tokens left out). */
  static void terms(Analyzer analyzer, String text, RankFrequency into) {
    for (String term : NoteAnalyzers.terms(analyzer, text)) {
      if (hasLetterOrDigit(term)) {
        into.add(term);
      }
    }
  }

  /** Whether a term has a letter or a digit: not a punctuation token, which the index chain keeps. */
  static boolean hasLetterOrDigit(String term) {
    for (int k = 0; k < term.length(); k++) {
      if (Character.isLetterOrDigit(term.charAt(k))) {
        return true;
      }
    }
    return false;
  }

  private static int[] sorted(List<Integer> values) {
    int[] a = values.stream().mapToInt(Integer::intValue).toArray();
    Arrays.sort(a);
    return a;
  }

  /** Prints what {@code fit} reports: the laws and the shape. */
  static void print(Measured m, PrintStream out) {
    int[] f = m.words().frequencies();
    double[] heaps = m.words().heaps(1000);
    double[] termHeaps = m.terms().tokens() > 0 ? m.terms().heaps(1000) : new double[] {0, 0};
    out.printf(Locale.ROOT, "notes: %d, markdown: %.1f kB%n", m.notes(), m.bytes() / 1e3);
    out.printf(Locale.ROOT, "words: %d, distinct: %d, Zipf exponent (frequency >= 3): %.3f, Heaps K %.2f beta %.3f%n",
        m.words().tokens(), m.words().types(), RankFrequency.zipfExponent(f, 3), heaps[0], heaps[1]);
    if (m.terms().tokens() > 0) {
      out.printf(Locale.ROOT, "index terms: %d, distinct: %d, Zipf exponent (frequency >= 3): %.3f, Heaps K %.2f beta %.3f%n",
          m.terms().tokens(), m.terms().types(), RankFrequency.zipfExponent(m.terms().frequencies(), 3),
          termHeaps[0], termHeaps[1]);
    }
    double[] kinds = tailKinds(m.words());
    out.printf(Locale.ROOT, "words seen at most twice: Hangul %.3f, Latin %.3f, Latin with Hangul glued on %.3f,"
        + " with digits %.3f, other %.3f%n", kinds[0], kinds[1], kinds[2], kinds[3], kinds[4]);
    Shape s = m.shape();
    out.printf(Locale.ROOT, "headings per note: %s%n", quantiles(s.headingsPerNote()));
    out.printf(Locale.ROOT, "heading levels: %s%n", histogram(s.headingLevels()));
    out.printf(Locale.ROOT, "words per section (%d sections): %s%n", s.sectionWords().length, quantiles(s.sectionWords()));
    out.printf(Locale.ROOT, "sections with code %.3f, a table %.3f, a bold-headed list %.3f; prose lines ending in <br/> %.3f;"
        + " front matter %.3f, an image %.3f%n", s.codePerSection(), s.tablePerSection(), s.boldListPerSection(),
        s.brLineShare(), s.frontMatterShare(), s.imageShare());
  }

  /**
   * The kinds of the rare words (seen at most twice), as shares: Hangul only, Latin only, Latin
   * with Hangul after it ({@code EC2가}), with digits, other (Hangul then Latin, other scripts).
   */
  static double[] tailKinds(RankFrequency words) {
    double[] k = new double[5];
    int n = 0;
    for (var e : words.counts().entrySet()) {
      if (e.getValue()[0] > 2) {
        continue;
      }
      n++;
      k[kind(e.getKey())]++;
    }
    for (int i = 0; i < k.length; i++) {
      k[i] /= Math.max(1, n);
    }
    return k;
  }

  static int kind(String w) {
    boolean hangul = false;
    boolean latin = false;
    for (int i = 0; i < w.length(); i++) {
      char c = w.charAt(i);
      if (Character.isDigit(c)) {
        return 3;
      }
      hangul |= io.notesearch.core.analysis.Hangul.isSyllable(c);
      latin |= c < 128 && Character.isLetter(c);
    }
    if (hangul && latin) {
      return w.charAt(0) < 128 ? 2 : 4;
    }
    return hangul ? 0 : latin ? 1 : 4;
  }

  static String quantiles(int[] sorted) {
    StringBuilder sb = new StringBuilder();
    for (int q = 0; q <= 10; q++) {
      sb.append(q == 0 ? "" : " ").append(sorted.length == 0 ? 0 : Quantiles.at(sorted, q, 10));
    }
    return sb.append(" (deciles)").toString();
  }

  static String histogram(int[] values) {
    int[] h = new int[7];
    for (int v : values) {
      h[v]++;
    }
    StringBuilder sb = new StringBuilder();
    for (int l = 1; l <= 6; l++) {
      sb.append(l == 1 ? "" : ", ").append('h').append(l).append(' ').append(h[l]);
    }
    return sb.toString();
  }

  /**
   * The folders the generator is fitted on: the corpus's notes, held-out notes and questions' notes,
   * and {@link #seedFolder} when it is there.
   */
  static List<Path> defaultFolders(Path corpus) {
    List<Path> folders = new ArrayList<>(
        List.of(corpus.resolve("notes"), corpus.resolve("heldout/notes"), corpus.resolve("questions/notes")));
    Path seed = seedFolder(corpus);
    if (Files.isDirectory(seed)) {
      folders.add(seed);
    }
    return List.copyOf(folders);
  }

  /** {@code ../shared/seed} beside the checkout: read when there, never copied; a checkout elsewhere has none. */
  static Path seedFolder(Path corpus) {
    return corpus.toAbsolutePath().normalize().getParent().getParent().resolve("shared/seed");
  }

  static Analyzer indexAnalyzer() {
    return NoteAnalyzers.standard().index();
  }
}
