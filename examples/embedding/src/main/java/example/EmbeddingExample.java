package example;

import io.notesearch.core.Hit;
import io.notesearch.core.SearchRequest;
import io.notesearch.core.SearchResult;
import io.notesearch.indexer.IndexMode;
import io.notesearch.indexer.IndexReport;
import io.notesearch.indexer.NoteIndexer;
import io.notesearch.searcher.NoteSearcher;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** Indexes a folder of notes, then searches it: notesearch inside another program. */
public class EmbeddingExample {
  public static void main(String[] args) throws IOException {
    Path notes = Path.of(args[0]); // e.g. ~/notes
    Path index = Path.of(args[1]); // any folder; created on first use

    // Write: one commit per run; the next run skips the notes that did not change.
    try (NoteIndexer indexer = NoteIndexer.open(index)) {
      IndexReport report = indexer.index(List.of(notes), IndexMode.DEFAULT);
      System.out.println(report.notes() + " notes, " + report.skipped().size() + " skipped");
    }

    // Read: open once and share it between threads; it sees new commits by itself.
    try (NoteSearcher searcher = NoteSearcher.open(index)) {
      SearchResult result = searcher.search(SearchRequest.of("람다 콜드 스타트").withTag("aws").withLimit(3));
      System.out.println(result.total() + " sections match");
      for (Hit hit : result.hits()) {
        System.out.println(hit.path() + ":" + hit.line() + " #" + hit.anchor());
        System.out.println("  " + hit.snippet().render("[", "]"));
      }
    }
  }
}
