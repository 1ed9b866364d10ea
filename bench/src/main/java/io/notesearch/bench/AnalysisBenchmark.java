package io.notesearch.bench;

import io.notesearch.core.analysis.NoteAnalyzers;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.ko.KoreanAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Analysis throughput over the text of the bundled notes: Lucene's plain {@code KoreanAnalyzer}
 * against notesearch's index chain. One operation analyses every note once; MB/s = corpus bytes /
 * time per operation.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class AnalysisBenchmark {
  /** Which chain: {@code nori} (KoreanAnalyzer defaults) or {@code notesearch} (index side). */
  @Param({"nori", "notesearch"})
  public String chain;

  private Analyzer analyzer;
  private List<String> texts;

  /** UTF-8 bytes analysed per operation. */
  public long bytes;

  @Setup(Level.Trial)
  public void setUp() throws IOException {
    texts = Corpus.texts();
    bytes = texts.stream().mapToLong(t -> t.getBytes(StandardCharsets.UTF_8).length).sum();
    analyzer = chain.equals("nori") ? new KoreanAnalyzer() : NoteAnalyzers.standard().index();
  }

  @Benchmark
  public long analyse() throws IOException {
    return analyse(analyzer, texts);
  }

  /** Analyses every text as body text; returns the characters of all terms (so nothing is optimised away). */
  static long analyse(Analyzer analyzer, List<String> texts) throws IOException {
    long tokens = 0;
    for (String text : texts) {
      try (TokenStream ts = analyzer.tokenStream("body", text)) {
        CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
        ts.reset();
        while (ts.incrementToken()) {
          tokens += term.length();
        }
        ts.end();
      }
    }
    return tokens;
  }

  /** The bundled notes, as text. */
  static final class Corpus {
    private Corpus() {}

    static Path folder() {
      return Path.of(System.getProperty("notesearch.corpus", "corpus")).resolve("notes");
    }

    static List<String> texts() throws IOException {
      List<String> texts = new ArrayList<>();
      for (Path p : Markdown.files(folder())) {
        texts.add(Files.readString(p, StandardCharsets.UTF_8));
      }
      return texts;
    }
  }
}
