package io.notesearch.solr;

import io.notesearch.core.analysis.NoteAnalyzers;
import io.notesearch.core.plan.Suggester;
import org.apache.solr.core.SolrCore;
import org.apache.solr.handler.RequestHandlerBase;
import org.apache.solr.request.SolrQueryRequest;
import org.apache.solr.response.SolrQueryResponse;
import org.apache.solr.security.AuthorizationContext;
import org.apache.solr.util.plugin.SolrCoreAware;

/**
 * {@code /notesearch/correct?q=…}: notesearch's did-you-mean ({@link Suggester}, Hangul compared by
 * jamo) over the vocabulary of the core that answers. Answers {@code correction}: the query with
 * each unknown word replaced, or absent when every word is known or none has a close match.
 */
public final class CorrectHandler extends RequestHandlerBase implements SolrCoreAware {
  /** The config set's analysis; the shipped one until the core is known. */
  private volatile Suggester suggester = suggester(NoteAnalysis.standard());

  @Override
  public void inform(SolrCore core) {
    suggester = suggester(NoteAnalysis.of(core.getResourceLoader()));
  }

  private static Suggester suggester(NoteAnalyzers analyzers) {
    return new Suggester(analyzers.queryPlain(), analyzers.glossary());
  }

  @Override
  public void handleRequestBody(SolrQueryRequest req, SolrQueryResponse rsp) throws Exception {
    String q = req.getParams().get("q", "");
    String corrected = suggester.correct(req.getSearcher().getIndexReader(), q);
    if (corrected != null) {
      rsp.add("correction", corrected);
    }
  }

  @Override
  public String getDescription() {
    return "notesearch did-you-mean from the index vocabulary";
  }

  @Override
  public Name getPermissionName(AuthorizationContext request) {
    return Name.READ_PERM;
  }
}
