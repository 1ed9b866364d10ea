package io.notesearch.cli;

import io.notesearch.eval.Comparison;
import io.notesearch.eval.Evaluation;
import io.notesearch.eval.Judgment;
import io.notesearch.indexer.IndexMode;
import io.notesearch.indexer.NoteIndexer;
import io.notesearch.searcher.NoteSearcher;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code notesearch eval JUDGMENTS}: relevance metrics of judged queries. */
@Command(
    name = "eval",
    mixinStandardHelpOptions = true,
    header = "Score judged queries against an index: MRR@10, hit@1 and section hit@1 per query kind.",
    description = {
      "Score judged queries (id, kind, query, note, heading; tab-separated) against an index:",
      "MRR@10 and hit@1 on notes, section hit@1 and MRR@10, per query kind."
    })
final class EvalCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(paramLabel = "JUDGMENTS", description = "The judgments file, e.g. corpus/judgments.tsv.")
  Path judgments;

  @Option(names = "--notes", paramLabel = "DIR", description = "Notes folder the judged paths are relative to (default: notes/ beside JUDGMENTS).")
  Path notes;

  @Option(names = "--index", paramLabel = "PATH", description = "Index of those notes (default: build one in a temporary folder).")
  Path index;

  @Option(names = "--misses", description = "List the queries whose section did not rank first.")
  boolean misses;

  @Option(names = "--compare", description = "Compare with plain Lucene set-ups and notesearch variants (a Markdown table).")
  boolean compare;

  @Override
  public Integer call() throws Exception {
    if (!Files.isRegularFile(judgments)) {
      throw new IllegalArgumentException("no judgments file at [" + judgments + "]");
    }
    Path folder = notes != null ? notes : judgments.toAbsolutePath().getParent().resolve("notes");
    List<Judgment> judged = Judgment.read(judgments);
    if (compare) {
      Path scratch = Files.createTempDirectory("notesearch-compare");
      PrintWriter out = spec.commandLine().getOut();
      out.print(Comparison.table(Comparison.run(folder, judged, scratch)));
      out.flush();
      return ExitCodes.OK;
    }
    Path location = index;
    if (location == null) {
      location = Files.createTempDirectory("notesearch-eval");
      try (NoteIndexer indexer = NoteIndexer.open(location)) {
        indexer.index(List.of(folder), IndexMode.FULL);
      }
    }
    Evaluation.Report report;
    try (NoteSearcher searcher = NoteSearcher.open(location)) {
      report = Evaluation.run(searcher, folder, judged);
    }
    PrintWriter out = spec.commandLine().getOut();
    out.print(report.table());
    if (misses) {
      report.misses().forEach(out::println);
    }
    out.flush();
    return ExitCodes.OK;
  }
}
