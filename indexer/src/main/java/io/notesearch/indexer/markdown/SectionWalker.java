package io.notesearch.indexer.markdown;

import com.vladsch.flexmark.ast.BlockQuote;
import com.vladsch.flexmark.ast.FencedCodeBlock;
import com.vladsch.flexmark.ast.HardLineBreak;
import com.vladsch.flexmark.ast.Heading;
import com.vladsch.flexmark.ast.HtmlBlock;
import com.vladsch.flexmark.ast.HtmlCommentBlock;
import com.vladsch.flexmark.ast.HtmlInline;
import com.vladsch.flexmark.ast.IndentedCodeBlock;
import com.vladsch.flexmark.ast.LinkRef;
import com.vladsch.flexmark.ast.ListBlock;
import com.vladsch.flexmark.ast.ListItem;
import com.vladsch.flexmark.ast.Paragraph;
import com.vladsch.flexmark.ast.Reference;
import com.vladsch.flexmark.ast.SoftLineBreak;
import com.vladsch.flexmark.ast.StrongEmphasis;
import com.vladsch.flexmark.ast.Text;
import com.vladsch.flexmark.ast.ThematicBreak;
import com.vladsch.flexmark.ext.tables.TableBlock;
import com.vladsch.flexmark.ext.tables.TableCell;
import com.vladsch.flexmark.ext.tables.TableRow;
import com.vladsch.flexmark.ext.tables.TableSeparator;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;
import io.notesearch.indexer.markdown.InlineText.Mode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Cuts flexmark block trees into sections, in document order. Not API.
 *
 * <p>One walker per note; a note parsed in several chunks is walked chunk after chunk, so open
 * sections, anchors and list state carry over. The walk uses parent and sibling links instead of
 * recursion: blockquotes and lists nest as deep as the input is long.
 */
final class SectionWalker {
  /** Longest bold text taken as a pseudo-heading; longer bold text is emphasis in a sentence. */
  static final int MAX_PSEUDO_HEADING = 80;

  /** Deepest list level whose bold items become pseudo-headings; deeper ones are plain text. */
  static final int MAX_PSEUDO_HEADING_DEPTH = 8;

  /** Longest heading kept as a heading; the text of a longer one is kept in its section's text. */
  static final int MAX_HEADING = 1_000;

  /** {@code ## Title {#custom-id}} (Hugo, kramdown, Pandoc): the author's own anchor. */
  private static final Pattern CUSTOM_ID = Pattern.compile("\\s*\\{#([\\w-]+)(?:\\s[^}]*)?\\}\\s*$", Pattern.UNICODE_CHARACTER_CLASS);

  /** Obsidian callout marker after {@code [!type]}: folded ({@code -}) or open ({@code +}). */
  private static final Pattern CALLOUT_FOLD = Pattern.compile("^[+-]?[ \\t]*");

  private final Anchors anchors = new Anchors();

  /**
   * Anchors of pseudo-headings, numbered apart: GitHub gives bold text no anchor, so a bold {@code
   * 설치} must not make the {@code ## 설치} after it {@code 설치-1}. One that a heading's anchor takes
   * anyway gets a suffix when the note is done ({@link #sections}): every section's id stays unique.
   */
  private final Anchors pseudoAnchors = new Anchors();
  private final List<Open> stack = new ArrayList<>();
  private final List<Builder> built = new ArrayList<>();
  private final Builder intro;
  /** Text with no open section after sections were opened (after a list of bold items): untitled. */
  private Builder untitled;
  private int untitledLine;
  private final List<String> tags = new ArrayList<>();
  private final List<String> warnings = new ArrayList<>();
  private boolean ruleSinceHeading;
  private String firstTopHeading = "";

  // Per chunk.
  private int[] lineStarts;
  private int lineOffset;
  private int listDepth;
  private Node consumed;
  private Node calloutMarker;

  SectionWalker(int bodyLine) {
    this.intro = new Builder(List.of(), "", bodyLine);
    built.add(intro);
  }

  /** An open section: its level decides what closes it. */
  private record Open(int level, Kind kind, int listDepth, Builder builder) {}

  private enum Kind {
    HEADING,
    PARAGRAPH,
    LIST
  }

  /** A section being filled; turned into a {@link Section} as soon as nothing can add to it. */
  private static final class Builder {
    final List<String> headings;
    final String anchor;
    /** Whether a pseudo-heading (bold text) opened it rather than a heading. */
    boolean pseudo;
    int line;
    StringBuilder text = new StringBuilder();
    StringBuilder code = new StringBuilder();
    Section done;

    Builder(List<String> headings, String anchor, int line) {
      this.headings = headings;
      this.anchor = anchor;
      this.line = line;
    }

    boolean isEmpty() {
      return text.isEmpty() && code.isEmpty();
    }

    void finish() {
      if (done == null) {
        // One copy per field: the builders go, so a huge note is not held twice.
        InlineText.Unmarked body = InlineText.unmark(stripped(text));
        done = new Section(headings, anchor, line, body.text(), stripped(code), body.links());
        text = null;
        code = null;
      }
    }

    private static String stripped(StringBuilder b) {
      int end = b.length();
      while (end > 0 && Character.isWhitespace(b.charAt(end - 1))) {
        end--;
      }
      int start = 0;
      while (start < end && Character.isWhitespace(b.charAt(start))) {
        start++;
      }
      return b.substring(start, end);
    }
  }

  /**
   * Walks one parsed chunk of the note.
   *
   * @param chunk the chunk's document
   * @param firstLine 1-based line of the file where the chunk starts
   */
  void walk(Document chunk, int firstLine) {
    this.lineStarts = lineStarts(chunk.getChars());
    this.lineOffset = firstLine;
    this.listDepth = 0;
    Node n = chunk.getFirstChild();
    while (n != null) {
      if (enter(n) && n.getFirstChild() != null) {
        n = n.getFirstChild();
        continue;
      }
      while (true) {
        exit(n);
        if (n.getNext() != null) {
          n = n.getNext();
          break;
        }
        n = n.getParent();
        if (n == chunk || n == null) {
          n = null;
          break;
        }
      }
    }
    this.lineStarts = null;
  }

  /** Offsets where lines start, counting line breaks as CommonMark does (CRLF, LF or a lone CR). */
  private static int[] lineStarts(CharSequence text) {
    int[] starts = new int[64];
    int count = 1;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\n' || (c == '\r' && (i + 1 == text.length() || text.charAt(i + 1) != '\n'))) {
        if (count == starts.length) {
          starts = Arrays.copyOf(starts, count * 2);
        }
        starts[count++] = i + 1;
      }
    }
    return Arrays.copyOf(starts, count);
  }

  /** The sections in document order; the intro only when it has text. */
  List<Section> sections() {
    java.util.Set<String> headingAnchors = new java.util.HashSet<>();
    for (Builder b : built) {
      if (!b.pseudo) {
        headingAnchors.add(b.anchor);
      }
    }
    List<Section> out = new ArrayList<>(built.size());
    for (Builder b : built) {
      if (b.headings.isEmpty() && b.done == null && b.isEmpty()) {
        continue;
      }
      b.finish();
      Section section = b.done;
      if (b.pseudo && headingAnchors.contains(section.anchor())) {
        String anchor = section.anchor();
        while (headingAnchors.contains(anchor)) {
          anchor = pseudoAnchors.unique(section.anchor());
        }
        section = new Section(section.headings(), anchor, section.line(), section.text(), section.code(), section.linkTexts());
      }
      out.add(section);
    }
    return out;
  }

  /** The first level-1 heading, or empty. */
  String firstTopHeading() {
    return firstTopHeading;
  }

  /** Obsidian {@code #tags} met in the text, first spelling of each. */
  List<String> tags() {
    return tags;
  }

  /** Problems that cost part of the note's structure (e.g. an unclosed code fence). */
  List<String> warnings() {
    return warnings;
  }

  private Builder current() {
    if (!stack.isEmpty()) {
      return stack.getLast().builder();
    }
    if (built.size() == 1) {
      return intro;
    }
    if (untitled == null) {
      // The intro is above the sections already opened; this text starts a section of its own.
      untitled = new Builder(List.of(), "", untitledLine);
      built.add(untitled);
    }
    return untitled;
  }

  private int line(Node n) {
    // Not Node.getStartLineNumber: flexmark counts line breaks from the start of the text on every
    // call, which is quadratic over a large note.
    int i = Arrays.binarySearch(lineStarts, n.getStartOffset());
    return (i >= 0 ? i : -i - 2) + lineOffset;
  }

  private void open(String title, String anchor, int level, Kind kind, int depth, int line) {
    List<String> path = new ArrayList<>(stack.size() + 1);
    for (Open o : stack) {
      path.add(o.builder().headings.getLast());
    }
    path.add(title);
    Builder b = new Builder(List.copyOf(path), anchor, line);
    b.pseudo = kind != Kind.HEADING;
    if (untitled != null) {
      untitled.finish();
      untitled = null;
    }
    built.add(b);
    stack.add(new Open(level, kind, depth, b));
  }

  private void close() {
    // A closed section can never get more text: finish it now to free its builders.
    stack.removeLast().builder().finish();
  }

  /** Handles a node on the way down; true to walk into its children. */
  private boolean enter(Node n) {
    if (n == consumed) {
      return false;
    }
    if (!(n instanceof ListItem) && stack.isEmpty()) {
      if (built.size() == 1 && intro.isEmpty()) {
        // The intro starts at its first content, not at the blank line after the front matter.
        intro.line = line(n);
      } else if (untitled == null) {
        untitledLine = line(n);
      }
    }
    switch (n) {
      case Heading h -> heading(h);
      case Paragraph p -> paragraph(p);
      case ListBlock list -> {
        listDepth++;
        return true;
      }
      case ListItem item -> {
        return listItem(item);
      }
      case FencedCodeBlock f -> {
        if (f.getClosingMarker().isEmpty()) {
          warnings.add("code fence opened on line " + line(f) + " is never closed; what follows it is read as code");
        }
        appendCode(f.getContentChars().toString());
      }
      case IndentedCodeBlock c -> appendCode(c.getContentChars().toString());
      case HtmlCommentBlock comment -> {
        // Comments are not shown to readers.
      }
      case HtmlBlock html -> appendText(Html.text(html.getChars()));
      case ThematicBreak rule -> ruleSinceHeading = true;
      case TableBlock table -> table(table);
      case Reference definition -> {
        // [id]: https://… defines a link target; readers never see it.
      }
      case BlockQuote quote -> {
        calloutMarker = calloutMarker(quote);
        return true;
      }
      default -> {
        if (n.hasChildren()) {
          return true;
        }
        appendText(n.getChars().toString());
      }
    }
    return false;
  }

  /** Handles a node on the way up, after its children. */
  private void exit(Node n) {
    if (n instanceof ListBlock) {
      // Text after a list belongs to the section the list was in, not to its last bold item.
      while (!stack.isEmpty() && stack.getLast().kind() == Kind.LIST && stack.getLast().listDepth() >= listDepth) {
        close();
      }
      listDepth--;
    }
  }

  private void heading(Heading h) {
    String title = oneLine(Visible.text(InlineText.of(h, Mode.VISIBLE, null)));
    String anchorText = Visible.text(InlineText.of(h, Mode.ANCHOR, null));
    String customId = null;
    Matcher custom = CUSTOM_ID.matcher(title);
    if (custom.find()) {
      customId = custom.group(1);
      title = title.substring(0, custom.start());
      Matcher inAnchor = CUSTOM_ID.matcher(anchorText);
      anchorText = inAnchor.find() ? anchorText.substring(0, inAnchor.start()) : anchorText;
    }
    if (title.isEmpty()) {
      return;
    }
    String overflow = "";
    if (title.length() > MAX_HEADING) {
      overflow = title;
      title = cut(title, MAX_HEADING);
      anchorText = cut(anchorText, MAX_HEADING);
    }
    int level = h.getLevel() * 10;
    // A heading closes every pseudo-heading (bold text is no part of the document's outline, so a
    // bold line before a ## is not its parent) and every heading of its level or deeper.
    while (!stack.isEmpty() && (stack.getLast().kind() != Kind.HEADING || stack.getLast().level() >= level)) {
      close();
    }
    if (h.getLevel() == 1 && firstTopHeading.isEmpty()) {
      firstTopHeading = title;
    }
    String anchor = customId != null ? anchors.unique(customId) : anchors.next(anchorText);
    open(title, anchor, level, Kind.HEADING, 0, line(h));
    ruleSinceHeading = false;
    appendText(overflow);
  }

  private void paragraph(Paragraph p) {
    if (calloutMarker != null && calloutMarker.getParent() == p) {
      // > [!note] Title: the marker goes, the title and the body stay.
      StringBuilder out = new StringBuilder();
      InlineText.appendFrom(calloutMarker.getNext(), Mode.TEXT, tags, out);
      calloutMarker = null;
      appendText(CALLOUT_FOLD.matcher(out).replaceFirst(""));
      return;
    }
    Split split = listDepth == 0 ? boldFirstLine(p) : null;
    if (split == null) {
      appendText(Visible.containerMarkers(InlineText.of(p, Mode.TEXT, tags)));
      return;
    }
    while (!stack.isEmpty() && stack.getLast().kind() != Kind.HEADING) {
      close();
    }
    int level;
    if (ruleSinceHeading && !stack.isEmpty()) {
      // After a thematic break a bold line starts a new part: a sibling of the heading above.
      level = stack.getLast().level();
      close();
    } else {
      level = (stack.isEmpty() ? 0 : stack.getLast().level()) + 5;
    }
    open(split.title(), pseudoAnchors.next(split.title()), level, Kind.PARAGRAPH, 0, line(p));
    ruleSinceHeading = false;
    appendText(split.rest());
  }

  /** Opens a pseudo-heading for a bold first line; true to walk the item's blocks. */
  private boolean listItem(ListItem item) {
    while (!stack.isEmpty() && stack.getLast().kind() == Kind.LIST && stack.getLast().listDepth() >= listDepth) {
      close();
    }
    Node first = item.getFirstChild();
    Split split =
        first instanceof Paragraph p && listDepth <= MAX_PSEUDO_HEADING_DEPTH ? boldFirstLine(p) : null;
    if (split == null) {
      return true;
    }
    int base = 0;
    for (Open o : stack) {
      if (o.kind() != Kind.LIST) {
        base = o.level();
      }
    }
    open(split.title(), pseudoAnchors.next(split.title()), base + listDepth, Kind.LIST, listDepth, line(first));
    appendText(split.rest());
    consumed = first;
    return true;
  }

  private void table(TableBlock table) {
    StringBuilder rows = new StringBuilder();
    for (Node part = table.getFirstChild(); part != null; part = part.getNext()) {
      if (part instanceof TableSeparator) {
        continue; // the |---|---| row
      }
      for (Node row = part.getFirstChild(); row != null; row = row.getNext()) {
        if (row instanceof TableRow) {
          for (Node cell = row.getFirstChild(); cell != null; cell = cell.getNext()) {
            if (cell instanceof TableCell) {
              rows.append(oneLine(InlineText.of(cell, Mode.TEXT, tags))).append(" \t ");
            }
          }
          rows.append('\n');
        }
      }
    }
    appendText(rows.toString());
  }

  private void appendText(String text) {
    String s = Visible.text(text).strip();
    if (!s.isEmpty()) {
      current().text.append(s).append('\n');
    }
  }

  private void appendCode(String code) {
    if (!code.isBlank()) {
      current().code.append(Visible.code(code)).append('\n');
    }
  }

  /** The {@code [!type]} starting an Obsidian callout, or null when the quote is not one. */
  private static Node calloutMarker(BlockQuote quote) {
    if (quote.getFirstChild() instanceof Paragraph p && p.getFirstChild() instanceof LinkRef ref) {
      String marker = ref.getReference().toString();
      if (marker.startsWith("!") && marker.length() > 1 && !ref.isDefined()) {
        return ref;
      }
    }
    return null;
  }

  /** The paragraph's bold first line as a title plus the rest, or null when it is not one. */
  private Split boldFirstLine(Paragraph p) {
    Node n = p.getFirstChild();
    while (n != null && isBlank(n)) {
      n = n.getNext();
    }
    if (!(n instanceof StrongEmphasis strong)) {
      return null;
    }
    Node after = strong.getNext();
    while (after != null && !isLineBreak(after)) {
      if (!isBlank(after)) {
        return null;
      }
      after = after.getNext();
    }
    String title = oneLine(Visible.text(InlineText.of(strong, Mode.VISIBLE, null)));
    if (title.isEmpty() || title.length() > MAX_PSEUDO_HEADING || endsLikeSentence(title)) {
      return null;
    }
    StringBuilder rest = new StringBuilder();
    InlineText.appendFrom(after, Mode.TEXT, tags, rest);
    return new Split(title, rest.toString());
  }

  private record Split(String title, String rest) {}

  /**
   * Whether bold text ends like a sentence ({@code **꼭 백업해야 한다**}, {@code **중요합니다**}), so is
   * emphasis, not a title. A last word of up to three syllables ending in 다 or 요 is a noun unless
   * the syllable before is a verb's or adjective's ({@code 개요}, {@code 프로젝트 개요}, {@code 중요},
   * {@code AWS 람다} are titles; {@code 쓴다}, {@code 좋다}, {@code 좋아요} are not).
   */
  static boolean endsLikeSentence(String title) {
    char last = title.charAt(title.length() - 1);
    if (last == '.' || last == '!' || last == '?') {
      return true;
    }
    if (last != '다' && last != '요') {
      return false;
    }
    String word = title.substring(title.lastIndexOf(' ') + 1);
    if (word.length() > 3 || word.length() < 2) {
      return true;
    }
    char before = word.charAt(word.length() - 2);
    boolean finalN = before >= '가' && before <= '힣' && (before - '가') % 28 == 4; // 한다, 쓴다, 만든다
    return last == '다' ? finalN || VERB_BEFORE_DA.indexOf(before) >= 0 : VERB_BEFORE_YO.indexOf(before) >= 0;
  }

  /** Syllables that make 다 a verb's or adjective's ending: 는다, 이다, 있다, 좋다, 했다… */
  private static final String VERB_BEFORE_DA = "는이있없같좋싫맞했였었았겠렵쉽";

  /** Syllables that make 요 a polite ending: 해요, 돼요, 좋아요, 세요, 네요… */
  private static final String VERB_BEFORE_YO = "해돼봐와줘세네군래대어아여에예죠까";

  private static boolean isBlank(Node n) {
    if (n instanceof Text) {
      return n.getChars().isBlank();
    }
    return n instanceof HtmlInline && !isLineBreak(n);
  }

  private static boolean isLineBreak(Node n) {
    if (n instanceof SoftLineBreak || n instanceof HardLineBreak) {
      return true;
    }
    return n instanceof HtmlInline && n.getChars().toString().toLowerCase(Locale.ROOT).startsWith("<br");
  }

  /** Collapses whitespace to single spaces: the form of a heading as a reader sees it. */
  static String oneLine(CharSequence text) {
    return WHITESPACE.matcher(text).replaceAll(" ").strip();
  }

  /** Compiled once: {@link #oneLine} runs for every heading, bold line and table cell. */
  private static final Pattern WHITESPACE = Pattern.compile("\\s+");

  /** The first {@code max} chars of a string, not splitting a surrogate pair. */
  private static String cut(String s, int max) {
    if (s.length() <= max) {
      return s;
    }
    int end = Character.isHighSurrogate(s.charAt(max - 1)) ? max - 1 : max;
    return s.substring(0, end).strip();
  }
}
