package io.notesearch.searcher.internal;

import io.notesearch.core.analysis.NoteAnalyzers;
import io.notesearch.core.plan.QueryPlanner;
import io.notesearch.core.schema.IndexSchema;
import java.io.IOException;
import java.io.StringReader;
import java.util.Set;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.Term;
import org.apache.lucene.queries.mlt.MoreLikeThis;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;

/** Sections like a given section: Lucene's MoreLikeThis over its heading and text. Not API. */
public final class Related {
  private Related() {}

  /** The doc id of the section at {@code path#anchor}, or -1. */
  public static int find(IndexSearcher searcher, String path, String anchor) throws IOException {
    TopDocs top = searcher.search(new TermQuery(new Term(IndexSchema.ID, path + "#" + anchor)), 1);
    return top.scoreDocs.length == 0 ? -1 : top.scoreDocs[0].doc;
  }

  /** A plan whose match query is the section's most telling words, the section itself left out. */
  public static QueryPlanner.Plan plan(IndexSearcher searcher, int doc, NoteAnalyzers analyzers) throws IOException {
    Document d = searcher.storedFields().document(doc, Set.of(IndexSchema.BODY, IndexSchema.HEADINGS_STORED, IndexSchema.TITLE));
    String text = String.join("\n", d.get(IndexSchema.TITLE),
        d.get(IndexSchema.HEADINGS_STORED).replace(IndexSchema.HEADING_SEPARATOR, "\n"), d.get(IndexSchema.BODY));
    MoreLikeThis mlt = new MoreLikeThis(searcher.getIndexReader());
    mlt.setAnalyzer(analyzers.index());
    mlt.setFieldNames(new String[] {IndexSchema.BODY});
    mlt.setMinTermFreq(1);
    mlt.setMinDocFreq(1);
    mlt.setMaxQueryTerms(25);
    Query like = mlt.like(IndexSchema.BODY, new StringReader(text));
    if (like instanceof BooleanQuery b && b.clauses().isEmpty()) {
      return null;
    }
    Document id = searcher.storedFields().document(doc, Set.of(IndexSchema.PATH, IndexSchema.ANCHOR));
    BooleanQuery filter = new BooleanQuery.Builder().add(QueryPlanner.notDrafts())
        .add(new TermQuery(new Term(IndexSchema.ID, id.get(IndexSchema.PATH) + "#" + id.get(IndexSchema.ANCHOR))),
            org.apache.lucene.search.BooleanClause.Occur.MUST_NOT)
        .build();
    return new QueryPlanner.Plan(like, null, filter, () -> like);
  }
}
