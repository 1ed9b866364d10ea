package io.notesearch.solr;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.solr.client.solrj.impl.CloudSolrClient;
import org.apache.solr.client.solrj.request.CollectionAdminRequest;
import org.apache.solr.client.solrj.response.QueryResponse;
import org.apache.solr.client.solrj.SolrQuery;
import org.apache.solr.cloud.MiniSolrCloudCluster;
import org.apache.solr.common.SolrInputDocument;
import org.junit.jupiter.api.Test;

class ClusterSmokeIT {
  @Test
  void clusterRunsOurSchema() throws Exception {
    Path base = Files.createTempDirectory("ns-solr");
    MiniSolrCloudCluster cluster = new MiniSolrCloudCluster.Builder(2, base)
        .addConfig("notes", Path.of(System.getProperty("notesearch.configset")))
        .build();
    try {
      CloudSolrClient client = cluster.getSolrClient();
      CollectionAdminRequest.createCollection("notes", "notes", 2, 2).process(client);
      cluster.waitForActiveCollection("notes", 2, 4);
      SolrInputDocument d = new SolrInputDocument();
      d.addField("id", "a#b");
      d.addField("path", "/a.md");
      d.addField("title", "AWS Lambda 기초");
      d.addField("body", "람다는 요청 수와 실행 시간으로 과금된다.");
      d.addField("draft", "false");
      client.add("notes", d);
      client.commit("notes");
      QueryResponse r = client.query("notes", new SolrQuery("{!notesearch}람다 과금").setFields("id", "score"));
      System.out.println(r.getResults());
      assertEquals(1, r.getResults().getNumFound());
    } finally {
      cluster.shutdown();
    }
  }
}
