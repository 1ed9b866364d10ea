package io.notesearch.core.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.notesearch.core.SearchRequest;
import io.notesearch.core.analysis.NoteAnalyzers;
import io.notesearch.core.schema.IndexSchema;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.QueryBuilder;
import org.junit.jupiter.api.Test;

/** The ranking phrases are analysed once and moved to each field: the same queries as analysing per field. */
class QueryPlannerTest {
  private static final QueryBuilder PLAIN = new QueryBuilder(NoteAnalyzers.standard().queryPlain());

  @Test
  void aPhraseMovedToAFieldIsThePhraseAnalysedThere() {
    for (String text : List.of("로드 밸런서", "EC2 인스턴스 유형", "람다는 어떻게 과금되나", "event loop", "화살표 함수(Arrow Function)",
        "Route 53 alias 레코드", "node.js C++ 빌드", "오토스케일링 그룹 설정", "const 객체를 바꿀 수 있나")) {
      Query base = PLAIN.createPhraseQuery("_", text, 0);
      assertNotNull(base, text);
      assertTrue(base instanceof PhraseQuery, text + " makes a plain phrase: " + base);
      for (String field : List.of(IndexSchema.HEADING, IndexSchema.TITLE, IndexSchema.BODY)) {
        for (int slop : new int[] {0, 3}) {
          assertEquals(PLAIN.createPhraseQuery(field, text, slop), QueryPlanner.inField(base, field, slop), text + " in " + field);
        }
      }
    }
    assertNull(QueryPlanner.inField(new TermQuery(new Term("_", "람다")), IndexSchema.BODY, 0), "other queries are analysed again");
  }

  @Test
  void aQuestionWordEarnsNoCompoundBonus() {
    // The compound analyzer keeps 뭐 where the plain one makes 뭣: 뭐 looked like a compound typed.
    String elb = new QueryPlanner(NoteAnalyzers.standard()).plan(SearchRequest.of("ELB가 뭐야"), QueryPlanner.Words.ALL).rank().toString();
    assertTrue(!elb.contains("heading:뭐"), elb);
  }

  @Test
  void aWordWithAMultiWordSynonymCountsItsBestReadingOnly() {
    // 람다 | lambda | aws lambda: a section writing both 람다 and AWS Lambda must not count the word twice.
    Query match = new QueryPlanner(NoteAnalyzers.standard()).plan(SearchRequest.of("람다"), QueryPlanner.Words.ALL).match();
    List<DisjunctionMaxQuery> readings = new ArrayList<>();
    collect(match, readings);
    List<DisjunctionMaxQuery> graph = readings.stream()
        .filter(d -> d.getDisjuncts().stream().anyMatch(q -> q instanceof BoostQuery bq && bq.getQuery() instanceof BooleanQuery b
            && b.clauses().stream().allMatch(c -> c.occur() == BooleanClause.Occur.MUST)))
        .toList();
    assertEquals(1, graph.size(), match.toString());
    assertEquals(3, graph.getFirst().getDisjuncts().size(), match.toString());
    // No tie-breaker share: with one, DisjunctionMaxScorer gives its readings no minimum score to skip by.
    assertEquals(0f, graph.getFirst().getTieBreakerMultiplier(), match.toString());
    // aws lambda counts as one word, the mean of its two: a concept, like 람다.
    BoostQuery awsLambda = (BoostQuery) graph.getFirst().getDisjuncts().stream()
        .filter(q -> q instanceof BoostQuery).findFirst().orElseThrow();
    assertEquals(0.5f, awsLambda.getBoost(), match.toString());
  }

  private static void collect(Query q, List<DisjunctionMaxQuery> out) {
    switch (q) {
      case BooleanQuery b -> b.clauses().forEach(c -> collect(c.query(), out));
      case BoostQuery b -> collect(b.getQuery(), out);
      case DisjunctionMaxQuery d -> {
        out.add(d);
        d.getDisjuncts().forEach(x -> collect(x, out));
      }
      default -> { }
    }
  }
}
