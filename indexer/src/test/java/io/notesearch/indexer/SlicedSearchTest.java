package io.notesearch.indexer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.notesearch.core.SearchRequest;
import io.notesearch.core.SearchResult;
import io.notesearch.searcher.NoteSearcher;
import io.notesearch.searcher.SearchOptions;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Assumptions;
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
    Assumptions.assumeTrue(Runtime.getRuntime().availableProcessors() > 1, "one core: searches never slice");
    // The corpus arrives in four commits, so that the index has several segments to slice.
    Path notes = tmp.resolve("notes");
    Path index = tmp.resolve("index");
    List<Path> files;
    try (Stream<Path> walk = Files.walk(CORPUS.resolve("notes"))) {
      files = walk.filter(Files::isRegularFile).sorted().toList();
    }
    try (NoteIndexer indexer = NoteIndexer.open(index)) {
      for (int part = 0; part < 4; part++) {
        for (int i = part; i < files.size(); i += 4) {
          Path to = notes.resolve(CORPUS.resolve("notes").relativize(files.get(i)).toString());
          Files.createDirectories(to.getParent());
          Files.copy(files.get(i), to);
        }
        indexer.index(List.of(notes), IndexMode.DEFAULT);
      }
    }
    try (DirectoryReader reader = DirectoryReader.open(FSDirectory.open(index))) {
      assertTrue(reader.leaves().size() >= 2, "segments to slice: " + reader.leaves().size());
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
    // Slices of 40 sections: every segment of the corpus's index is a slice of its own. On one
    // core the searcher makes no pool; a pool of its own slices even there.
    return NoteSearcher.open(index, io.notesearch.core.UserFiles.NONE, io.notesearch.core.Synonyms.DEFAULT,
        SearchOptions.DEFAULT.withSliceSections(sliceSections).withExecutor(POOL));
  }

  private static final java.util.concurrent.ExecutorService POOL =
      java.util.concurrent.Executors.newFixedThreadPool(2, Thread.ofPlatform().name("test-slice-", 1).daemon(true).factory());
}
