package io.notesearch.solr.client;

import java.io.IOException;
import java.util.List;
import org.apache.solr.client.solrj.SolrClient;
import org.apache.solr.client.solrj.SolrRequest;
import org.apache.solr.client.solrj.SolrServerException;
import org.apache.solr.common.util.NamedList;

/**
 * Sends each request to the first of several nodes that can be reached, and keeps using the one
 * that answered ({@code --solr URL1,URL2}): a node that is down costs one failed connection, not
 * the search. A node that answers with an error is not skipped: the error is the answer. Every
 * request notesearch sends may be sent twice (searches; updates that delete a note's sections
 * before adding them).
 */
final class FailoverSolrClient extends SolrClient {
  private static final long serialVersionUID = 1L;

  private final transient List<SolrClient> nodes;
  private volatile int preferred;

  FailoverSolrClient(List<SolrClient> nodes) {
    this.nodes = List.copyOf(nodes);
  }

  @Override
  public NamedList<Object> request(SolrRequest<?> request, String collection) throws SolrServerException, IOException {
    int first = preferred;
    Exception last = null;
    for (int i = 0; i < nodes.size(); i++) {
      int at = (first + i) % nodes.size();
      try {
        NamedList<Object> answer = nodes.get(at).request(request, collection);
        preferred = at;
        return answer;
      } catch (SolrServerException | IOException e) {
        if (!unreachable(e)) {
          throw e;
        }
        last = e;
      }
    }
    if (last instanceof SolrServerException e) {
      throw e;
    }
    throw (IOException) last;
  }

  /** Whether the node could not be talked to at all (refused, reset, timed out, unknown host). */
  static boolean unreachable(Exception e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof IOException) {
        return true;
      }
    }
    return false;
  }

  @Override
  public void close() throws IOException {
    IOException failed = null;
    for (SolrClient node : nodes) {
      try {
        node.close();
      } catch (IOException e) {
        failed = e;
      }
    }
    if (failed != null) {
      throw failed;
    }
  }
}
