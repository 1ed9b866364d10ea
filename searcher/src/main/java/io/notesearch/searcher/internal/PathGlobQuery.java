package io.notesearch.searcher.internal;

import io.notesearch.core.glob.PathGlobs;
import io.notesearch.core.schema.IndexFolder;
import io.notesearch.core.schema.IndexSchema;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.search.ConstantScoreScorer;
import org.apache.lucene.search.ConstantScoreWeight;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.ScorerSupplier;
import org.apache.lucene.search.TwoPhaseIterator;
import org.apache.lucene.search.Weight;
import org.apache.lucene.util.FixedBitSet;

/**
 * Sections of the notes that {@code -g} globs keep ({@link PathGlobs}), the paths taken below the
 * indexed folder that holds each (the commit's {@link IndexFolder#FOLDERS_KEY}).
 *
 * <p>A filter checked per candidate: its approximation is every section, so a conjunction leads with
 * the words and asks this query only about the sections they match; each note path (a doc values
 * ordinal) is judged once per segment.
 */
final class PathGlobQuery extends Query {
  private final List<String> globs;
  private final PathGlobs filter;

  PathGlobQuery(List<String> globs) {
    this.globs = List.copyOf(globs);
    this.filter = PathGlobs.of(globs);
  }

  @Override
  public Weight createWeight(IndexSearcher searcher, ScoreMode scoreMode, float boost) {
    List<String> folders = folders(searcher.getIndexReader());
    return new ConstantScoreWeight(this, boost) {
      @Override
      public ScorerSupplier scorerSupplier(LeafReaderContext context) throws IOException {
        SortedDocValues paths = DocValues.getSorted(context.reader(), IndexSchema.PATH);
        int ords = paths.getValueCount();
        FixedBitSet judged = new FixedBitSet(Math.max(1, ords));
        FixedBitSet kept = new FixedBitSet(Math.max(1, ords));
        DocIdSetIterator all = DocIdSetIterator.all(context.reader().maxDoc());
        TwoPhaseIterator check = new TwoPhaseIterator(all) {
          @Override
          public boolean matches() throws IOException {
            if (!paths.advanceExact(all.docID())) {
              return false;
            }
            int ord = paths.ordValue();
            if (!judged.get(ord)) {
              judged.set(ord);
              if (filter.keeps(relative(paths.lookupOrd(ord).utf8ToString(), folders))) {
                kept.set(ord);
              }
            }
            return kept.get(ord);
          }

          @Override
          public float matchCost() {
            return 20; // a doc values lookup, and now and then a glob
          }
        };
        var scorer = new ConstantScoreScorer(score(), scoreMode, check);
        return new DefaultScorerSupplier(scorer);
      }

      @Override
      public boolean isCacheable(LeafReaderContext ctx) {
        return false; // the folders come from the commit, not the segment
      }
    };
  }

  /** The indexed folders of the reader's commit, the longest first. */
  private static List<String> folders(IndexReader reader) {
    if (reader instanceof DirectoryReader directory) {
      try {
        Map<String, String> data = directory.getIndexCommit().getUserData();
        return IndexFolder.Commit.of(data).folderList();
      } catch (IOException e) {
        return List.of();
      }
    }
    return List.of();
  }

  /** A note's path below the nearest indexed folder holding it; else without its leading {@code /}. */
  static String relative(String path, List<String> folders) {
    for (String folder : folders) {
      if (path.length() > folder.length() + 1 && path.startsWith(folder) && path.charAt(folder.length()) == '/') {
        return path.substring(folder.length() + 1);
      }
    }
    return path.startsWith("/") ? path.substring(1) : path;
  }

  @Override
  public void visit(QueryVisitor visitor) {
    visitor.visitLeaf(this);
  }

  @Override
  public String toString(String field) {
    return "globs" + globs;
  }

  @Override
  public boolean equals(Object o) {
    return sameClassAs(o) && globs.equals(((PathGlobQuery) o).globs);
  }

  @Override
  public int hashCode() {
    return Objects.hash(classHash(), globs);
  }
}
