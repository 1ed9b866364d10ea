package io.notesearch.indexer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.notesearch.core.Hit;
import io.notesearch.core.SearchRequest;
import io.notesearch.searcher.NoteSearcher;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A real-world notes folder, indexed and searched end to end. */
class MessyFolderTest {
  @TempDir Path tmp;

  @Test
  void everythingIndexableIsFoundAndExactlyTheBadFilesAreSkipped() throws IOException {
    MessyFolder.Layout folder = MessyFolder.write(tmp.resolve("notes"), 2 << 20);
    Path index = tmp.resolve("index");
    IndexReport report;
    try (NoteIndexer indexer = NoteIndexer.open(index)) {
      report = indexer.index(List.of(folder.root()), IndexMode.DEFAULT);
    }

    Map<String, String> expectedSkips = new TreeMap<>();
    folder.skipped().forEach((file, reason) -> expectedSkips.put(file.toString(), reason));
    Map<String, String> skips = new TreeMap<>();
    report.skipped().forEach(p -> skips.put(p.path(), p.reason()));
    assertEquals(expectedSkips, skips);

    long files = folder.findable().values().stream().distinct().count();
    assertEquals(files, report.notes(), "each indexable file once, symlinked duplicates included: " + report);
    assertTrue(report.warnings().stream().anyMatch(w -> w.path().endsWith("unclosed-fence.md")), report.warnings().toString());

    try (NoteSearcher searcher = NoteSearcher.open(index)) {
      for (Map.Entry<String, Path> e : folder.findable().entrySet()) {
        List<Hit> hits = searcher.search(SearchRequest.of(e.getKey()).withDrafts(true)).hits();
        assertFalse(hits.isEmpty(), e.getKey() + " finds nothing");
        assertEquals(e.getValue().toString(), hits.getFirst().path(), e.getKey());
        assertTrue(hits.stream().allMatch(h -> h.path().equals(e.getValue().toString())), e.getKey() + " found through a link too: " + hits);
      }
      for (String word : folder.hidden()) {
        assertEquals(List.of(), searcher.search(SearchRequest.of(word).withDrafts(true)).hits(), word);
      }
    }
  }
}
