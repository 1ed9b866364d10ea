package io.notesearch.indexer.internal;

import io.notesearch.core.schema.IndexSchema;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.index.BinaryDocValues;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.FieldExistsQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.Bits;

/**
 * What the index already holds, for deciding what changed: each note's content hash and file stamp
 * (from doc values: no stored field, and no section text, is decompressed), and which paths belong
 * to the indexed folders. Not API.
 */
public final class KnownNotes {
  private KnownNotes() {}

  /** Path → hash of every note in what the writer has committed or added. */
  static Map<String, String> all(IndexWriter writer) throws IOException {
    try (DirectoryReader reader = DirectoryReader.open(writer)) {
      return hashes(reader);
    }
  }

  /** Path → hash of the given notes, looked up one by one (a watcher's few changed files). */
  static Map<String, String> of(IndexWriter writer, Collection<Path> files) throws IOException {
    Map<String, String> out = new HashMap<>();
    try (DirectoryReader reader = DirectoryReader.open(writer)) {
      IndexSearcher searcher = new IndexSearcher(reader);
      for (Path file : files) {
        TopDocs top = searcher.search(new BooleanQuery.Builder()
            .add(new TermQuery(new Term(IndexSchema.PATH, file.toString())), BooleanClause.Occur.FILTER)
            // Only a note's first section carries its hash.
            .add(new FieldExistsQuery(IndexSchema.NOTE_HASH), BooleanClause.Occur.FILTER)
            .build(), 1);
        if (top.scoreDocs.length > 0) {
          int doc = top.scoreDocs[0].doc;
          LeafReaderContext leaf = reader.leaves().get(ReaderUtil.subIndex(doc, reader.leaves()));
          BinaryDocValues hashes = leaf.reader().getBinaryDocValues(IndexSchema.NOTE_HASH);
          if (hashes != null && hashes.advanceExact(doc - leaf.docBase)) {
            out.put(file.toString(), hashes.binaryValue().utf8ToString());
          }
        }
      }
    }
    return out;
  }

  /**
   * Path → content hash and file stamp of every note in an index's last commit (the keys incremental
   * indexing compares; the SolrCloud client sends what differs from the collection's).
   *
   * @param index the index folder
   * @return the note paths and their hashes
   * @throws IOException when the index cannot be read
   */
  public static Map<String, String> inIndex(Path index) throws IOException {
    try (Directory dir = FSDirectory.open(index); DirectoryReader reader = DirectoryReader.open(dir)) {
      return hashes(reader);
    }
  }

  /** Read from doc values in one pass per segment. */
  private static Map<String, String> hashes(DirectoryReader reader) throws IOException {
    Map<String, String> out = new HashMap<>();
    for (LeafReaderContext leaf : reader.leaves()) {
      SortedDocValues paths = leaf.reader().getSortedDocValues(IndexSchema.PATH);
      BinaryDocValues hashes = leaf.reader().getBinaryDocValues(IndexSchema.NOTE_HASH);
      if (paths == null || hashes == null) {
        continue;
      }
      Bits live = leaf.reader().getLiveDocs();
      // Only a note's first section has the hash; a replaced note's old first section is deleted.
      for (int doc = hashes.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = hashes.nextDoc()) {
        if ((live == null || live.get(doc)) && paths.advanceExact(doc)) {
          out.putIfAbsent(paths.lookupOrd(paths.ordValue()).utf8ToString(), hashes.binaryValue().utf8ToString());
        }
      }
    }
    return out;
  }

  /** Whether a path lies in a hidden folder or node_modules below its root (never indexed). */
  static boolean isSkippedFolder(Path path, List<Path> folders) {
    for (Path root : folders) {
      if (path.startsWith(root)) {
        Path relative = root.relativize(path);
        for (int i = 0; i < relative.getNameCount() - (Files.isDirectory(path) ? 0 : 1); i++) {
          String name = relative.getName(i).toString();
          if (name.startsWith(".") || name.equals("node_modules")) {
            return true;
          }
        }
      }
    }
    return false;
  }

  /** Whether a note's path lies under one of the indexed folders. */
  static boolean isUnder(String path, List<Path> folders) {
    Path p = Path.of(path);
    for (Path f : folders) {
      if (p.startsWith(f)) {
        return true;
      }
    }
    return false;
  }
}
