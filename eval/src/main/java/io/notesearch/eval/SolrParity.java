package io.notesearch.eval;

import io.notesearch.core.Hit;
import io.notesearch.core.SearchRequest;
import io.notesearch.core.SearchResult;
import io.notesearch.core.Synonyms;
import io.notesearch.core.UserFiles;
import io.notesearch.eval.Evaluation;
import io.notesearch.eval.Judgment;
import io.notesearch.indexer.IndexMode;
import io.notesearch.indexer.NoteIndexer;
import io.notesearch.searcher.NoteSearcher;
import io.notesearch.searcher.SearchOptions;
import io.notesearch.solr.client.SolrBackend;
import io.notesearch.solr.client.SolrCollection;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs judged queries through a Solr collection and, unless told {@code --solr-only}, through a
 * local index of the same notes, and prints what each ranked: the check that a deployment ranks as
 * local notesearch does (the SolrCloud integration test reads it).
 *
 * <pre>
 * java -cp notesearch.jar:lib/* io.notesearch.eval.SolrParity JUDGMENTS NOTES_DIR SOLR_URL COLLECTION [--solr-only]
 * </pre>
 *
 * <p>Output: one line per judged query, {@code id TAB local TAB solr TAB localSnippet TAB solrSnippet}:
 * each ranking the top {@link Evaluation#DEPTH} hits as {@code path#heading} joined by {@code U+001E}
 * (the local columns empty with {@code --solr-only}), then each side's best hit and its snippet, its
 * matches wrapped in {@code **} (locally with the synonyms Solr has: without the mined pairs); then
 * the two evaluation tables on standard error.
 */
public final class SolrParity {
  private SolrParity() {}

  /**
   * Runs the comparison.
   *
   * @param args judgments file, notes folder, Solr URL, collection, and optionally {@code --solr-only}
   */
  public static void main(String[] args) throws Exception {
    if (args.length < 4) {
      System.err.println("usage: SolrParity JUDGMENTS NOTES_DIR SOLR_URL COLLECTION [--solr-only]");
      System.exit(2);
    }
    List<Judgment> judged = Judgment.read(Path.of(args[0]));
    Path notes = Path.of(args[1]).toAbsolutePath().normalize();
    boolean solrOnly = args.length > 4 && args[4].equals("--solr-only");
    PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    List<List<String>> local = new ArrayList<>();
    List<String> localSnippets = new ArrayList<>();
    if (!solrOnly) {
      Path index = Files.createTempDirectory("notesearch-parity");
      try (NoteIndexer indexer = NoteIndexer.open(index)) {
        indexer.index(List.of(notes), IndexMode.FULL);
      }
      // Snippets are compared with the synonyms Solr has: the pairs mined from the notes are local
      // only (docs/scale-out.md), and they change which words a snippet marks.
      // Both without feedback, which the SolrCloud backend does not do (it would need the
      // collection's term statistics in one request): this compares the backends, not the features.
      try (NoteSearcher searcher = NoteSearcher.open(index, UserFiles.NONE, Synonyms.DEFAULT, SearchOptions.DEFAULT.withFeedback(false));
          NoteSearcher asSolr = NoteSearcher.open(index, UserFiles.NONE, Synonyms.GLOSSARY, SearchOptions.DEFAULT.withFeedback(false))) {
        for (Judgment j : judged) {
          local.add(ranked(searcher.search(request(j)).hits()));
          localSnippets.add(topSnippet(asSolr.search(request(j))));
        }
        System.err.println("local:\n" + Evaluation.run(searcher, notes, judged).table());
      }
    }
    List<List<String>> solr = new ArrayList<>();
    List<String> solrSnippets = new ArrayList<>();
    try (NoteSearcher searcher = SolrBackend.open(SolrCollection.at(args[2], args[3]), io.notesearch.core.UserFiles.NONE)) {
      for (Judgment j : judged) {
        SearchResult result = searcher.search(request(j));
        solr.add(ranked(result.hits()));
        solrSnippets.add(topSnippet(result));
      }
      Evaluation.Report report = Evaluation.run(query -> {
        List<Evaluation.Ranked> ranked = new ArrayList<>();
        for (Hit h : searcher.search(SearchRequest.of(query).withLimit(Evaluation.DEPTH).withHighlight(false)).hits()) {
          ranked.add(new Evaluation.Ranked(h.path(), h.headings().isEmpty() ? "" : h.headings().getLast()));
        }
        return ranked;
      }, notes, judged);
      System.err.println("solr:\n" + report.table());
      System.err.println(latency(searcher, judged));
    }
    for (int i = 0; i < judged.size(); i++) {
      out.println(judged.get(i).id() + "\t" + (solrOnly ? "" : String.join("\u001e", local.get(i))) + "\t"
          + String.join("\u001e", solr.get(i)) + "\t" + (solrOnly ? "" : localSnippets.get(i)) + "\t" + solrSnippets.get(i));
    }
    out.flush();
  }

  /** Latency of the judged queries on the warmed collection, one at a time, with snippets: a figure for docs/scale-out.md. */
  private static String latency(NoteSearcher searcher, List<Judgment> judged) throws Exception {
    long[] took = new long[judged.size()];
    for (int i = 0; i < judged.size(); i++) {
      long t = System.nanoTime();
      searcher.search(SearchRequest.of(judged.get(i).query()).withLimit(Evaluation.DEPTH));
      took[i] = System.nanoTime() - t;
    }
    long[] sorted = took.clone();
    java.util.Arrays.sort(sorted);
    double mean = java.util.Arrays.stream(took).average().orElse(0) / 1e6;
    return String.format(java.util.Locale.ROOT, "SOLR LATENCY %d judged queries, one at a time, top 10 with snippets: mean %.1f ms, p50 %.1f ms, p90 %.1f ms, max %.1f ms",
        took.length, mean, sorted[sorted.length / 2] / 1e6, sorted[(int) (sorted.length * 0.9)] / 1e6, sorted[sorted.length - 1] / 1e6);
  }

  private static SearchRequest request(Judgment j) {
    return SearchRequest.of(j.query()).withLimit(Evaluation.DEPTH);
  }

  /**
   * How the query was read (all or any words, and a rewrite) and its best hit as {@code path#heading},
   * {@code U+001D}, then that hit's snippet with its matches wrapped in {@code **}; empty when there is
   * no hit. The words marked depend on the reading, which Nori's version can change.
   */
  private static String topSnippet(SearchResult result) {
    List<Hit> hits = result.hits();
    if (hits.isEmpty()) {
      return "";
    }
    io.notesearch.core.Snippet snippet = hits.getFirst().snippet();
    String location = result.matching() + " " + result.rewrite().query() + " " + ranked(hits.subList(0, 1)).getFirst();
    StringBuilder out = new StringBuilder(snippet.text());
    List<io.notesearch.core.Snippet.Mark> marks = new ArrayList<>(snippet.marks());
    for (int k = marks.size() - 1; k >= 0; k--) {
      out.insert(marks.get(k).end(), "**").insert(marks.get(k).start(), "**");
    }
    return location + "\u001d" + out.toString().replace('\t', ' ').replace('\n', ' ');
  }

  private static List<String> ranked(List<Hit> hits) {
    List<String> out = new ArrayList<>();
    for (Hit h : hits) {
      out.add(h.path() + "#" + (h.headings().isEmpty() ? "" : h.headings().getLast()));
    }
    return out;
  }
}
