package io.notesearch.eval;

import io.notesearch.core.analysis.Glossary;
import io.notesearch.core.analysis.NoteAnalyzers;
import io.notesearch.indexer.IndexMode;
import io.notesearch.indexer.IndexOptions;
import io.notesearch.indexer.Progress;
import io.notesearch.indexer.internal.Indexer;
import io.notesearch.indexer.markdown.Note;
import io.notesearch.indexer.markdown.NoteParser;
import io.notesearch.indexer.markdown.Section;
import io.notesearch.searcher.NoteSearcher;
import io.notesearch.searcher.SearchOptions;
import io.notesearch.searcher.backend.Searchers;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.ko.KoreanAnalyzer;
import org.apache.lucene.analysis.ko.KoreanTokenizer.DecompoundMode;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.util.QueryBuilder;

/**
 * notesearch against plain Lucene set-ups on the same judged queries: the table of {@code
 * docs/relevance.md}. Baselines search title and text with OR semantics, as Lucene's query parser
 * does by default.
 */
public final class Comparison {
  private Comparison() {}

  /**
   * One compared set-up and its scores.
   *
   * @param name what was run
   * @param scores its scores over all queries
   * @param sections whether it returns sections (whole-note set-ups have no section metrics)
   */
  public record Row(String name, Evaluation.Scores scores, boolean sections) {}

  /**
   * Plain Lucene: {@code KoreanAnalyzer} over heading-split sections, title and text searched with OR
   * semantics, as its query parser would; the baseline a notes search must not fall below.
   *
   * @param notes the notes folder
   * @param judgments the judged queries
   * @return its row
   * @throws IOException when a note cannot be read
   */
  public static Row plainNori(Path notes, List<Judgment> judgments) throws IOException {
    return baseline("Lucene KoreanAnalyzer, heading-split sections", notes, judgments, markdownFiles(notes), KoreanAnalyzer::new, true);
  }

  /**
   * Runs every set-up over the notes and judgments.
   *
   * @param notes the notes folder
   * @param judgments the judged queries
   * @param scratch a folder for temporary indexes
   */
  public static List<Row> run(Path notes, List<Judgment> judgments, Path scratch) throws IOException {
    List<Path> files = markdownFiles(notes);
    List<Row> rows = new ArrayList<>();
    rows.add(baseline("Lucene KoreanAnalyzer, whole notes", notes, judgments, files, KoreanAnalyzer::new, false));
    rows.add(baseline("Lucene KoreanAnalyzer, heading-split sections", notes, judgments, files, KoreanAnalyzer::new, true));
    rows.add(baseline("Lucene StandardAnalyzer, heading-split sections", notes, judgments, files, StandardAnalyzer::new, true));
    Glossary glossary = Glossary.builtIn();
    rows.add(notesearch("notesearch (shipped: index decompound MIXED, feedback for any-word searches)", notes, judgments, scratch.resolve("mixed"),
        NoteAnalyzers.withIndexDecompound(glossary, DecompoundMode.MIXED), true));
    rows.add(notesearch("notesearch, index decompound DISCARD", notes, judgments, scratch.resolve("discard"),
        NoteAnalyzers.withIndexDecompound(glossary, DecompoundMode.DISCARD), true));
    rows.add(notesearch("notesearch, index decompound NONE", notes, judgments, scratch.resolve("none"),
        NoteAnalyzers.withIndexDecompound(glossary, DecompoundMode.NONE), true));
    rows.add(notesearch("notesearch without glossary or mined pairs", notes, judgments, scratch.resolve("noglossary"),
        NoteAnalyzers.withIndexDecompound(Glossary.empty(), DecompoundMode.MIXED), false));
    rows.addAll(expansion(notes, judgments, scratch.resolve("mixed")));
    return rows;
  }

  /**
   * notesearch with query expansion from the notes (see {@link Expansion}), over the shipped index
   * that {@link #run} built at {@code index}.
   */
  private static List<Row> expansion(Path notes, List<Judgment> judgments, Path index) throws IOException {
    NoteAnalyzers analyzers = NoteAnalyzers.withIndexDecompound(
        Glossary.builtIn().with(io.notesearch.core.schema.MinedGlossary.read(index)), DecompoundMode.MIXED);
    List<Row> rows = new ArrayList<>();
    try (NoteSearcher searcher = Searchers.local(index, analyzers, SearchOptions.DEFAULT.withFeedback(false))) {
      rows.add(new Row("notesearch without feedback (the any-word ranking alone)", Evaluation.run(searcher, notes, judgments).overall(), true));
      for (int[] p : new int[][] {{3, 10}, {5, 10}}) {
        rows.add(new Row("notesearch + feedback from the top " + p[0] + " sections, " + p[1] + " words, for every query",
            Evaluation.run(Expansion.feedback(searcher, analyzers, p[0], p[1]), notes, judgments).overall(), true));
      }
      rows.add(new Row("notesearch + sections related to the first hit, fused",
          Evaluation.run(Expansion.related(searcher), notes, judgments).overall(), true));
    }
    return rows;
  }

  /** The rows as a Markdown table. */
  public static String table(List<Row> rows) {
    StringBuilder out = new StringBuilder("| set-up | MRR@10 | hit@1 | section hit@1 | section MRR@10 |\n|---|---|---|---|---|\n");
    for (Row r : rows) {
      Evaluation.Scores s = r.scores();
      out.append(String.format(Locale.ROOT, "| %s | %.3f | %.3f | %s | %s |%n", r.name(), s.mrr(), s.hit1(),
          r.sections() ? String.format(Locale.ROOT, "%.3f", s.sectionHit1()) : "—",
          r.sections() ? String.format(Locale.ROOT, "%.3f", s.sectionMrr()) : "—"));
    }
    return out.toString();
  }

  private static Row notesearch(String name, Path notes, List<Judgment> judgments, Path index, NoteAnalyzers analyzers, boolean mined)
      throws IOException {
    try (Indexer indexer = Indexer.open(index, analyzers, IndexMode.FULL, IndexOptions.DEFAULT)) {
      indexer.index(List.of(notes), IndexMode.FULL, Progress.NONE);
    }
    NoteAnalyzers searching = analyzers;
    if (mined) {
      searching = NoteAnalyzers.withIndexDecompound(
          Glossary.builtIn().with(io.notesearch.core.schema.MinedGlossary.read(index)), analyzers.indexDecompound());
    }
    try (NoteSearcher searcher = Searchers.local(index, searching)) {
      return new Row(name, Evaluation.run(searcher, notes, judgments).overall(), true);
    }
  }

  private static Row baseline(String name, Path notes, List<Judgment> judgments, List<Path> files,
      Supplier<Analyzer> analyzerFactory, boolean sections) throws IOException {
    NoteParser parser = new NoteParser();
    try (Analyzer analyzer = analyzerFactory.get(); Directory dir = new ByteBuffersDirectory()) {
      try (IndexWriter writer = new IndexWriter(dir, new IndexWriterConfig(analyzer))) {
        for (Path file : files) {
          String text = Files.readString(file, StandardCharsets.UTF_8);
          Note note = parser.parse(text, file);
          if (!sections) {
            writer.addDocument(doc(file, null, note.title(), text));
            continue;
          }
          for (Section s : note.sections()) {
            String body = String.join(" ", s.headings()) + "\n" + s.text() + "\n" + s.code();
            writer.addDocument(doc(file, s.heading(), note.title(), body));
          }
        }
      }
      try (DirectoryReader reader = DirectoryReader.open(dir)) {
        IndexSearcher searcher = new IndexSearcher(reader);
        QueryBuilder builder = new QueryBuilder(analyzer);
        Evaluation.Ranker ranker = query -> {
          BooleanQuery.Builder b = new BooleanQuery.Builder();
          for (String field : List.of("title", "text")) {
            Query q = builder.createBooleanQuery(field, query, Occur.SHOULD);
            if (q != null) {
              b.add(q, Occur.SHOULD);
            }
          }
          List<Evaluation.Ranked> out = new ArrayList<>();
          for (ScoreDoc sd : searcher.search(b.build(), Evaluation.DEPTH).scoreDocs) {
            Document d = searcher.storedFields().document(sd.doc);
            out.add(new Evaluation.Ranked(d.get("path"), d.get("heading")));
          }
          return out;
        };
        return new Row(name, Evaluation.run(ranker, notes, judgments).overall(), sections);
      }
    }
  }

  private static Document doc(Path file, String heading, String title, String text) {
    Document d = new Document();
    d.add(new StoredField("path", file.toAbsolutePath().normalize().toString()));
    if (heading != null) {
      d.add(new StoredField("heading", heading));
    }
    d.add(new TextField("title", title, Field.Store.NO));
    d.add(new TextField("text", text, Field.Store.NO));
    return d;
  }

  private static List<Path> markdownFiles(Path notes) throws IOException {
    try (Stream<Path> walk = Files.walk(notes)) {
      return walk.filter(p -> p.toString().endsWith(".md")).sorted().toList();
    }
  }
}
