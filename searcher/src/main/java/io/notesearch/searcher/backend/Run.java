package io.notesearch.searcher.backend;

import io.notesearch.core.SearchRequest;
import io.notesearch.core.plan.QueryPlanner;
import java.util.Objects;

/**
 * A query as a backend runs it: the request (its filters and order), the query text searched (the
 * request's, or a rewrite of it), its plan, and whether every word must match. A local index runs
 * the plan; a Solr collection sends the text and the words, which its plugin plans the same way.
 *
 * @param request the request: filters, sort, paging
 * @param text the cleaned query text this run searches
 * @param plan the planned Lucene queries
 * @param words whether every plain word must match, or any
 */
public record Run(SearchRequest request, String text, QueryPlanner.Plan plan, QueryPlanner.Words words) {
  /** Checks that nothing is missing. */
  public Run {
    Objects.requireNonNull(request, "request");
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(plan, "plan");
    Objects.requireNonNull(words, "words");
  }
}
