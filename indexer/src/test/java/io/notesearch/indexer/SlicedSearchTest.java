package io.notesearch.indexer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.notesearch.searcher.NoteSearcher;
import io.notesearch.searcher.SearchRequest;
import io.notesearch.searcher.SearchResult;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A large index is searched in slices on several threads (NoteSearcher); slices as small as a few
 * notes must give what one thread gives: hits in order with their scores and snippets, totals and
 * facets, for every judged query of the corpus.
 */
class SlicedSearchTest {
  private static final Path CORPUS =
      Path.of(System.getProperty("notesearch.corpus", "../corpus")).toAbsolutePath().normalize();

  @TempDir Path tmp;

  @Test
  void slicesFindWhatOneThreadFinds() throws IOException {
    Path index = tmp.resolve("index");
    try (NoteIndexer indexer = NoteIndexer.open(index)) {
      indexer.index(List.of(CORPUS.resolve("notes")), IndexMode.DEFAULT);
    }
    List<String> queries = new ArrayList<>();
    for (String line : Files.readAllLines(CORPUS.resolve("judgments.tsv"), StandardCharsets.UTF_8)) {
      String[] cols = line.split("\t");
      if (cols.length > 2 && !line.startsWith("#") && !cols[0].equals("id")) {
        queries.add(cols[2]);
      }
    }
    assertTrue(queries.size() >= 60, "judged queries: " + queries.size());
    queries.add("aws"); // matches much of the corpus
    try (NoteSearcher one = open(index, 0); NoteSearcher sliced = open(index, 40)) {
      for (String q : queries) {
        for (SearchRequest request : List.of(
            SearchRequest.of(q).withLimit(20).withFacets(true).withExactTotal(true),
            SearchRequest.of(q).withSort(SearchRequest.Sort.DATE).withLimit(5))) {
          SearchResult expected = one.search(request);
          SearchResult actual = sliced.search(request);
          assertEquals(expected.hits(), actual.hits(), q);
          assertEquals(expected.total(), actual.total(), q);
          assertEquals(expected.facets(), actual.facets(), q);
        }
      }
    }
  }

  private static NoteSearcher open(Path index, int sliceSections) throws IOException {
    // Read when a searcher opens; the corpus (~400 sections) then makes about ten slices.
    System.setProperty("notesearch.sliceSections", Integer.toString(sliceSections));
    try {
      return NoteSearcher.open(index);
    } finally {
      System.clearProperty("notesearch.sliceSections");
    }
  }
}
