package io.notesearch.indexer.markdown;

import com.vladsch.flexmark.ast.Heading;
import com.vladsch.flexmark.ast.ListItem;
import com.vladsch.flexmark.ast.Paragraph;
import com.vladsch.flexmark.ext.tables.TablesExtension;
import com.vladsch.flexmark.html.AttributeProvider;
import com.vladsch.flexmark.html.HtmlRenderer;
import com.vladsch.flexmark.html.IndependentAttributeProviderFactory;
import com.vladsch.flexmark.html.renderer.AttributablePart;
import com.vladsch.flexmark.html.renderer.LinkResolverContext;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.data.DataKey;
import com.vladsch.flexmark.util.data.MutableDataSet;
import com.vladsch.flexmark.util.html.MutableAttributes;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A note as an HTML fragment whose element ids are the anchors {@link NoteParser} gives its
 * sections, so that {@code #anchor} of a hit lands on the section. Not API.
 *
 * <p>The ids are not derived from the rendered headings: each section's anchor is looked up by the
 * line it starts on and put on the heading, paragraph or list item that starts on that line. Bold
 * pseudo-headings get their anchor that way too, and the numbering of repeated headings ({@code
 * -1}, {@code -2}) stays the parser's.
 *
 * <p>Thread-safe: the flexmark parser and renderer are built once and shared.
 */
public final class NoteHtml {
  /** Attribute marking an element where a section starts, for the page's highlighting. */
  public static final String SECTION_ATTRIBUTE = "data-section";

  /** Line (1-based) → anchor of the sections of the document being rendered. */
  private static final DataKey<Map<Integer, String>> ANCHORS = new DataKey<>("NOTESEARCH_ANCHORS", Map.of());

  /** Anchors put on elements while rendering, in order (filled by {@link AnchorIds}). */
  private static final DataKey<List<String>> GIVEN = new DataKey<>("NOTESEARCH_GIVEN", List.of());

  private final NoteParser notes = new NoteParser();
  private final Parser parser;
  private final HtmlRenderer renderer;

  /**
   * A note rendered.
   *
   * @param note the parsed note (title, sections)
   * @param html the HTML fragment
   * @param anchors the anchors given to elements, in document order
   */
  public record Rendered(Note note, String html, List<String> anchors) {
    /** Copies. */
    public Rendered {
      anchors = List.copyOf(anchors);
    }
  }

  /** Builds the parser and renderer: CommonMark plus tables, as the indexer parses notes. */
  public NoteHtml() {
    MutableDataSet options = new MutableDataSet();
    options.set(Parser.EXTENSIONS, List.of(TablesExtension.create()));
    NoteParser.koreanEmphasis(options);
    this.parser = Parser.builder(options).build();
    this.renderer = HtmlRenderer.builder(options).attributeProviderFactory(new AnchorIdsFactory()).build();
  }

  /**
   * Renders a note's text.
   *
   * @param text the file's text, decoded
   * @param file the file, for the title when nothing else names the note
   */
  public Rendered render(String text, Path file) {
    Note note = notes.parse(text, file);
    Map<Integer, String> anchors = new HashMap<>();
    for (Section s : note.sections()) {
      if (!s.anchor().isEmpty()) {
        anchors.putIfAbsent(s.line(), s.anchor());
      }
    }
    String source = Normalizer.normalize(stripBom(text), Normalizer.Form.NFC);
    Document doc = parser.parse(blankFrontMatter(source));
    doc.set(ANCHORS, anchors);
    List<String> given = new ArrayList<>();
    doc.set(GIVEN, given);
    return new Rendered(note, renderer.render(doc), given);
  }

  private static String stripBom(String text) {
    return !text.isEmpty() && text.charAt(0) == '\uFEFF' ? text.substring(1) : text;
  }

  /**
   * The text with its front matter ({@code ---} YAML or {@code +++} TOML) replaced by empty lines:
   * not shown, and every line keeps its number, which is how sections are found.
   */
  static String blankFrontMatter(String text) {
    String fence = text.startsWith("---") ? "---" : text.startsWith("+++") ? "+++" : null;
    if (fence == null) {
      return text;
    }
    String[] lines = text.split("\n", -1);
    if (!lines[0].strip().equals(fence)) {
      return text;
    }
    for (int i = 1; i < lines.length; i++) {
      String l = lines[i].strip();
      if (l.equals(fence) || (fence.equals("---") && l.equals("..."))) {
        StringBuilder out = new StringBuilder(text.length());
        out.append("\n".repeat(i + 1));
        for (int j = i + 1; j < lines.length; j++) {
          out.append(lines[j]);
          if (j < lines.length - 1) {
            out.append('\n');
          }
        }
        return out.toString();
      }
    }
    return text; // never closed: the parser reads it as Markdown too
  }

  /** Makes one {@link AnchorIds} per rendered document, reading that document's anchors. */
  private static final class AnchorIdsFactory extends IndependentAttributeProviderFactory {
    @Override
    public AttributeProvider apply(LinkResolverContext context) {
      Document doc = context.getDocument();
      return new AnchorIds(ANCHORS.get(doc), GIVEN.get(doc));
    }
  }

  /** Puts each section's anchor on the first block element that starts on the section's line. */
  private static final class AnchorIds implements AttributeProvider {
    private final Map<Integer, String> anchors;
    private final List<String> given;
    private final Set<String> used = new HashSet<>();

    AnchorIds(Map<Integer, String> anchors, List<String> given) {
      this.anchors = anchors;
      this.given = given;
    }

    @Override
    public void setAttributes(Node node, AttributablePart part, MutableAttributes attributes) {
      // List items are rendered with a part of their own (tight or loose), other blocks as NODE.
      boolean block = node instanceof ListItem
          || (part == AttributablePart.NODE && (node instanceof Heading || node instanceof Paragraph));
      if (!block) {
        return;
      }
      // A list item and its first paragraph start on the same line: the item, rendered first, wins.
      String anchor = anchors.get(node.getStartLineNumber() + 1);
      if (anchor != null && used.add(anchor)) {
        attributes.replaceValue("id", anchor);
        attributes.replaceValue(SECTION_ATTRIBUTE, "");
        given.add(anchor);
      }
    }
  }
}
