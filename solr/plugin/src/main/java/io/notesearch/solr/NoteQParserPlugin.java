package io.notesearch.solr;

import io.notesearch.core.QuerySyntaxException;
import io.notesearch.core.SearchRequest;
import io.notesearch.core.analysis.NoteAnalyzers;
import io.notesearch.core.plan.QueryPlanner;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.util.ResourceLoader;
import org.apache.lucene.util.ResourceLoaderAware;
import org.apache.solr.common.SolrException;
import org.apache.solr.common.params.SolrParams;
import org.apache.solr.request.SolrQueryRequest;
import org.apache.solr.search.QParser;
import org.apache.solr.search.QParserPlugin;

/**
 * {@code {!notesearch}}: the query language and ranking of local notesearch, planned by searcher's
 * own {@link QueryPlanner} (compiled against Solr's Lucene), so Solr runs the very Lucene query that
 * a local search runs.
 *
 * <p>Local parameters:
 *
 * <ul>
 *   <li>{@code part}: {@code candidates} (default: what a section must match, with the filters),
 *       {@code rank} (the ranking boosts, for {@code {!rerank reRankQuery=…}}: local notesearch
 *       rescores its best 200 candidates with them), {@code full} (match + boosts + filters, for a
 *       sort by date);
 *   <li>{@code words}: {@code all} (default) or {@code any} (the fallback when nothing has every
 *       word);
 * </ul>
 *
 * Request parameters (shared by the match and the rank parts): {@code ns.drafts} ({@code true} to
 * include drafts), {@code ns.tag} (repeatable), {@code ns.category}, {@code ns.from} and {@code
 * ns.to} ({@code YYYY-MM-DD}): the filters of a {@link SearchRequest}.
 *
 * A mistyped field or an impossible date is a 400 whose message is notesearch's own.
 */
public final class NoteQParserPlugin extends QParserPlugin implements ResourceLoaderAware {
  public static final String NAME = "notesearch";

  /** The config set's analysis (its user dictionary and glossary); the shipped one until informed. */
  private volatile NoteAnalyzers analyzers = NoteAnalysis.standard();

  @Override
  public void inform(ResourceLoader loader) {
    analyzers = NoteAnalysis.of(loader);
  }

  @Override
  public QParser createParser(String qstr, SolrParams localParams, SolrParams params, SolrQueryRequest req) {
    return new QParser(qstr, localParams, params, req) {
      @Override
      public Query parse() {
        SearchRequest request = request(qstr == null ? "" : qstr, params == null ? SolrParams.of() : params);
        boolean allWords = !"any".equals(localParams == null ? null : localParams.get("words"));
        QueryPlanner.Plan plan;
        try {
          plan = new QueryPlanner(analyzers).plan(request, allWords ? QueryPlanner.Words.ALL : QueryPlanner.Words.ANY);
        } catch (QuerySyntaxException e) {
          throw new SolrException(SolrException.ErrorCode.BAD_REQUEST, e.getMessage(), e);
        }
        if (plan == null) {
          return new MatchNoDocsQuery("no searchable word");
        }
        String part = localParams == null ? "candidates" : localParams.get("part", "candidates");
        return switch (part) {
          case "candidates" -> plan.candidates();
          case "full" -> plan.full();
          case "rank" -> plan.rank() == null ? new MatchNoDocsQuery("no ranking boosts") : plan.rank();
          default -> throw new SolrException(SolrException.ErrorCode.BAD_REQUEST, "unknown part [" + part + "] of {!notesearch}");
        };
      }
    };
  }

  static SearchRequest request(String text, SolrParams p) {
    SearchRequest request = SearchRequest.of(text).withDrafts(p.getBool("ns.drafts", false));
    String[] tags = p.getParams("ns.tag");
    if (tags != null) {
      for (String tag : tags) {
        request = request.withTag(tag);
      }
    }
    String category = p.get("ns.category");
    if (category != null && !category.isEmpty()) {
      request = request.withCategory(category);
    }
    LocalDate from = date(p.get("ns.from"));
    LocalDate to = date(p.get("ns.to"));
    if (from != null || to != null) {
      request = request.withDates(from, to);
    }
    return request;
  }

  private static LocalDate date(String value) {
    if (value == null || value.isEmpty()) {
      return null;
    }
    try {
      return LocalDate.parse(value);
    } catch (DateTimeParseException e) {
      throw new SolrException(SolrException.ErrorCode.BAD_REQUEST, "bad date [" + value + "]", e);
    }
  }
}
