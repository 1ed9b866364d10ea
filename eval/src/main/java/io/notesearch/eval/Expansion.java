package io.notesearch.eval;

import io.notesearch.core.Hit;
import io.notesearch.core.SearchRequest;
import io.notesearch.core.analysis.NoteAnalyzers;
import io.notesearch.indexer.NoteSource;
import io.notesearch.indexer.SectionSource;
import io.notesearch.searcher.NoteSearcher;
import io.notesearch.searcher.backend.Fusion;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Query expansion from the notes themselves, for every query, as {@code eval --compare} measures it
 * against what ships (docs/relevance.md): notesearch expands only a query that no section matches
 * with all its words (the searcher's {@code Feedback}); applied to every query, feedback cost the
 * judged set 0.06 of section hit@1. Each ranker runs a searcher without feedback, then a second
 * search built from what the first found, and fuses the two rankings by reciprocal rank ({@link Fusion}).
 */
public final class Expansion {
  private Expansion() {}

  /**
   * Pseudo-relevance feedback: the words that the first {@code docs} sections found use most,
   * weighed by how rare they are in the index ({@code tf · log(N / df)}), the best {@code terms} of
   * them added to the query.
   *
   * @param searcher a searcher over the judged notes
   * @param analyzers the analysis the index was built with (its terms are what is counted)
   * @param docs how many first sections give words
   * @param terms how many words are added
   */
  public static Evaluation.Ranker feedback(NoteSearcher searcher, NoteAnalyzers analyzers, int docs, int terms) {
    NoteSource source = new NoteSource();
    Map<String, Long> df = new HashMap<>();
    return query -> {
      List<Hit> first = search(searcher, query);
      long sections = Math.max(1, searcher.stats().sections());
      Set<String> own = new LinkedHashSet<>(NoteAnalyzers.terms(analyzers.index(), query));
      Map<String, Double> weight = new LinkedHashMap<>();
      for (Hit h : first.subList(0, Math.min(docs, first.size()))) {
        Optional<SectionSource> s = source.byAnchor(Path.of(h.path()), h.anchor());
        if (s.isEmpty()) {
          continue;
        }
        Map<String, Integer> tf = new HashMap<>();
        for (String t : NoteAnalyzers.terms(analyzers.index(), s.get().markdown())) {
          // One syllable and numbers are mostly particles' leftovers and list numbers.
          if (t.length() > 1 && !own.contains(t) && !t.chars().allMatch(Character::isDigit)) {
            tf.merge(t, 1, Integer::sum);
          }
        }
        for (Map.Entry<String, Integer> e : tf.entrySet()) {
          long n = df.computeIfAbsent(e.getKey(), t -> count(searcher, t));
          weight.merge(e.getKey(), e.getValue() * Math.log((double) sections / Math.max(1, n)), Double::sum);
        }
      }
      List<String> added = weight.entrySet().stream()
          .sorted(Map.Entry.<String, Double>comparingByValue().reversed())
          .limit(terms).map(Map.Entry::getKey).toList();
      if (added.isEmpty()) {
        return ranked(first);
      }
      return fuse(ranked(first), ranked(search(searcher, query + " " + String.join(" ", added))));
    };
  }

  /**
   * The sections most like the first hit ({@code related}), fused with the first ranking.
   *
   * @param searcher a searcher over the judged notes
   */
  public static Evaluation.Ranker related(NoteSearcher searcher) {
    return query -> {
      List<Hit> first = search(searcher, query);
      if (first.isEmpty()) {
        return List.of();
      }
      Hit top = first.getFirst();
      List<Evaluation.Ranked> near = new ArrayList<>(List.of(ranked(top)));
      near.addAll(ranked(searcher.related(top.path(), top.anchor(), Evaluation.DEPTH)));
      return fuse(ranked(first), near);
    };
  }

  private static List<Hit> search(NoteSearcher searcher, String query) throws IOException {
    return searcher.search(SearchRequest.of(query).withLimit(Evaluation.DEPTH).withHighlight(false)).hits();
  }

  private static long count(NoteSearcher searcher, String term) {
    try {
      return searcher.search(SearchRequest.of(term).withReading(SearchRequest.Reading.AS_TYPED).withLimit(1)
          .withHighlight(false).withExactTotal(true)).total();
    } catch (IOException | IllegalArgumentException e) {
      return 1;
    }
  }

  private static List<Evaluation.Ranked> ranked(List<Hit> hits) {
    return hits.stream().map(Expansion::ranked).toList();
  }

  private static Evaluation.Ranked ranked(Hit h) {
    return new Evaluation.Ranked(h.path(), h.headings().isEmpty() ? "" : h.headings().getLast());
  }

  /** The two rankings fused by reciprocal rank, as the searcher fuses its own, cut to the evaluated depth. */
  private static List<Evaluation.Ranked> fuse(List<Evaluation.Ranked> a, List<Evaluation.Ranked> b) {
    return Fusion.reciprocalRank(a, b, r -> r.path() + "#" + r.heading()).keySet().stream().limit(Evaluation.DEPTH).toList();
  }
}
