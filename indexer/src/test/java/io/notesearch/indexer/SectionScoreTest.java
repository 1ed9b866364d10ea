package io.notesearch.indexer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.notesearch.core.Hit;
import io.notesearch.core.SearchRequest;
import io.notesearch.core.schema.IndexSchema;
import io.notesearch.core.schema.NoteSimilarity;
import io.notesearch.searcher.NoteSearcher;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A one-word query scores each section with the term's stored score (the better of its section and
 * note BM25F plus a tie share of the other) read with {@link NoteSimilarity}: idf × the frequency,
 * which plain BM25 would saturate.
 */
class SectionScoreTest {
  @TempDir Path tmp;

  @Test
  void searchesScoreWithTheIndexSimilarity() throws IOException {
    Path notes = Files.createDirectories(tmp.resolve("notes"));
    Files.writeString(notes.resolve("tea.md"), """
        ---
        title: 홍차 노트
        ---

        ## 우리는 법

        홍차는 뜨거운 물에 3분 우린다. 홍차 잎은 밀봉한다.

        ## 보관

        잎은 서늘한 곳에 둔다. 홍차 향이 날아가지 않게.
        """, StandardCharsets.UTF_8);
    Files.writeString(notes.resolve("other.md"), "# 녹차\n\n녹차는 낮은 온도로 우린다.\n", StandardCharsets.UTF_8);
    Path index = tmp.resolve("index");
    try (NoteIndexer indexer = NoteIndexer.open(index)) {
      indexer.index(List.of(notes), IndexMode.DEFAULT);
    }
    List<Hit> hits;
    try (NoteSearcher searcher = NoteSearcher.open(index)) {
      hits = searcher.search(SearchRequest.of("홍차")).hits();
    }
    Query word = new TermQuery(new Term(IndexSchema.TERMS, "홍차"));
    try (FSDirectory dir = FSDirectory.open(index); DirectoryReader reader = DirectoryReader.open(dir)) {
      IndexSearcher scaled = new IndexSearcher(reader);
      scaled.setSimilarity(NoteSimilarity.INSTANCE);
      IndexSearcher plain = new IndexSearcher(reader);
      var expected = scaled.search(word, 10).scoreDocs;
      var unscaled = plain.search(word, 10).scoreDocs;
      assertEquals(expected.length, hits.size(), hits.toString());
      for (int i = 0; i < hits.size(); i++) {
        assertEquals(expected[i].score, hits.get(i).score(), 1e-5f, "hit " + i);
        assertNotEquals(unscaled[i].score, hits.get(i).score(), 1e-4f, "plain BM25 would score hit " + i + " otherwise");
      }
    }
  }
}
