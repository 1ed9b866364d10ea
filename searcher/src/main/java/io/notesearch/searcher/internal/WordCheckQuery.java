package io.notesearch.searcher.internal;

import io.notesearch.core.query.QueryNode;
import io.notesearch.core.schema.IndexSchema;
import java.io.IOException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.StoredFieldVisitor;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.FieldInfo;
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

/**
 * {@code -s} and {@code -w}: sections whose text has every word of the query as typed, checked the
 * way {@code rg} checks a line, on the section's stored title, headings, text and code.
 *
 * <ul>
 *   <li>Case-sensitive: a word with a Latin letter must appear in the case typed; other words are
 *       not checked ({@code -s} alone), or checked in any case ({@code -s -w}).
 *   <li>Whole words: a word must not run on into more letters or digits of its own script, so
 *       {@code function} is not found in {@code functions}; a Korean particle or ending after a word
 *       is allowed ({@code EC2가}, {@code 함수를}), as Korean writes them glued on.
 * </ul>
 *
 * <p>The index finds the candidates by its analysed words; this filter only reads the stored text of
 * those it is asked about (its approximation is every section, so a conjunction leads with the words).
 */
final class WordCheckQuery extends Query {
  private static final Set<String> FIELDS =
      Set.of(IndexSchema.TITLE, IndexSchema.HEADINGS_STORED, IndexSchema.BODY, IndexSchema.CODE);

  private final List<String> words;
  private final boolean caseSensitive;
  private final boolean wholeWords;

  WordCheckQuery(List<String> words, boolean caseSensitive, boolean wholeWords) {
    this.words = List.copyOf(words);
    this.caseSensitive = caseSensitive;
    this.wholeWords = wholeWords;
  }

  /**
   * The words a query requires as typed: its plain words and phrases, outside {@code -exclusions},
   * {@code OR} groups and {@code field:} filters; null when none.
   */
  static List<String> words(QueryNode root) {
    List<String> out = new ArrayList<>();
    collect(root, out);
    return out.isEmpty() ? null : out;
  }

  private static void collect(QueryNode node, List<String> out) {
    switch (node) {
      case QueryNode.Text t -> {
        for (String w : t.text().strip().split("\\s+")) {
          if (!w.isEmpty()) {
            out.add(w);
          }
        }
      }
      case QueryNode.Phrase p -> out.add(p.text().strip().replaceAll("\\s+", " "));
      case QueryNode.And and -> and.nodes().forEach(n -> collect(n, out));
      case null, default -> { }
    }
  }

  /** Whether the text has every word, by this query's rules. */
  boolean matches(String text) {
    for (String w : words) {
      boolean latin = w.chars().anyMatch(c -> c < 128 && Character.isLetter(c));
      if (!wholeWords && !(caseSensitive && latin)) {
        continue; // -s alone says nothing of words without a Latin letter
      }
      if (!contains(text, w, !(caseSensitive && latin), wholeWords)) {
        return false;
      }
    }
    return true;
  }

  static boolean contains(String text, String word, boolean ignoreCase, boolean whole) {
    int n = word.length();
    for (int i = 0; i + n <= text.length(); i++) {
      if (text.regionMatches(ignoreCase, i, word, 0, n) && (!whole || (startsWord(text, i, word) && endsWord(text, i + n, word)))) {
        return true;
      }
    }
    return false;
  }

  private static boolean startsWord(String text, int at, String word) {
    if (at == 0) {
      return true;
    }
    int before = text.codePointBefore(at);
    return !Character.isLetterOrDigit(before) || hangul(before) != hangul(word.codePointAt(0));
  }

  private static boolean endsWord(String text, int at, String word) {
    if (at == text.length()) {
      return true;
    }
    int after = text.codePointAt(at);
    int last = word.codePointBefore(word.length());
    // A particle or an ending glued on (EC2가, 함수를), or another script (람다Lambda).
    return !Character.isLetterOrDigit(after) || hangul(after) || hangul(after) != hangul(last);
  }

  private static boolean hangul(int c) {
    return Character.UnicodeScript.of(c) == Character.UnicodeScript.HANGUL;
  }

  @Override
  public Weight createWeight(IndexSearcher searcher, ScoreMode scoreMode, float boost) {
    return new ConstantScoreWeight(this, boost) {
      @Override
      public ScorerSupplier scorerSupplier(LeafReaderContext context) throws IOException {
        StoredFields stored = context.reader().storedFields();
        DocIdSetIterator all = DocIdSetIterator.all(context.reader().maxDoc());
        TwoPhaseIterator check = new TwoPhaseIterator(all) {
          @Override
          public boolean matches() throws IOException {
            StringBuilder text = new StringBuilder();
            stored.document(all.docID(), new StoredFieldVisitor() {
              @Override
              public Status needsField(FieldInfo field) {
                return FIELDS.contains(field.name) ? Status.YES : Status.NO;
              }

              @Override
              public void stringField(FieldInfo field, String value) {
                text.append(value.replace(IndexSchema.HEADING_SEPARATOR, "\n")).append('\n');
              }
            });
            String s = text.toString();
            return WordCheckQuery.this.matches(Normalizer.isNormalized(s, Normalizer.Form.NFC) ? s
                : Normalizer.normalize(s, Normalizer.Form.NFC));
          }

          @Override
          public float matchCost() {
            return 10_000; // decompresses the section's stored fields
          }
        };
        return new DefaultScorerSupplier(new ConstantScoreScorer(score(), scoreMode, check));
      }

      @Override
      public boolean isCacheable(LeafReaderContext ctx) {
        return true;
      }
    };
  }

  @Override
  public void visit(QueryVisitor visitor) {
    visitor.visitLeaf(this);
  }

  @Override
  public String toString(String field) {
    return (caseSensitive ? "case" : "") + (wholeWords ? "word" : "") + words;
  }

  @Override
  public boolean equals(Object o) {
    return sameClassAs(o) && words.equals(((WordCheckQuery) o).words) && caseSensitive == ((WordCheckQuery) o).caseSensitive
        && wholeWords == ((WordCheckQuery) o).wholeWords;
  }

  @Override
  public int hashCode() {
    return Objects.hash(classHash(), words, caseSensitive, wholeWords);
  }
}
