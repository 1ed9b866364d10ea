package io.notesearch.searcher.backend;

import io.notesearch.core.Snippet;
import io.notesearch.core.schema.SectionRecord.LinkText;
import io.notesearch.core.schema.IndexSchema;
import java.io.IOException;
import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.FieldInfo;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.uhighlight.Passage;
import org.apache.lucene.search.uhighlight.PassageFormatter;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;

/**
 * Best-passage snippets from the body field, using the offsets stored in its postings (no
 * re-analysis). Not API.
 */
public final class Snippets {
  /** Longest snippet shown, in chars: about one terminal line and a half. */
  static final int MAX_CHARS = 180;

  /** How far a cut moves to fall between words rather than inside one. */
  private static final int WORD_SLACK = 20;

  private static final char OPEN = '\u0002';
  private static final char CLOSE = '\u0003';

  private final Analyzer analyzer;

  /**
   * Creates the snippet maker.
   *
   * @param analyzer the index analyzer, used only if offsets are missing
   */
  public Snippets(Analyzer analyzer) {
    this.analyzer = analyzer;
  }

  /**
   * Where a snippet shows other text than the section's: a wikilink's note name ({@code git}) shown
   * as the note's title.
   *
   * @param start the first char's offset in the section's text
   * @param end the offset after the last char
   * @param text what to show instead
   */
  public record Relabel(int start, int end, String text) {}

  /** The titles of the notes links name, looked up as snippets need them. */
  @FunctionalInterface
  public interface Titles {
    /** No titles: every name shows as written. */
    Titles NONE = key -> null;

    /**
     * The title of the one note a link's key names.
     *
     * @param key a {@link IndexSchema#nameLink}
     * @return the title, or null when no note or several have the name
     * @throws IOException when the index cannot be read
     */
    String of(String key) throws IOException;
  }

  /**
   * A hit's snippet as shown, and the words it marks as the note writes them: where a marked
   * wikilink name shows as its note's title, the name ({@code git}), which is what the words matched
   * and what {@code --vimgrep} and {@code -A/-B/-C} look for in the file.
   *
   * @param snippet the snippet shown
   * @param matches the distinct marked words, as written in the note
   */
  public record Shown(Snippet snippet, List<String> matches) {
    /** Copies the list. */
    public Shown {
      matches = List.copyOf(matches);
    }

    /** {@return a snippet shown as written} */
    public static Shown of(Snippet snippet) {
      return new Shown(snippet, marked(snippet));
    }

    private static List<String> marked(Snippet snippet) {
      java.util.LinkedHashSet<String> out = new java.util.LinkedHashSet<>();
      for (Snippet.Mark m : snippet.marks()) {
        out.add(snippet.text().substring(m.start(), m.end()));
      }
      return List.copyOf(out);
    }
  }

  /**
   * Snippets for the given documents, in the same order, from body texts the caller has read.
   *
   * @param searcher the searcher the doc ids belong to
   * @param query a query over {@link IndexSchema#BODY} terms
   * @param docIds the documents
   * @param bodies each document's stored body, in the order of {@code docIds}, read by the caller
   *     with the hit's other stored fields: a document's stored fields are decompressed together
   *     (its body with them), so reading them twice cost a decompression per hit; null: read here
   * @param links each document's wikilink names in its body, sorted by offset, in the order of
   *     {@code docIds}; null for none
   * @param titles the titles those names show as; looked up only for names in a chosen passage
   */
  public List<Shown> snippets(IndexSearcher searcher, Query query, int[] docIds, String[] bodies,
      List<List<LinkText>> links, Titles titles) throws IOException {
    UnifiedHighlighter.Builder builder =
        UnifiedHighlighter.builder(searcher, analyzer)
            .withBreakIterator(() -> BreakIterator.getSentenceInstance(Locale.ROOT))
            .withFormatter(new MarkingFormatter())
            .withMaxNoHighlightPassages(1)
            .withWeightMatches(true)
            // The whole body, not Lucene's first 10,000 chars: a section found by a word further in
            // showed no mark. Offsets come from the postings, so a long body costs only its matches.
            .withMaxLength(Integer.MAX_VALUE - 1);
    Object[] marked = new BodyHighlighter(builder, docIds, bodies).passages(query, docIds);
    List<Shown> out = new ArrayList<>(docIds.length);
    for (int i = 0; i < marked.length; i++) {
      if (marked[i] instanceof Marked m) {
        Snippet written = toSnippet(m.text());
        List<Relabel> relabels = links == null || m.start() < 0 ? List.of() : relabels(links.get(i), m.start(), m.end(), titles);
        out.add(new Shown(relabels.isEmpty() ? written : toSnippet(relabel(m.text(), m.start(), relabels)),
            Shown.marked(written)));
      } else {
        out.add(Shown.of(Snippet.empty()));
      }
    }
    return out;
  }

  /** The relabels of the names that lie whole in {@code [from, to)} of the text and name one note. */
  private static List<Relabel> relabels(List<LinkText> links, int from, int to, Titles titles) throws IOException {
    List<Relabel> out = new ArrayList<>();
    for (LinkText t : links) {
      if (t.start() >= from && t.end() <= to) {
        String title = titles.of(t.key());
        if (title != null) {
          out.add(new Relabel(t.start(), t.end(), title));
        }
      }
    }
    return out;
  }

  /**
   * A snippet of a section's code marking the query's words: for a hit found by its code alone,
   * whose text has none of them to mark ({@code docker ps} in a section that explains it in prose).
   * Empty when the code has none either. The code is analysed again, with the code field's chain:
   * only such hits, at most a page, pay for it.
   *
   * @param code the section's stored code
   * @param query the query snippets mark ({@link QueryPlanner.Plan#highlight}), over body terms
   */
  public Snippet codeSnippet(String code, Query query) throws IOException {
    java.util.Set<org.apache.lucene.index.Term> terms = new java.util.HashSet<>();
    query.visit(org.apache.lucene.search.QueryVisitor.termCollector(terms));
    java.util.Set<String> words = new java.util.HashSet<>();
    terms.forEach(t -> words.add(t.text()));
    List<int[]> found = new ArrayList<>();
    try (org.apache.lucene.analysis.TokenStream ts = analyzer.tokenStream(IndexSchema.CODE, code)) {
      org.apache.lucene.analysis.tokenattributes.CharTermAttribute term =
          ts.addAttribute(org.apache.lucene.analysis.tokenattributes.CharTermAttribute.class);
      org.apache.lucene.analysis.tokenattributes.OffsetAttribute offset =
          ts.addAttribute(org.apache.lucene.analysis.tokenattributes.OffsetAttribute.class);
      ts.reset();
      while (ts.incrementToken()) {
        if (words.contains(term.toString())) {
          found.add(new int[] {offset.startOffset(), offset.endOffset()});
        }
      }
      ts.end();
    }
    if (found.isEmpty()) {
      return Snippet.empty();
    }
    // Identifiers are indexed whole and in parts: keep the outermost of overlapping matches.
    found.sort(java.util.Comparator.<int[]>comparingInt(m -> m[0]).thenComparingInt(m -> -m[1]));
    StringBuilder marked = new StringBuilder(code.length() + 2 * found.size());
    int at = 0;
    for (int[] m : found) {
      if (m[0] < at) {
        continue;
      }
      marked.append(code, at, m[0]).append(OPEN).append(code, m[0], m[1]).append(CLOSE);
      at = m[1];
    }
    marked.append(code, at, code.length());
    return toSnippet(marked.toString());
  }

  /**
   * The beginning of a text as a snippet with no mark: for a hit whose words are in its headings or
   * title only, so that no hit shows an empty or cut-off snippet.
   *
   * @param text the section's text or code
   * @param links the text's wikilink names, sorted by offset (none for code)
   * @param titles the titles they show as
   * @return at most {@link #MAX_CHARS} of it, on one line
   */
  public static Shown leading(String text, List<LinkText> links, Titles titles) throws IOException {
    String plain = text.replace(OPEN, ' ').replace(CLOSE, ' ');
    // The names in what can show: MAX_CHARS chars once runs of whitespace are one space.
    int shown = 0;
    int end = 0;
    boolean space = false;
    while (end < plain.length() && shown <= MAX_CHARS) {
      boolean white = Character.isWhitespace(plain.charAt(end));
      if (!white || !space) {
        shown++;
      }
      space = white;
      end++;
    }
    return Shown.of(toSnippet(relabel(plain, 0, relabels(links, 0, end, titles))));
  }

  /**
   * Marked text from a section's text with its relabelled spans replaced. A replaced span with a
   * mark in it is marked whole: the words matched the link ({@code git} in {@code [[git]]}), and
   * what shows there is its title.
   *
   * @param marked a stretch of the section's text from offset {@code start}, with {@link #OPEN} and
   *     {@link #CLOSE} around matches
   * @param start the offset in the section's text of the stretch's first char
   * @param relabels the spans to replace, sorted by offset; spans cut by the stretch's ends stay as they are
   */
  static String relabel(String marked, int start, List<Relabel> relabels) {
    if (relabels.isEmpty()) {
      return marked;
    }
    StringBuilder out = new StringBuilder(marked.length() + 16 * relabels.size());
    int offset = start;
    int next = 0;
    boolean inMark = false;
    for (int i = 0; i < marked.length(); i++) {
      char c = marked.charAt(i);
      if (c == OPEN || c == CLOSE) {
        inMark = c == OPEN;
        out.append(c);
        continue;
      }
      while (next < relabels.size() && relabels.get(next).start() < offset) {
        next++;
      }
      Relabel r = next < relabels.size() && relabels.get(next).start() == offset ? relabels.get(next) : null;
      int j = i;
      int at = offset;
      boolean any = inMark;
      boolean openAfter = inMark;
      if (r != null) {
        for (; j < marked.length() && at < r.end(); j++) {
          char d = marked.charAt(j);
          if (d == OPEN) {
            openAfter = true;
            any = true;
          } else if (d == CLOSE) {
            openAfter = false;
          } else {
            at++;
          }
        }
      }
      if (r == null || at < r.end()) {
        out.append(c);
        offset++;
        continue;
      }
      // Close a mark open before the span, mark the title if any of the span was, reopen after it.
      out.append(inMark ? String.valueOf(CLOSE) : "").append(any ? String.valueOf(OPEN) : "").append(r.text())
          .append(any ? String.valueOf(CLOSE) : "").append(openAfter ? String.valueOf(OPEN) : "");
      inMark = openAfter;
      offset = at;
      i = j - 1;
      next++;
    }
    return out.toString();
  }

  /** Turns marked text into a one-line snippet of at most {@link #MAX_CHARS}, centred on the first mark. */
  static Snippet toSnippet(String marked) {
    StringBuilder text = new StringBuilder(marked.length());
    List<int[]> marks = new ArrayList<>();
    int open = -1;
    boolean space = false;
    for (int i = 0; i < marked.length(); i++) {
      char c = marked.charAt(i);
      if (c == OPEN) {
        if (space) {
          text.append(' ');
          space = false;
        }
        open = text.length();
      } else if (c == CLOSE) {
        if (open >= 0 && text.length() > open) {
          int[] last = marks.isEmpty() ? null : marks.getLast();
          if (last != null && text.substring(last[1], open).isBlank()) {
            last[1] = text.length(); // "Elastic Load Balancing": one mark, not three
          } else {
            marks.add(new int[] {open, text.length()});
          }
        }
        open = -1;
      } else if (Character.isWhitespace(c)) {
        space = text.length() > 0;
      } else {
        if (space) {
          text.append(' ');
          space = false;
        }
        text.append(c);
      }
    }
    int from = 0;
    int to = text.length();
    if (to > MAX_CHARS) {
      int first = marks.isEmpty() ? 0 : marks.get(0)[0];
      int firstEnd = marks.isEmpty() ? 0 : marks.get(0)[1];
      from = Math.max(0, first - MAX_CHARS / 4);
      to = Math.min(text.length(), from + MAX_CHARS);
      from = Math.max(0, Math.min(from, to - MAX_CHARS));
      // Cut between words, not inside one ("…verless Computing"), when a space is near.
      if (from > 0 && text.charAt(from - 1) != ' ') {
        int gap = text.indexOf(" ", from);
        if (gap >= 0 && gap < Math.min(first, from + WORD_SLACK)) {
          from = gap + 1;
        }
      }
      if (to < text.length() && text.charAt(to) != ' ') {
        int gap = text.lastIndexOf(" ", to - 1);
        if (gap > Math.max(firstEnd, to - WORD_SLACK)) {
          to = gap;
        }
      }
    }
    String prefix = from > 0 ? "…" : "";
    String suffix = to < text.length() ? "…" : "";
    String body = prefix + text.substring(from, to) + suffix;
    List<Snippet.Mark> kept = new ArrayList<>();
    for (int[] m : marks) {
      if (m[0] >= from && m[1] <= to) {
        int shift = prefix.length() - from;
        kept.add(new Snippet.Mark(m[0] + shift, m[1] + shift));
      }
    }
    return new Snippet(body, kept);
  }

  /**
   * The highlighter over the body field: given the bodies the caller read, it does not read them
   * again; and it asks one segment how the body is indexed instead of merging every segment's field
   * infos, which Lucene's highlighter does once per instance (here, per search): that merge was ~15%
   * of the time spent on snippets at 100k notes. Every segment is written with one schema (a new
   * schema rebuilds the index), so any segment's answer is the index's.
   */
  private static final class BodyHighlighter extends UnifiedHighlighter {
    private final Map<Integer, String> bodies;

    /** @param bodies the documents' bodies in the order of {@code docIds}, or null to read them */
    BodyHighlighter(Builder builder, int[] docIds, String[] bodies) {
      super(builder);
      if (bodies == null) {
        this.bodies = null;
        return;
      }
      this.bodies = new HashMap<>();
      for (int i = 0; i < docIds.length; i++) {
        this.bodies.put(docIds[i], bodies[i]);
      }
    }

    /** Each document's best passage as {@link MarkingFormatter} gives it, or null. */
    Object[] passages(Query query, int[] docIds) throws IOException {
      return highlightFieldsAsObjects(new String[] {IndexSchema.BODY}, query, docIds, new int[] {1}).get(IndexSchema.BODY);
    }

    @Override
    protected FieldInfo getFieldInfo(String field) {
      for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
        FieldInfo info = leaf.reader().getFieldInfos().fieldInfo(field);
        if (info != null) {
          return info;
        }
      }
      return null;
    }

    @Override
    protected List<CharSequence[]> loadFieldValues(String[] fields, DocIdSetIterator docIter, int cacheCharsThreshold)
        throws IOException {
      if (bodies == null) {
        return super.loadFieldValues(fields, docIter, cacheCharsThreshold);
      }
      if (fields.length != 1 || !fields[0].equals(IndexSchema.BODY)) {
        throw new IllegalArgumentException("only the body's snippets are made from given bodies: " + Arrays.toString(fields));
      }
      List<CharSequence[]> out = new ArrayList<>();
      for (int doc = docIter.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = docIter.nextDoc()) {
        String body = bodies.get(doc);
        // As the stored-field reader it replaces: cut at the highlighter's most chars.
        out.add(new CharSequence[] {body == null || body.length() <= getMaxLength() ? body : body.substring(0, getMaxLength())});
      }
      return out;
    }
  }

  /** A passage with its matches wrapped in {@link #OPEN} and {@link #CLOSE}, and its offsets in the text. */
  private record Marked(String text, int start, int end) {}

  /** Wraps matches in control characters that {@link #toSnippet} turns into marks. */
  private static final class MarkingFormatter extends PassageFormatter {
    @Override
    public Object format(Passage[] passages, String content) {
      if (passages.length == 0) {
        return null;
      }
      StringBuilder sb = new StringBuilder();
      for (Passage p : passages) {
        if (!sb.isEmpty()) {
          sb.append(' ');
        }
        int pos = p.getStartOffset();
        int markStart = -1;
        int markEnd = -1;
        for (int i = 0; i < p.getNumMatches(); i++) {
          int start = p.getMatchStarts()[i];
          int end = p.getMatchEnds()[i];
          if (markStart >= 0 && start <= markEnd) {
            // A compound and its parts, or adjacent terms: one mark.
            markEnd = Math.max(markEnd, end);
            continue;
          }
          if (markStart >= 0) {
            pos = appendMark(sb, content, pos, markStart, markEnd);
          }
          markStart = start;
          markEnd = end;
        }
        if (markStart >= 0) {
          pos = appendMark(sb, content, pos, markStart, markEnd);
        }
        sb.append(content, pos, p.getEndOffset());
      }
      // One passage is asked for: its offsets place the text's relabels.
      return passages.length == 1 ? new Marked(sb.toString(), passages[0].getStartOffset(), passages[0].getEndOffset())
          : new Marked(sb.toString(), -1, -1);
    }

    private static int appendMark(StringBuilder sb, String content, int pos, int start, int end) {
      sb.append(content, pos, start).append(OPEN).append(content, start, end).append(CLOSE);
      return end;
    }
  }
}
