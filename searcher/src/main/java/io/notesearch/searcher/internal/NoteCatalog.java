package io.notesearch.searcher.internal;

import io.notesearch.core.schema.IndexSchema;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.MultiBits;
import org.apache.lucene.index.MultiTerms;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.BytesRef;

/**
 * The notes of one point-in-time reader: their paths and how many sections they have. Computed
 * once per reader and kept while that reader is the current one. Not API.
 *
 * @param key the reader's cache key; a catalog of another key is stale
 * @param notes the indexed note paths, sorted
 * @param sections live section documents
 */
public record NoteCatalog(IndexReader.CacheKey key, List<String> notes, int sections) {
  /** Copies. */
  public NoteCatalog {
    notes = List.copyOf(notes);
  }

  /** Whether this catalog was made from the given reader. */
  public boolean isOf(IndexReader reader) {
    IndexReader.CacheHelper helper = reader.getReaderCacheHelper();
    return helper != null && helper.getKey() == key;
  }

  /** Lists the notes of a reader: the terms of the path field that a live document still has. */
  public static NoteCatalog of(IndexReader reader) throws IOException {
    List<String> paths = new ArrayList<>();
    Terms terms = MultiTerms.getTerms(reader, IndexSchema.PATH);
    if (terms != null) {
      // A re-indexed note leaves its old documents deleted but its term in place until a merge.
      Bits live = MultiBits.getLiveDocs(reader);
      TermsEnum te = terms.iterator();
      for (BytesRef t = te.next(); t != null; t = te.next()) {
        PostingsEnum postings = MultiTerms.getTermPostingsEnum(reader, IndexSchema.PATH, t, PostingsEnum.NONE);
        for (int d = postings.nextDoc(); d != DocIdSetIterator.NO_MORE_DOCS; d = postings.nextDoc()) {
          if (live == null || live.get(d)) {
            paths.add(t.utf8ToString());
            break;
          }
        }
      }
    }
    IndexReader.CacheHelper helper = reader.getReaderCacheHelper();
    return new NoteCatalog(helper == null ? null : helper.getKey(), paths, reader.numDocs());
  }
}
