package io.notesearch.eval;

import io.notesearch.core.Hit;
import io.notesearch.core.NoteIndexException;
import io.notesearch.core.SearchRequest;
import io.notesearch.searcher.NoteSearcher;
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
   * One ranked result as the metrics see it.
   *
   * @param path absolute path of the note
   * @param heading the section's own heading, empty for an intro, or null when results are whole notes
   */
  public record Ranked(String path, String heading) {}

  /** Anything that ranks results for a query: notesearch, or a baseline to compare it with. */
  @FunctionalInterface
  public interface Ranker {
    /** The top results for a query, best first. */
    List<Ranked> rank(String query) throws java.io.IOException;
  }

  /** A ranker over a notesearch searcher with default settings. */
  public static Ranker of(NoteSearcher searcher) {
    return query -> {
      List<Ranked> out = new ArrayList<>();
      for (Hit h : searcher.search(SearchRequest.of(query).withLimit(DEPTH).withHighlight(false)).hits()) {
        out.add(new Ranked(h.path(), h.headings().isEmpty() ? "" : h.headings().getLast()));
      }
      return out;
    };
  }

  /**
   * Runs every judged query through a notesearch searcher and scores it.
   *
   * @param searcher an open searcher over an index of the notes folder
   * @param notes the notes folder that judgments' note paths are relative to
   * @param judgments the judged queries
   */
  public static Report run(NoteSearcher searcher, Path notes, List<Judgment> judgments) throws NoteIndexException {
    try {
      return run(of(searcher), notes, judgments);
    } catch (NoteIndexException e) {
      throw e;
    } catch (java.io.IOException e) {
      throw new NoteIndexException(NoteIndexException.Reason.DAMAGED, e.getMessage(), e);
    }
  }

  /**
   * Runs every judged query through a ranker and scores it.
   *
   * @param ranker what ranks results
   * @param notes the notes folder that judgments' note paths are relative to
   * @param judgments the judged queries
   */
  public static Report run(Ranker ranker, Path notes, List<Judgment> judgments) throws java.io.IOException {
    Path root = notes.toAbsolutePath().normalize();
    List<Outcome> outcomes = new ArrayList<>();
    for (Judgment j : judgments) {
      String want = root.resolve(j.note()).normalize().toString();
      List<Ranked> hits = ranker.rank(j.query());
      int noteRank = 0;
      int sectionRank = 0;
      for (int i = 0; i < Math.min(DEPTH, hits.size()); i++) {
        Ranked h = hits.get(i);
        if (!h.path().equals(want)) {
          continue;
        }
        if (noteRank == 0) {
          noteRank = i + 1;
        }
        if (sectionRank == 0 && j.heading().equals(h.heading())) {
          sectionRank = i + 1;
        }
      }
      String top = hits.isEmpty() ? "nothing" : root.relativize(Path.of(hits.getFirst().path())) + " # "
          + (hits.getFirst().heading() == null ? "(whole note)" : hits.getFirst().heading());
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
