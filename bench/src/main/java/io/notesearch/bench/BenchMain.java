package io.notesearch.bench;

import io.notesearch.core.analysis.NoteAnalyzers;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.ko.KoreanAnalyzer;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code notesearch-bench}: the figures of docs/benchmarks.md that are whole runs rather than JMH
 * benchmarks. Run it through {@code scripts/notesearch-bench}, which builds this module first.
 *
 * <pre>{@code
 * scripts/notesearch-bench generate --notes 100000 --seed 1 /tmp/notes100k
 * scripts/notesearch-bench index --notes 10000
 * scripts/notesearch-bench analyze /tmp/notes100k
 * scripts/notesearch-bench typo --notes 3000 --vocabulary 300000
 * scripts/notesearch-bench parsers
 * scripts/notesearch-bench fit
 * scripts/notesearch-bench zipf --out docs/zipf.svg
 * scripts/notesearch-bench index-ratio /tmp/notes10k
 * scripts/notesearch-bench queries --index /tmp/querybench-cache/realistic-100000-HASH/index
 * }</pre>
 */
@Command(
    name = "notesearch-bench",
    mixinStandardHelpOptions = true,
    description = "Benchmarks for notesearch: generate a notes folder (fitted to real notes, or uniform), time indexing"
        + " and analysis, time spelling corrections, measure the generator's fit.",
    subcommands = {BenchMain.Generate.class, BenchMain.Index.class, BenchMain.Analyze.class, BenchMain.Typo.class,
        BenchMain.Parsers.class, BenchMain.Fit.class, BenchMain.Zipf.class, BenchMain.IndexRatioCommand.class, BenchMain.Queries.class})
public final class BenchMain {
  BenchMain() {}

  /**
   * Runs a subcommand and exits with its code.
   *
   * @param args the command line
   */
  public static void main(String[] args) {
    System.exit(new CommandLine(new BenchMain()).execute(args));
  }

  @Command(name = "generate", mixinStandardHelpOptions = true,
      description = "Writes a synthetic Korean/English notes folder fitted to real notes (deterministic for a seed).")
  static final class Generate implements Callable<Integer> {
    @Option(names = "--uniform", description = "the worst case instead: every word drawn evenly from ~300")
    boolean uniform;

    @Option(names = "--count-words", description = "also count the distinct words written (realistic notes only)")
    boolean countWords;

    @Option(names = "--notes", defaultValue = "1000", description = "how many notes (default ${DEFAULT-VALUE})")
    int notes;

    @Option(names = "--seed", defaultValue = "1", description = "random seed (default ${DEFAULT-VALUE})")
    long seed;

    @Parameters(paramLabel = "DIR", description = "the folder to write (created)")
    Path out;

    @Override
    public Integer call() throws IOException {
      if (uniform) {
        long bytes = NotesGenerator.generate(notes, seed, out);
        System.out.printf(Locale.ROOT, "wrote %d uniform notes, %.1f MB, to %s%n", notes, bytes / 1e6, out);
        return 0;
      }
      RealisticGenerator.Written w = RealisticGenerator.measured().generate(notes, seed, out, countWords);
      System.out.printf(Locale.ROOT, "wrote %d notes, %.1f MB, %d words%s, to %s%n", notes, w.bytes() / 1e6, w.words(),
          countWords ? String.format(Locale.ROOT, " (%d distinct)", w.distinctWords()) : "", out);
      return 0;
    }
  }

  @Command(name = "index", mixinStandardHelpOptions = true,
      description = "Generates notes (or takes a folder), indexes them fully, re-indexes after touching 1%%,"
          + " re-indexes unchanged, and measures query latency.")
  static final class Index implements Callable<Integer> {
    @Option(names = "--notes", defaultValue = "1000", description = "notes to generate (default ${DEFAULT-VALUE})")
    int notes;

    @Option(names = "--seed", defaultValue = "1", description = "random seed (default ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--folder", description = "a generated folder to copy instead of generating one")
    Path folder;

    @Option(names = "--full-only", description = "stop after the full build (e.g. to time it on one core)")
    boolean fullOnly;

    @Option(names = "--uniform", description = "the worst-case generator and its 14 queries instead of the realistic ones")
    boolean uniform;

    @Override
    public Integer call() throws IOException {
      IndexingBench.run(notes, seed, folder, fullOnly, uniform ? Generator.UNIFORM : Generator.REALISTIC);
      return 0;
    }
  }

  @Command(name = "analyze", mixinStandardHelpOptions = true,
      description = "Single-thread analysis throughput over a folder's Markdown: Lucene's plain KoreanAnalyzer"
          + " against notesearch's index chain (the ceiling indexing is measured against).")
  static final class Analyze implements Callable<Integer> {
    @Parameters(paramLabel = "DIR", description = "a notes folder")
    Path dir;

    @Option(names = "--rounds", defaultValue = "3", description = "timed rounds after one warm-up round (default ${DEFAULT-VALUE})")
    int rounds;

    @Override
    public Integer call() throws IOException {
      List<String> texts = new ArrayList<>();
      long bytes = 0;
      for (Path p : Markdown.files(dir)) {
        byte[] data = Files.readAllBytes(p);
        texts.add(new String(data, StandardCharsets.UTF_8));
        bytes += data.length;
      }
      System.out.printf(Locale.ROOT, "%d notes, %.1f MB%n", texts.size(), bytes / 1e6);
      Analyzer[] analyzers = {new KoreanAnalyzer(), NoteAnalyzers.standard().index()};
      String[] names = {"nori (KoreanAnalyzer)", "notesearch index chain"};
      for (int a = 0; a < analyzers.length; a++) {
        AnalysisBenchmark.analyse(analyzers[a], texts); // warm-up: the JIT compiles the analysis before it is timed
        long best = Long.MAX_VALUE;
        for (int r = 0; r < rounds; r++) {
          long t = System.nanoTime();
          AnalysisBenchmark.analyse(analyzers[a], texts);
          best = Math.min(best, System.nanoTime() - t);
        }
        System.out.printf(Locale.ROOT, "%s: %.2f MB/s (best of %d rounds, one thread)%n", names[a], bytes / 1e6 / (best / 1e9), rounds);
      }
      return 0;
    }
  }

  @Command(name = "typo", mixinStandardHelpOptions = true,
      description = "Times misspelt searches (did-you-mean) on notes with a large random Hangul vocabulary.")
  static final class Typo implements Callable<Integer> {
    @Option(names = "--notes", defaultValue = "3000", description = "notes to generate (default ${DEFAULT-VALUE})")
    int notes;

    @Option(names = "--vocabulary", defaultValue = "300000", description = "random Hangul words to draw from (default ${DEFAULT-VALUE})")
    int vocabulary;

    @Option(names = "--seed", defaultValue = "1", description = "random seed (default ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--keep", paramLabel = "DIR", description = "leave the notes and their index in DIR (notes/, index/)")
    Path keep;

    @Override
    public Integer call() throws IOException {
      TypoBench.run(notes, vocabulary, seed, keep);
      return 0;
    }
  }

  @Command(name = "parsers", mixinStandardHelpOptions = true,
      description = "Which everyday queries notesearch's query parser and Lucene's StandardQueryParser refuse (docs/design.md).")
  static final class Parsers implements Callable<Integer> {
    @Option(names = "--queries", defaultValue = "corpus/everyday-queries.txt", description = "one query per line (default ${DEFAULT-VALUE})")
    Path queries;

    @Override
    public Integer call() throws IOException {
      ParserComparison.run(queries, System.out);
      return 0;
    }
  }

  @Command(name = "fit", mixinStandardHelpOptions = true,
      description = "Measures real notes as the realistic generator is fitted: Zipf's exponent, Heaps' law, the notes' shape.")
  static final class Fit implements Callable<Integer> {
    @Parameters(paramLabel = "DIR", arity = "0..*",
        description = "notes folders (default: corpus/notes, corpus/heldout/notes, corpus/questions/notes, and ../shared/seed when there)")
    List<Path> dirs;

    @Option(names = "--write-words", paramLabel = "FILE",
        description = "write the words of corpus/notes, most frequent first (the generator's words.txt)")
    Path words;

    @Override
    public Integer call() throws IOException {
      List<Path> folders = dirs == null || dirs.isEmpty() ? CorpusFit.defaultFolders(Path.of("corpus")) : dirs;
      CorpusFit.Measured m = CorpusFit.measure(CorpusFit.files(folders), CorpusFit.indexAnalyzer());
      CorpusFit.print(m, System.out);
      System.out.println("generator parameters (RealisticShape.MEASURED):");
      System.out.println(RealisticShape.fit(m).java());
      if (words != null) {
        RankFrequency own = CorpusFit.measure(CorpusFit.files(List.of(Path.of("corpus/notes"))), null).words();
        Files.write(words, own.ranked().stream().map(own::spelling).toList(), StandardCharsets.UTF_8);
        System.out.printf(Locale.ROOT, "wrote %d words to %s%n", own.types(), words);
      }
      return 0;
    }
  }

  @Command(name = "zipf", mixinStandardHelpOptions = true,
      description = "Compares the real notes with as many generated words (Zipf, Heaps) and draws rank against frequency as SVG.")
  static final class Zipf implements Callable<Integer> {
    @Option(names = "--out", paramLabel = "SVG", description = "the plot to write (e.g. docs/zipf.svg)")
    Path out;

    @Parameters(paramLabel = "DIR", arity = "0..*", description = "real notes folders (default as for fit)")
    List<Path> dirs;

    @Override
    public Integer call() throws IOException {
      List<Path> folders = dirs == null || dirs.isEmpty() ? CorpusFit.defaultFolders(Path.of("corpus")) : dirs;
      ZipfPlot.Pair pair = ZipfPlot.measure(folders);
      ZipfPlot.report(pair, System.out);
      if (out != null) {
        ZipfPlot.write(pair, out);
        System.out.println("wrote " + out);
      }
      return 0;
    }
  }

  @Command(name = "index-ratio", mixinStandardHelpOptions = true,
      description = "Indexing speed of plain Lucene (KoreanAnalyzer, one TextField per file, one thread) and of notesearch"
          + " with one and two indexing threads, on the same folder in one JVM.")
  static final class IndexRatioCommand implements Callable<Integer> {
    @Parameters(paramLabel = "DIR", description = "a notes folder (e.g. from generate)")
    Path dir;

    @Option(names = "--threads", defaultValue = "2", description = "time notesearch with 1 to this many threads (default ${DEFAULT-VALUE})")
    int threads;

    @Override
    public Integer call() throws IOException {
      IndexRatio.run(dir, threads);
      return 0;
    }
  }

  @Command(name = "queries", mixinStandardHelpOptions = true,
      description = "Prints the realistic query set QueryBenchmark and index run (seed 7), or with --index times each"
          + " on an index and says where the slow ones spend their time.")
  static final class Queries implements Callable<Integer> {
    @Option(names = "--count", defaultValue = "200", description = "how many (default ${DEFAULT-VALUE})")
    int count;

    @Option(names = "--index", paramLabel = "DIR", description = "an index of realistic notes to time the queries on")
    Path index;

    @Override
    public Integer call() throws IOException {
      List<String> queries = RealisticGenerator.measured().queries(RealisticGenerator.QUERY_SEED, count);
      if (index != null) {
        QueryProfile.run(index, queries);
      } else {
        queries.forEach(System.out::println);
      }
      return 0;
    }
  }
}
