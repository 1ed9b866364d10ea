package io.notesearch.server;

import io.notesearch.core.Hit;
import io.notesearch.core.SearchResult;
import java.util.Map;

/**
 * The JSON of a hit and of facet counts: one definition for {@code search --json} and the HTTP
 * server, so that both print the same objects.
 */
public final class HitJson {
  private HitJson() {}

  /**
   * One hit with exactly the documented keys, in order: {@code path, line, title, headings, anchor,
   * score, snippet, tags, category, categories, date, matches}: {@code category} is the first of
   * {@code categories} (empty when there is none), as it was before notes could have several.
   */
  public static String hit(Hit h) {
    return new Json()
        .field("path", h.path())
        .field("line", h.line())
        .field("title", h.title())
        .field("headings", h.headings())
        .field("anchor", h.anchor())
        .field("score", (double) h.score())
        .field("snippet", h.snippet().render("**", "**"))
        .field("tags", h.tags())
        .field("category", h.category())
        .field("categories", h.categories())
        .field("date", h.date() == null ? null : h.date().toString())
        .field("date_source", h.dateSource().isEmpty() ? null : h.dateSource())
        .field("modified", h.modified() == null ? null : h.modified().toString())
        .field("matches", h.matches())
        .end();
  }

  /**
   * A section's Markdown as {@code show --json} and the MCP server's {@code read_section} give it:
   * {@code path, line, end_line, title, headings, anchor, markdown}.
   */
  public static String section(io.notesearch.indexer.SectionSource s) {
    return new Json()
        .field("path", s.path())
        .field("line", s.line())
        .field("end_line", s.endLine())
        .field("title", s.title())
        .field("headings", s.headings())
        .field("anchor", s.anchor())
        .field("markdown", s.markdown())
        .end();
  }

  /** Facet counts: {@code {"tags":{…},"categories":{…},"years":{…}}}, most first. */
  public static String facets(SearchResult.Facets facets) {
    return new Json()
        .raw("tags", counts(facets.tags()))
        .raw("categories", counts(facets.categories()))
        .raw("years", counts(facets.years()))
        .end();
  }

  private static String counts(Map<?, Long> counts) {
    StringBuilder sb = new StringBuilder("{");
    counts.forEach((k, v) -> sb.append(sb.length() == 1 ? "" : ",").append(Json.quote(String.valueOf(k))).append(':').append(v));
    return sb.append('}').toString();
  }
}
