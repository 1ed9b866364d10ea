package io.notesearch.solr.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The write-ahead list of notes whose Solr batch was started but not committed. */
class SolrPendingTest {
  @TempDir Path staging;

  @Test
  void startedBatchesSurviveAProcessThatStopsAndAreClearedByACommit() throws Exception {
    SolrIndexer.Pending run1 = SolrIndexer.Pending.at(staging);
    run1.add(List.of("/notes/a.md", "/notes/b.md"));
    run1.add(List.of("/notes/b.md", "/notes/c.md"));
    // the process dies here: nothing else is written

    SolrIndexer.Pending run2 = SolrIndexer.Pending.at(staging);
    assertEquals(List.of("/notes/a.md", "/notes/b.md", "/notes/c.md"), run2.paths());
    assertTrue(run2.contains("/notes/c.md"));
    run2.keepOnly(List.of("/notes/b.md", "/notes/x.md")); // committed; b.md's batch failed this time
    assertEquals(List.of("/notes/b.md"), SolrIndexer.Pending.at(staging).paths());

    SolrIndexer.Pending run3 = SolrIndexer.Pending.at(staging);
    run3.keepOnly(List.of());
    assertFalse(Files.exists(staging.resolve(io.notesearch.core.schema.IndexFolder.SOLR_PENDING)));
    assertEquals(List.of(), SolrIndexer.Pending.at(staging).paths());
  }
}
