package io.notesearch.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.notesearch.cli.eval.Evaluation;
import io.notesearch.cli.eval.Judgment;
import io.notesearch.indexer.IndexMode;
import io.notesearch.indexer.NoteIndexer;
import io.notesearch.searcher.NoteSearcher;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Scores the judged queries of {@code corpus/judgments.tsv} and holds the floors. The floors only
 * go up: raise them when ranking improves, never lower them to make a change pass.
 */
class RelevanceTest {
  static final double FLOOR_MRR = 0.98;
  static final double FLOOR_SECTION_HIT1 = 0.86;
  static final double FLOOR_KIND_MRR = 0.85;

  @TempDir Path tmp;

  @Test
  void judgedQueriesMeetTheFloors() throws IOException {
    Path corpus = CliEndToEndTest.CORPUS;
    List<Judgment> judged = Judgment.read(corpus.resolve("judgments.tsv"));
    assertTrue(judged.size() >= 60, "at least 60 judged queries, have " + judged.size());
    Path index = tmp.resolve("index");
    try (NoteIndexer indexer = NoteIndexer.open(index)) {
      indexer.index(List.of(corpus.resolve("notes")), IndexMode.FULL);
    }
    Evaluation.Report report;
    try (NoteSearcher searcher = NoteSearcher.open(index)) {
      report = Evaluation.run(searcher, corpus.resolve("notes"), judged);
    }
    System.out.println("Relevance on corpus/judgments.tsv\n" + report.table());
    report.misses().forEach(m -> System.out.println("  miss: " + m));

    List<String> failures = new ArrayList<>();
    if (report.overall().mrr() < FLOOR_MRR) {
      failures.add("MRR@10 " + report.overall().mrr() + " < " + FLOOR_MRR);
    }
    if (report.overall().sectionHit1() < FLOOR_SECTION_HIT1) {
      failures.add("section hit@1 " + report.overall().sectionHit1() + " < " + FLOOR_SECTION_HIT1);
    }
    for (Map.Entry<String, Evaluation.Scores> e : report.byKind().entrySet()) {
      if (e.getValue().mrr() < FLOOR_KIND_MRR) {
        failures.add("kind " + e.getKey() + " MRR@10 " + e.getValue().mrr() + " < " + FLOOR_KIND_MRR);
      }
    }
    assertTrue(failures.isEmpty(), String.join("; ", failures));
  }
}
