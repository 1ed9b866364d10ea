package io.notesearch.indexer.markdown;

import com.vladsch.flexmark.ast.AutoLink;
import com.vladsch.flexmark.ast.Code;
import com.vladsch.flexmark.ast.FencedCodeBlock;
import com.vladsch.flexmark.ast.HardLineBreak;
import com.vladsch.flexmark.ast.Heading;
import com.vladsch.flexmark.ast.HtmlBlock;
import com.vladsch.flexmark.ast.HtmlCommentBlock;
import com.vladsch.flexmark.ast.HtmlEntity;
import com.vladsch.flexmark.ast.HtmlInline;
import com.vladsch.flexmark.ast.HtmlInlineComment;
import com.vladsch.flexmark.ast.Image;
import com.vladsch.flexmark.ast.IndentedCodeBlock;
import com.vladsch.flexmark.ast.ListBlock;
import com.vladsch.flexmark.ast.ListItem;
import com.vladsch.flexmark.ast.MailLink;
import com.vladsch.flexmark.ast.Paragraph;
import com.vladsch.flexmark.ast.SoftLineBreak;
import com.vladsch.flexmark.ast.StrongEmphasis;
import com.vladsch.flexmark.ast.Text;
import com.vladsch.flexmark.ast.ThematicBreak;
import com.vladsch.flexmark.ext.tables.TableBlock;
import com.vladsch.flexmark.ext.tables.TableCell;
import com.vladsch.flexmark.ext.tables.TableRow;
import com.vladsch.flexmark.ext.tables.TableSeparator;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.data.MutableDataSet;
import com.vladsch.flexmark.util.sequence.Escaping;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Markdown note → {@link Note}: front matter fields and the sections a reader sees.
 *
 * <p>A section starts at every ATX or Setext heading and at every bold pseudo-heading: a paragraph
 * whose first line is only bold text ({@code **Module 2 : …**}), or a list item whose first line is
 * only bold text ({@code * **Amazon EC2**}). Pseudo-headings nest by list depth under the real
 * heading above them; a bold paragraph right after a thematic break ({@code ---}) starts a sibling
 * of the heading above it rather than a child, since that is how such notes separate parts.
 *
 * <p>Thread-safe: the flexmark parser is built once and shared.
 */
public final class NoteParser {
  /** Longest bold text taken as a pseudo-heading; longer bold text is emphasis in a sentence. */
  static final int MAX_PSEUDO_HEADING = 80;

  private static final Pattern TAG = Pattern.compile("<(/?)([a-zA-Z][a-zA-Z0-9-]*)([^>]*)>|<!--.*?-->", Pattern.DOTALL);
  private static final Pattern ALT = Pattern.compile("\\balt\\s*=\\s*(\"([^\"]*)\"|'([^']*)'|([^\\s>]+))", Pattern.CASE_INSENSITIVE);
  private static final Pattern HIDDEN_BLOCK =
      Pattern.compile("<(script|style)\\b[^>]*>.*?</\\1\\s*>", Pattern.DOTALL | Pattern.CASE_INSENSITIVE);

  /** Tags that sit inside a line of text: removing them must not split a word ({@code <code>bind</code>의}). */
  private static final java.util.Set<String> INLINE_TAGS =
      java.util.Set.of("a", "abbr", "b", "code", "del", "em", "i", "ins", "kbd", "mark", "q", "s", "samp",
          "small", "span", "strong", "sub", "sup", "u", "var", "font");

  private final Parser parser;

  /** Creates a parser for CommonMark plus tables. */
  public NoteParser() {
    MutableDataSet options = new MutableDataSet();
    options.set(Parser.EXTENSIONS, List.of(com.vladsch.flexmark.ext.tables.TablesExtension.create()));
    this.parser = Parser.builder(options).build();
  }

  /**
   * Parses a note's text.
   *
   * @param text the file's text, decoded
   * @param file the file, for the title when nothing else names the note
   */
  public Note parse(String text, Path file) {
    String source = Normalizer.normalize(stripBom(text), Normalizer.Form.NFC);
    FrontMatter front = FrontMatter.read(source);
    List<String> warnings = new ArrayList<>(front.warnings());
    String body = source.substring(front.bodyStart());
    Document doc = parser.parse(body);
    Walker walker = new Walker(front.bodyLine());
    walker.children(doc, 0);
    List<Section> sections = walker.sections();

    String title = front.string("title");
    if (title.isEmpty()) {
      title = walker.firstTopHeading;
    }
    if (title.isEmpty()) {
      String name = file.getFileName() == null ? "" : file.getFileName().toString();
      title = name.replaceFirst("(?i)\\.(md|markdown)$", "");
    }
    return new Note(
        title,
        front.date(warnings),
        front.string("category", "categories"),
        front.list("tags", "tag", "keywords"),
        front.string("description", "summary"),
        front.draft(warnings),
        front.string("slug"),
        sections,
        warnings);
  }

  private static String stripBom(String text) {
    return !text.isEmpty() && text.charAt(0) == '\uFEFF' ? text.substring(1) : text;
  }

  /** Visible text of inline HTML or an HTML block: tags dropped, {@code alt} kept, entities decoded. */
  static String htmlText(CharSequence html) {
    String s = HIDDEN_BLOCK.matcher(html).replaceAll(" ");
    Matcher m = TAG.matcher(s);
    StringBuilder out = new StringBuilder(s.length());
    int at = 0;
    while (m.find()) {
      out.append(s, at, m.start());
      String name = m.group(2) == null ? "" : m.group(2).toLowerCase(java.util.Locale.ROOT);
      if (name.equals("img") || name.equals("area")) {
        Matcher alt = ALT.matcher(m.group(3));
        if (alt.find()) {
          String value = alt.group(2) != null ? alt.group(2) : alt.group(3) != null ? alt.group(3) : alt.group(4);
          out.append(' ').append(value).append(' ');
        }
      } else if (name.equals("br") || name.equals("p") || name.equals("div") || name.equals("li")
          || name.equals("tr") || name.matches("h[1-6]")) {
        out.append('\n');
      } else if (!name.isEmpty() && !INLINE_TAGS.contains(name)) {
        out.append(' ');
      }
      at = m.end();
    }
    out.append(s, at, s.length());
    return Escaping.unescapeHtml(out);
  }

  /** Collapses whitespace to single spaces: the form of a heading as a reader sees it. */
  static String oneLine(CharSequence text) {
    return text.toString().replaceAll("\\s+", " ").strip();
  }

  /** Walks the block tree in document order, cutting it into sections. */
  private static final class Walker {
    private final int lineOffset;
    private final Anchors anchors = new Anchors();
    private final List<Open> stack = new ArrayList<>();
    private final List<Builder> built = new ArrayList<>();
    private final Builder intro;
    private boolean ruleSinceHeading;
    String firstTopHeading = "";

    Walker(int bodyLine) {
      this.lineOffset = bodyLine;
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

    private static final class Builder {
      final List<String> headings;
      final String anchor;
      int line;
      final StringBuilder text = new StringBuilder();
      final StringBuilder code = new StringBuilder();

      Builder(List<String> headings, String anchor, int line) {
        this.headings = headings;
        this.anchor = anchor;
        this.line = line;
      }
    }

    List<Section> sections() {
      List<Section> out = new ArrayList<>();
      for (Builder b : built) {
        String text = b.text.toString().strip();
        String code = b.code.toString().strip();
        if (b == intro && text.isEmpty() && code.isEmpty()) {
          continue;
        }
        out.add(new Section(b.headings, b.anchor, b.line, text, code));
      }
      return out;
    }

    private Builder current() {
      return stack.isEmpty() ? intro : stack.getLast().builder();
    }

    private int line(Node n) {
      return n.getStartLineNumber() + lineOffset;
    }

    private void open(String title, int level, Kind kind, int listDepth, int line) {
      List<String> path = new ArrayList<>();
      for (Open o : stack) {
        path.add(o.builder().headings.getLast());
      }
      path.add(title);
      Builder b = new Builder(List.copyOf(path), anchors.next(title), line);
      built.add(b);
      stack.add(new Open(level, kind, listDepth, b));
    }

    void children(Node parent, int listDepth) {
      for (Node n = parent.getFirstChild(); n != null; n = n.getNext()) {
        block(n, listDepth);
      }
    }

    private void block(Node n, int listDepth) {
      if (stack.isEmpty() && intro.text.isEmpty() && intro.code.isEmpty()) {
        // The intro starts at its first content, not at the blank line after the front matter.
        intro.line = line(n);
      }
      if (n instanceof Heading h) {
        heading(h);
      } else if (n instanceof Paragraph p) {
        paragraph(p, listDepth);
      } else if (n instanceof ListBlock list) {
        int depth = listDepth + 1;
        for (Node item = list.getFirstChild(); item != null; item = item.getNext()) {
          if (item instanceof ListItem li) {
            listItem(li, depth);
          } else {
            block(item, listDepth);
          }
        }
        // Text after a list belongs to the section the list was in, not to its last bold item.
        while (!stack.isEmpty() && stack.getLast().kind() == Kind.LIST && stack.getLast().listDepth() >= depth) {
          stack.removeLast();
        }
      } else if (n instanceof FencedCodeBlock f) {
        current().code.append(f.getContentChars()).append('\n');
      } else if (n instanceof IndentedCodeBlock c) {
        current().code.append(c.getContentChars()).append('\n');
      } else if (n instanceof HtmlCommentBlock) {
        // Comments are not shown to readers.
      } else if (n instanceof HtmlBlock html) {
        appendText(htmlText(html.getChars()));
      } else if (n instanceof ThematicBreak) {
        ruleSinceHeading = true;
      } else if (n instanceof TableBlock table) {
        table(table);
      } else if (n.hasChildren()) {
        children(n, listDepth);
      } else {
        appendText(n.getChars().toString());
      }
    }

    private void heading(Heading h) {
      String title = oneLine(inline(h, null));
      if (title.isEmpty()) {
        return;
      }
      int level = h.getLevel() * 10;
      while (!stack.isEmpty() && stack.getLast().level() >= level) {
        stack.removeLast();
      }
      if (h.getLevel() == 1 && firstTopHeading.isEmpty()) {
        firstTopHeading = title;
      }
      open(title, level, Kind.HEADING, 0, line(h));
      ruleSinceHeading = false;
    }

    private void paragraph(Paragraph p, int listDepth) {
      Split split = listDepth == 0 ? boldFirstLine(p) : null;
      if (split == null) {
        appendText(inline(p, null));
        return;
      }
      while (!stack.isEmpty() && stack.getLast().kind() != Kind.HEADING) {
        stack.removeLast();
      }
      int level;
      if (ruleSinceHeading && !stack.isEmpty()) {
        // After a thematic break a bold line starts a new part: a sibling of the heading above.
        level = stack.removeLast().level();
      } else {
        level = (stack.isEmpty() ? 0 : stack.getLast().level()) + 5;
      }
      open(split.title(), level, Kind.PARAGRAPH, 0, line(p));
      ruleSinceHeading = false;
      appendText(split.rest());
    }

    private void listItem(ListItem item, int depth) {
      Node first = item.getFirstChild();
      Split split = first instanceof Paragraph p ? boldFirstLine(p) : null;
      while (!stack.isEmpty() && stack.getLast().kind() == Kind.LIST && stack.getLast().listDepth() >= depth) {
        stack.removeLast();
      }
      if (split == null) {
        children(item, depth);
        return;
      }
      int base = 0;
      for (Open o : stack) {
        if (o.kind() != Kind.LIST) {
          base = o.level();
        }
      }
      open(split.title(), base + depth, Kind.LIST, depth, line(first));
      appendText(split.rest());
      for (Node n = first.getNext(); n != null; n = n.getNext()) {
        block(n, depth);
      }
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
                rows.append(oneLine(inline(cell, null))).append(" \t ");
              }
            }
            rows.append('\n');
          }
        }
      }
      appendText(rows);
    }

    private void appendText(CharSequence text) {
      String s = text.toString().strip();
      if (!s.isEmpty()) {
        current().text.append(s).append('\n');
      }
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
      String title = oneLine(inline(strong, null));
      if (title.isEmpty() || title.length() > MAX_PSEUDO_HEADING || endsLikeSentence(title)) {
        return null;
      }
      StringBuilder rest = new StringBuilder();
      for (Node r = after; r != null; r = r.getNext()) {
        inlineNode(r, rest);
      }
      return new Split(title, rest.toString());
    }

    private record Split(String title, String rest) {}

    private static boolean endsLikeSentence(String title) {
      char last = title.charAt(title.length() - 1);
      return last == '.' || last == '!' || last == '?' || last == '다' || last == '요';
    }

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
      return n instanceof HtmlInline && n.getChars().toString().toLowerCase(java.util.Locale.ROOT).startsWith("<br");
    }

    /** Visible text of a node's inline children. */
    private static String inline(Node parent, StringBuilder into) {
      StringBuilder out = into == null ? new StringBuilder() : into;
      for (Node c = parent.getFirstChild(); c != null; c = c.getNext()) {
        inlineNode(c, out);
      }
      return out.toString();
    }

    private static void inlineNode(Node c, StringBuilder out) {
      if (c instanceof Text t) {
        out.append(Escaping.unescapeString(t.getChars()));
      } else if (c instanceof Code code) {
        out.append(code.getText());
      } else if (c instanceof SoftLineBreak || c instanceof HardLineBreak) {
        out.append('\n');
      } else if (c instanceof HtmlEntity) {
        out.append(Escaping.unescapeHtml(c.getChars()));
      } else if (c instanceof HtmlInlineComment) {
        // not shown
      } else if (c instanceof HtmlInline) {
        out.append(htmlText(c.getChars()));
      } else if (c instanceof Image img) {
        out.append(' ').append(Escaping.unescapeString(img.getText())).append(' ');
      } else if (c instanceof AutoLink || c instanceof MailLink) {
        out.append(c.getChildChars());
      } else if (c.hasChildren()) {
        inline(c, out);
      } else {
        out.append(c.getChars());
      }
    }
  }
}
