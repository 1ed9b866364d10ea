package io.notesearch.indexer.markdown;

import com.vladsch.flexmark.ast.AutoLink;
import com.vladsch.flexmark.ast.Code;
import com.vladsch.flexmark.ast.HardLineBreak;
import com.vladsch.flexmark.ast.HtmlEntity;
import com.vladsch.flexmark.ast.HtmlInline;
import com.vladsch.flexmark.ast.HtmlInlineComment;
import com.vladsch.flexmark.ast.Image;
import com.vladsch.flexmark.ast.ImageRef;
import com.vladsch.flexmark.ast.MailLink;
import com.vladsch.flexmark.ast.SoftLineBreak;
import com.vladsch.flexmark.ast.Text;
import com.vladsch.flexmark.ext.footnotes.Footnote;
import com.vladsch.flexmark.ext.wikilink.WikiImage;
import com.vladsch.flexmark.ext.wikilink.WikiNode;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.sequence.BasedSequence;
import com.vladsch.flexmark.util.sequence.Escaping;
import io.notesearch.core.schema.IndexSchema;
import io.notesearch.core.schema.SectionRecord.LinkText;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The text a reader sees in inline Markdown, and the Obsidian {@code #tags} written in it. Not API.
 *
 * <p>Walks the inline tree without recursion (by parent and sibling links), since emphasis and links
 * can nest as deep as the input is long.
 */
final class InlineText {
  /** What to render. */
  enum Mode {
    /** What a reader sees: image alt text included, HTML reduced to its visible text. */
    VISIBLE,
    /**
     * {@link #VISIBLE}, with the note names wikilinks show wrapped in {@link #LINK_OPEN} and {@link
     * #LINK_CLOSE}: a section's text, whose {@link SectionWalker} takes the marks out as {@link
     * io.notesearch.core.schema.SectionRecord.LinkText spans}.
     */
    TEXT,
    /** The text content GitHub slugs a heading anchor from: no image alt text, no HTML tags. */
    ANCHOR
  }

  /**
   * Around the note name a wikilink shows ({@code [[git]]}, {@code [[git#branch]]}'s {@code git}) in
   * {@link Mode#TEXT}. Unicode noncharacters, for a program's own use: {@link NoteParser} replaces any
   * a note holds.
   */
  static final char LINK_OPEN = '\uFDD0';

  /** Closes {@link #LINK_OPEN}. */
  static final char LINK_CLOSE = '\uFDD1';

  /** {@code #tag}: letters, digits, {@code _ - /}; at least one non-digit ({@code #1} is not a tag). */
  private static final Pattern TAG = Pattern.compile("(?:^|(?<=\\s))#([\\p{L}\\p{M}\\p{N}_/-]*[\\p{L}\\p{M}_/-][\\p{L}\\p{M}\\p{N}_/-]*)");

  /**
   * What {@link #TAG} finds but nobody means as a tag: a hex colour ({@code #ecf1e8}, {@code #fff0};
   * with a digit, so {@code #cafe} stays), an issue number with a particle ({@code #1299라는}), a
   * particle alone ({@code #로}).
   */
  private static final Pattern NOT_A_TAG = Pattern.compile(
      "(?=[0-9a-fA-F]*[0-9])(?:[0-9a-fA-F]{3,4}|[0-9a-fA-F]{6}|[0-9a-fA-F]{8})"
          + "|[0-9]*(?:은|는|이|가|을|를|로|으로|라는|이라는|란|이란|에|에서|의|와|과|도|만|부터|까지|처럼|라고|이라고|번|번째)");

  /** Longest inline tag taken; a longer {@code #run} is not a tag anyone types (and too long a term). */
  static final int MAX_TAG = 100;

  private static final Pattern SIZE = Pattern.compile("\\d+(x\\d+)?");
  private static final Pattern MEDIA =
      Pattern.compile(".*\\.(png|jpe?g|gif|svg|webp|bmp|avif|mp4|webm|mov|mp3|wav|ogg|m4a|pdf)", Pattern.CASE_INSENSITIVE);

  /**
   * Bold or italics around a quotation glued to what follows ({@code **"읽기 전용"**이라는}): the
   * quote before the closing delimiter reads to flexmark as opening punctuation, so the run never
   * closes and its asterisks stay in the text (snippets showed them). The writer meant emphasis:
   * the asterisks are dropped. Escaped ones ({@code \*\*}) are the writer's own and stay.
   */
  private static final Pattern QUOTED_EMPHASIS =
      Pattern.compile("(?<![\\\\*])(\\*\\*?)([\"\u201C'\u2018][^\\n*]*?[\"\u201D'\u2019])\\1(?!\\*)");

  private InlineText() {}

  /**
   * The text of a node's inline children.
   *
   * @param parent a paragraph, heading, table cell or emphasis
   * @param mode what to render
   * @param tags where {@code #tags} met in the text are added, or null to collect none
   */
  static String of(Node parent, Mode mode, List<String> tags) {
    StringBuilder out = new StringBuilder();
    appendFrom(parent.getFirstChild(), mode, tags, out);
    return out.toString();
  }

  /** A section's text with the link marks taken out, and where they were. */
  record Unmarked(String text, List<LinkText> links) {}

  /**
   * Takes the {@link #LINK_OPEN}/{@link #LINK_CLOSE} marks out of a section's text, keeping where
   * each wrapped a note name that names a note ({@link IndexSchema#nameLink}). A mark without its
   * pair (a template tag removed around it) only goes.
   */
  static Unmarked unmark(String marked) {
    if (marked.indexOf(LINK_OPEN) < 0 && marked.indexOf(LINK_CLOSE) < 0) {
      return new Unmarked(marked, List.of());
    }
    StringBuilder text = new StringBuilder(marked.length());
    List<LinkText> links = new ArrayList<>();
    int open = -1;
    for (int i = 0; i < marked.length(); i++) {
      char c = marked.charAt(i);
      if (c == LINK_OPEN) {
        open = text.length();
      } else if (c == LINK_CLOSE) {
        if (open >= 0 && text.length() > open) {
          String key = IndexSchema.nameLink(text.substring(open));
          if (!key.isEmpty()) {
            links.add(new LinkText(open, text.length(), key));
          }
        }
        open = -1;
      } else {
        text.append(c);
      }
    }
    return new Unmarked(text.toString(), links);
  }

  /** Appends the text of {@code first}, its following siblings and everything inside them. */
  static void appendFrom(Node first, Mode mode, List<String> tags, StringBuilder out) {
    if (first == null) {
      return;
    }
    Node boundary = first.getParent();
    Node n = first;
    while (n != null) {
      if (visit(n, mode, tags, out) && n.getFirstChild() != null) {
        n = n.getFirstChild();
        continue;
      }
      while (n != null && n.getNext() == null) {
        n = n.getParent();
        if (n == boundary) {
          return;
        }
      }
      n = n == null ? null : n.getNext();
    }
  }

  /** Appends a leaf's text; true when the node's children hold its text instead. */
  private static boolean visit(Node c, Mode mode, List<String> tags, StringBuilder out) {
    if (c instanceof Text t) {
      if (tags != null) {
        collectTags(t.getChars(), tags);
      }
      out.append(plain(t.getChars()));
    } else if (c instanceof Code code) {
      out.append(code.getText());
    } else if (c instanceof SoftLineBreak || c instanceof HardLineBreak) {
      out.append('\n');
    } else if (c instanceof HtmlEntity) {
      out.append(Escaping.unescapeHtml(c.getChars()));
    } else if (c instanceof HtmlInlineComment) {
      // not shown
    } else if (c instanceof HtmlInline) {
      if (mode != Mode.ANCHOR) {
        out.append(Html.text(c.getChars()));
      }
    } else if (c instanceof Image img) {
      if (mode != Mode.ANCHOR) {
        out.append(' ').append(Escaping.unescapeString(img.getText())).append(' ');
      }
    } else if (c instanceof ImageRef) {
      return mode != Mode.ANCHOR;
    } else if (c instanceof AutoLink link) {
      // <https://…>: the address is the text (its host and path words are searched as a bare URL's).
      out.append(' ').append(link.getText()).append(' ');
    } else if (c instanceof MailLink link) {
      out.append(' ').append(link.getText()).append(' ');
    } else if (c instanceof Footnote) {
      // [^1]: the reference mark is not text; the definition is read where it stands
    } else if (c instanceof WikiImage embed) {
      out.append(embedText(embed, mode));
    } else if (c instanceof WikiNode link) {
      out.append(linkText(link, mode));
    } else if (c instanceof MathExtension.InlineMath math) {
      out.append(math.formula());
    } else if (c.hasChildren()) {
      return true;
    } else {
      out.append(c.getChars());
    }
    return false;
  }

  /**
   * {@code [[target|alias]]} shows the alias; {@code [[Note#Part]]} shows the note and the part, as
   * {@code Note › Part} where a reader sees it (an anchor's slug takes words only).
   */
  private static String linkText(WikiNode link, Mode mode) {
    if (!link.getTextSeparatorMarker().isEmpty()) {
      return link.getText().toString();
    }
    String page = link.getPageRef().toString();
    String anchor = link.getAnchorRef().toString();
    if (mode == Mode.ANCHOR) {
      return anchor.isEmpty() ? page : (page + " " + anchor).strip();
    }
    String name = mode == Mode.TEXT && !page.isBlank() ? LINK_OPEN + page + LINK_CLOSE : page;
    return anchor.isEmpty() ? name : page.isBlank() ? anchor : name + " › " + anchor;
  }

  /** {@code ![[diagram.png|300]]} shows an image (no words); {@code ![[Other note]]} embeds that note's name. */
  private static String embedText(WikiImage embed, Mode mode) {
    String alias = embed.getText().toString().strip();
    if (!embed.getTextSeparatorMarker().isEmpty() && !SIZE.matcher(alias).matches()) {
      return alias;
    }
    String page = embed.getPageRef().toString();
    if (MEDIA.matcher(page).matches()) {
      return "";
    }
    return mode == Mode.TEXT && !page.isBlank() ? LINK_OPEN + page + LINK_CLOSE : page;
  }

  /**
   * A text node's characters as read: quoted emphasis unwrapped, backslash escapes and entities
   * resolved. Both regexes only where their lead character is: most text nodes have neither, and
   * running them anyway was ~2% of indexing's CPU.
   */
  private static String plain(BasedSequence chars) {
    String text = chars.indexOf('*') >= 0 ? QUOTED_EMPHASIS.matcher(chars).replaceAll("$2") : chars.toString();
    return text.indexOf('\\') >= 0 || text.indexOf('&') >= 0 ? Escaping.unescapeString(text) : text;
  }

  private static void collectTags(BasedSequence chars, List<String> tags) {
    if (chars.indexOf('#') < 0) {
      return;
    }
    // A kramdown attribute list's colours ({:style="color: #ecf1e8"}) are not tags.
    List<int[]> attributes = new ArrayList<>();
    if (chars.indexOf('{') >= 0) {
      Matcher a = Visible.ATTRIBUTE_LIST.matcher(chars);
      while (a.find()) {
        attributes.add(new int[] {a.start(), a.end()});
      }
    }
    Matcher m = TAG.matcher(chars);
    while (m.find()) {
      if (m.start() == 0 && !startsWord(chars)) {
        continue;
      }
      int at = m.start();
      if (attributes.stream().anyMatch(r -> at >= r[0] && at < r[1])) {
        continue;
      }
      String tag = m.group(1);
      while (tag.endsWith("/") || tag.endsWith("-")) {
        tag = tag.substring(0, tag.length() - 1);
      }
      if (NOT_A_TAG.matcher(tag).matches()) {
        continue;
      }
      String key = tag.toLowerCase(Locale.ROOT);
      if (!tag.isEmpty() && tag.length() <= MAX_TAG && tags.stream().noneMatch(t -> t.toLowerCase(Locale.ROOT).equals(key))) {
        tags.add(tag);
      }
    }
  }

  /** Whether the text before a node's first character ends a word: {@code **C**#} is not a tag. */
  private static boolean startsWord(BasedSequence chars) {
    int offset = chars.getStartOffset();
    if (offset == 0) {
      return true;
    }
    char before = chars.getBaseSequence().charAt(offset - 1);
    return Character.isWhitespace(before);
  }
}
