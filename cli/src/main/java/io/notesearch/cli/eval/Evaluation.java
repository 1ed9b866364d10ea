package io.notesearch.cli.eval;

import io.notesearch.searcher.Hit;
import io.notesearch.searcher.NoteIndexException;
import io.notesearch.searcher.NoteSearcher;
import io.notesearch.searcher.SearchRequest;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Scores judged queries against an index: MRR@10 and hit@1 on notes, section hit@1 and section
 * MRR@10 (right note and right heading), overall and per query kind.
 */
public final class Evaluation {
  /** Rank cut-off of the reciprocal-rank metrics. */
  public static final int DEPTH = 10;

  private Evaluation() {}

  /**
   * Where the relevant note and section ranked for one query (0 when not in the top {@link #DEPTH}).
   *
   * @param judgment the judged query
   * @param noteRank rank of the first hit from the relevant note
   * @param sectionRank rank of the first hit that is the relevant section
   * @param top what ranked first, for reports
   */
  public record Outcome(Judgment judgment, int noteRank, int sectionRank, String top) {}

  /**
   * Metrics over a set of outcomes.
   *
   * @param queries how many
   * @param mrr mean reciprocal rank of the relevant note, cut at {@link #DEPTH}
   * @param hit1 share of queries whose first hit is from the relevant note
   * @param sectionHit1 share of queries whose first hit is the relevant section
   * @param sectionMrr mean reciprocal rank of the relevant section
   */
  public record Scores(int queries, double mrr, double hit1, double sectionHit1, double sectionMrr) {
    static Scores of(List<Outcome> outcomes) {
      double mrr = 0;
      double hit1 = 0;
      double sHit1 = 0;
      double sMrr = 0;
      for (Outcome o : outcomes) {
        mrr += o.noteRank() == 0 ? 0 : 1.0 / o.noteRank();
        hit1 += o.noteRank() == 1 ? 1 : 0;
        sHit1 += o.sectionRank() == 1 ? 1 : 0;
        sMrr += o.sectionRank() == 0 ? 0 : 1.0 / o.sectionRank();
      }
      int n = Math.max(1, outcomes.size());
      return new Scores(outcomes.size(), mrr / n, hit1 / n, sHit1 / n, sMrr / n);
    }
  }

  /**
   * A full report: every outcome, the overall scores and the scores per kind.
   *
   * @param outcomes one per judged query, in file order
   * @param overall scores over all queries
   * @param byKind scores per query kind, by kind name
   */
  public record Report(List<Outcome> outcomes, Scores overall, Map<String, Scores> byKind) {
    /** The report as a fixed-width table, one row per kind and one overall. */
    public String table() {
      StringBuilder out = new StringBuilder();
      out.append(String.format(Locale.ROOT, "%-18s %5s %8s %8s %12s %12s%n", "kind", "n", "MRR@10", "hit@1", "sect.hit@1", "sect.MRR@10"));
      for (Map.Entry<String, Scores> e : byKind.entrySet()) {
        out.append(row(e.getKey(), e.getValue()));
      }
      out.append(row("ALL", overall));
      return out.toString();
    }

    /** Queries whose relevant section did not rank first, with what did. */
    public List<String> misses() {
      List<String> out = new ArrayList<>();
      for (Outcome o : outcomes) {
        if (o.sectionRank() != 1) {
          Judgment j = o.judgment();
          out.add(String.format(Locale.ROOT, "%s [%s] %s → want %s # %s (note rank %d, section rank %d); got %s",
              j.id(), j.kind(), j.query(), j.note(), j.heading(), o.noteRank(), o.sectionRank(), o.top()));
        }
      }
      return out;
    }

    private static String row(String name, Scores s) {
      return String.format(Locale.ROOT, "%-18s %5d %8.3f %8.3f %12.3f %12.3f%n", name, s.queries(), s.mrr(), s.hit1(), s.sectionHit1(), s.sectionMrr());
    }
  }

  /**
   * Runs every judged query and scores it.
   *
   * @param searcher an open searcher over an index of the notes folder
   * @param notes the notes folder that judgments' note paths are relative to
   * @param judgments the judged queries
   */
  public static Report run(NoteSearcher searcher, Path notes, List<Judgment> judgments) throws NoteIndexException {
    Path root = notes.toAbsolutePath().normalize();
    List<Outcome> outcomes = new ArrayList<>();
    for (Judgment j : judgments) {
      String want = root.resolve(j.note()).normalize().toString();
      List<Hit> hits = searcher.search(SearchRequest.of(j.query()).withLimit(DEPTH).withHighlight(false)).hits();
      int noteRank = 0;
      int sectionRank = 0;
      for (int i = 0; i < hits.size(); i++) {
        Hit h = hits.get(i);
        if (!h.path().equals(want)) {
          continue;
        }
        if (noteRank == 0) {
          noteRank = i + 1;
        }
        String heading = h.headings().isEmpty() ? "" : h.headings().getLast();
        if (sectionRank == 0 && heading.equals(j.heading())) {
          sectionRank = i + 1;
        }
      }
      String top = hits.isEmpty() ? "nothing" : root.relativize(Path.of(hits.getFirst().path())) + " # "
          + (hits.getFirst().headings().isEmpty() ? "" : hits.getFirst().headings().getLast());
      outcomes.add(new Outcome(j, noteRank, sectionRank, top));
    }
    Map<String, List<Outcome>> grouped = new TreeMap<>();
    for (Outcome o : outcomes) {
      grouped.computeIfAbsent(o.judgment().kind(), k -> new ArrayList<>()).add(o);
    }
    Map<String, Scores> byKind = new LinkedHashMap<>();
    grouped.forEach((k, v) -> byKind.put(k, Scores.of(v)));
    return new Report(outcomes, Scores.of(outcomes), byKind);
  }
}
