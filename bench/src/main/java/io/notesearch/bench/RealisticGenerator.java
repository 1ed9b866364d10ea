package io.notesearch.bench;

import io.notesearch.core.analysis.Hangul;
import io.notesearch.core.analysis.NoteAnalyzers;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;

/**
 * Writes a notes folder fitted to real notes ({@link RealisticShape#MEASURED}): words drawn from the
 * measured Zipf law with a Heaps-law tail of rare terms ({@link WordModel}), sections, heading
 * depths and section lengths drawn from the measured distributions, in the Markdown dialect
 * notesearch reads (YAML front matter, headings with {@code <br/>}, bold pseudo-headings in nested
 * lists, code blocks, tables, inline HTML). Words are drawn independently, so no sentence of a real
 * note appears. Deterministic for a seed; each note depends only on the seed and its number.
 *
 * <pre>{@code
 * scripts/notesearch-bench generate --notes 100000 --seed 1 /tmp/r100k
 * }</pre>
 */
public final class RealisticGenerator {
  private static final String[] CATEGORIES = {"AWS", "Dev", "DevOps", "Web", "JavaScript", "Python", "Database"};
  private static final String[] CODE = {"const", "return", "await", "def", "if", "for", "import", "public", "new",
      "let", "=", "=>", "{", "}", "(", ")", ";"};

  private final WordModel model;
  private final RealisticShape shape;

  RealisticGenerator(RealisticShape shape) {
    this.shape = shape;
    this.model = new WordModel(shape);
  }

  /** The generator with the measured parameters. */
  static RealisticGenerator measured() {
    return Holder.MEASURED;
  }

  private static final class Holder {
    static final RealisticGenerator MEASURED = new RealisticGenerator(RealisticShape.MEASURED);
  }

  /** What a run wrote. */
  record Written(long bytes, long words, long distinctWords) {}

  /**
   * Writes {@code notes} notes into {@code out}, in folders of at most 500.
   *
   * @param countDistinct whether to count the distinct words (a set of up to millions of ranks)
   */
  Written generate(int notes, long seed, Path out, boolean countDistinct) throws IOException {
    long bytes = 0;
    long[] words = new long[1];
    Set<Long> distinct = countDistinct ? new HashSet<>() : null;
    for (int i = 0; i < notes; i++) {
      Path folder = out.resolve(String.format(Locale.ROOT, "part-%03d", i / 500));
      Files.createDirectories(folder);
      byte[] data = note(seed, i, rank -> {
        words[0]++;
        if (distinct != null) {
          distinct.add(rank);
        }
      }).getBytes(StandardCharsets.UTF_8);
      Files.write(folder.resolve(String.format(Locale.ROOT, "note-%06d.md", i)), data);
      bytes += data.length;
    }
    return new Written(bytes, words[0], distinct == null ? -1 : distinct.size());
  }

  /** Told each rank drawn for the note's words. */
  interface RankSink {
    void drawn(long rank);
  }

  /** One note: depends only on the seed and its number. */
  String note(long seed, int n, RankSink sink) {
    Random r = new Random(seed * 1_000_003L + n);
    Words w = new Words(r, sink);
    StringBuilder sb = new StringBuilder(4096);
    String title = w.next(3 + r.nextInt(6));
    boolean frontMatter = r.nextDouble() < shape.shares()[4];
    if (frontMatter) {
      LocalDate date = LocalDate.of(2016, 1, 1).plusDays(r.nextInt(3600));
      sb.append("---\ntitle: \"").append(title.replace("\"", "")).append("\"\ndate: \"").append(date)
          .append("T10:00:00.000Z\"\ntemplate: \"post\"\ndraft: ").append(r.nextInt(50) == 0)
          .append("\nslug: \"note-").append(n).append("\"\ncategory: \"").append(CATEGORIES[r.nextInt(CATEGORIES.length)])
          .append("\"\ntags:\n");
      for (int t = 2 + r.nextInt(4); t > 0; t--) {
        sb.append("  - \"").append(w.next(1).replace("\"", "")).append("\"\n");
      }
      sb.append("description: \"").append(w.next(8 + r.nextInt(13)).replace("\"", "")).append("\"\n---\n\n");
    } else {
      sb.append("# ").append(title).append("\n\n");
    }
    if (r.nextDouble() < shape.shares()[5]) {
      sb.append("<br/><br/><img src=\"/img/").append(n).append(".png\" width=\"800px\">\n")
          .append("<p style=\"font-size:1.3em; font-weight: bold; text-align: center;\">").append(w.next(2)).append("</p>\n\n");
    }
    section(sb, r, w, RealisticShape.draw(shape.sectionWords(), r));
    for (int h = RealisticShape.draw(shape.headingsPerNote(), r); h > 0; h--) {
      int level = level(r);
      sb.append("#".repeat(level)).append(' ').append(w.next(1 + r.nextInt(4)))
          .append(level == 3 && r.nextBoolean() ? "<br/>" : "").append("\n\n");
      section(sb, r, w, RealisticShape.draw(shape.sectionWords(), r));
    }
    return sb.toString();
  }

  private int level(Random r) {
    double u = r.nextDouble();
    double[] l = shape.levels();
    return u < l[0] ? 1 : u < l[0] + l[1] ? 2 : 3;
  }

  /** A section's body of about {@code words} words: prose lines, maybe a bold-headed list, a table, code. */
  private void section(StringBuilder sb, Random r, Words w, int words) {
    double[] shares = shape.shares();
    int left = words;
    if (r.nextDouble() < shares[2] && left >= 6) {
      for (int item = 2 + r.nextInt(3); item > 0 && left > 0; item--) {
        sb.append("* **").append(w.next(2)).append("**\n");
        left -= 2;
        for (int sub = 1 + r.nextInt(2); sub > 0 && left > 0; sub--) {
          int k = Math.min(left, 6 + r.nextInt(10));
          sb.append("  * ").append(w.next(k)).append(r.nextDouble() < shares[3] ? "<br/>" : "").append('\n');
          left -= k;
        }
      }
      sb.append('\n');
    }
    if (r.nextDouble() < shares[1] && left >= 9) {
      sb.append("| ").append(w.next(1)).append(" | ").append(w.next(1)).append(" | ").append(w.next(1)).append(" |\n|---|---|---|\n");
      for (int row = 0; row < 2 && left >= 9; row++) {
        sb.append("| ").append(w.next(1)).append(" | ").append(w.next(1)).append(" | ").append(w.next(1)).append(" |\n");
        left -= 3;
      }
      left -= 3;
      sb.append('\n');
    }
    int line = 0;
    while (left > 0) {
      int k = Math.min(left, 6 + r.nextInt(12));
      sb.append(w.next(k));
      left -= k;
      boolean br = r.nextDouble() < shares[3];
      sb.append(br ? "<br/>\n" : r.nextInt(3) == 0 ? "\n\n" : ".\n");
      line++;
    }
    if (line > 0) {
      sb.append('\n');
    }
    if (r.nextDouble() < shares[0]) {
      sb.append("```\n");
      for (int l = 2 + r.nextInt(8); l > 0; l--) {
        sb.append(CODE[r.nextInt(CODE.length)]).append(' ').append(WordModel.latin(r)).append(" = ")
            .append(WordModel.latin(r)).append('(').append(r.nextInt(100)).append(");\n");
      }
      sb.append("```\n\n");
    }
  }

  /** The words of one note, drawn from the model, some in bold. */
  private final class Words {
    private final Random r;
    private final RankSink sink;

    Words(Random r, RankSink sink) {
      this.r = r;
      this.sink = sink;
    }

    String next(int count) {
      StringBuilder sb = new StringBuilder();
      for (int i = 0; i < count; i++) {
        long rank = model.rank(r);
        sink.drawn(rank);
        String word = model.word(rank);
        if (i > 0) {
          sb.append(' ');
        }
        if (r.nextInt(40) == 0) {
          sb.append("**").append(word).append("**");
        } else {
          sb.append(word);
        }
      }
      return sb.toString();
    }
  }

  /** The seed of the query set that {@code queries}, QueryBenchmark and {@code index} all run. */
  static final long QUERY_SEED = 7;

  /**
   * A fixed query set drawn like the notes' words: one to four words, mostly mid-frequency (ranks
   * 31 to 1,000, drawn as often as the notes use them) and one in four rare (ranks spread evenly on a
   * log scale from 1,000 to 300,000), each a content word ({@link #contentWord}); one query in ten has a typo (a
   * Hangul vowel one step off, or two Latin letters swapped) and one in ten is typed in the wrong
   * keyboard layout ({@code fhem qoffjstj} for {@code 로드 밸런서}).
   */
  List<String> queries(long seed, int count) {
    Random r = new Random(seed);
    List<String> queries = new ArrayList<>(count);
    while (queries.size() < count) {
      int n = 1 + (int) Math.min(3, Math.floor(-Math.log(1 - r.nextDouble()) * 1.3)); // 1: ~53% (1 - e^(-1/1.3)), 2: 25%, …
      List<String> words = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        String word;
        do {
          long rank;
          if (r.nextInt(4) == 0) {
            rank = (long) Math.exp(Math.log(1000) + r.nextDouble() * Math.log(300));
          } else {
            do {
              rank = model.rank(r);
            } while (rank <= 30 || rank > 1000);
          }
          word = model.word(rank);
        } while (!contentWord(word));
        words.add(word);
      }
      String q = String.join(" ", words);
      int kind = r.nextInt(10);
      if (kind == 0) {
        q = typo(q, r);
      } else if (kind == 1 && Hangul.hasHangul(q)) {
        q = Hangul.switchLayout(q);
      }
      queries.add(q);
    }
    return queries;
  }

  /**
   * Whether a word is one a query would require: notesearch's query analysis keeps a noun, a foreign
   * word or a number of it (not only a verb ending, an adverb like {@code 보통} or a particle).
   */
  static boolean contentWord(String word) {
    for (String term : NoteAnalyzers.terms(Content.ANALYZER, word)) {
      if (CorpusFit.hasLetterOrDigit(term)) {
        return true;
      }
    }
    return false;
  }

  /** The query analysis of required words, made once: making it analyses the whole glossary. */
  private static final class Content {
    static final Analyzer ANALYZER = NoteAnalyzers.standard().queryContent();
  }

  /** One misspelling: a Hangul syllable's vowel moved one step, or two adjacent Latin letters swapped. */
  static String typo(String q, Random r) {
    char[] c = q.toCharArray();
    List<Integer> syllables = new ArrayList<>();
    List<Integer> latin = new ArrayList<>();
    for (int i = 0; i < c.length; i++) {
      if (Hangul.isSyllable(c[i])) {
        syllables.add(i);
      } else if (i + 1 < c.length && Character.isLetter(c[i]) && Character.isLetter(c[i + 1]) && c[i] < 128 && c[i + 1] < 128) {
        latin.add(i);
      }
    }
    if (!syllables.isEmpty()) {
      int i = syllables.get(r.nextInt(syllables.size()));
      int s = c[i] - 0xAC00;
      int vowel = (s / 28) % 21;
      int moved = (vowel + (r.nextBoolean() ? 1 : 20)) % 21;
      c[i] = (char) (0xAC00 + (s / 588) * 588 + moved * 28 + s % 28);
    } else if (!latin.isEmpty()) {
      int i = latin.get(r.nextInt(latin.size()));
      char t = c[i];
      c[i] = c[i + 1];
      c[i + 1] = t;
    }
    return new String(c);
  }
}
