package io.notesearch.indexer.markdown;

import com.vladsch.flexmark.ext.footnotes.FootnoteExtension;
import com.vladsch.flexmark.ext.tables.TablesExtension;
import com.vladsch.flexmark.ext.wikilink.WikiLinkExtension;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.util.data.MutableDataSet;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Markdown note → {@link Note}: front matter fields and the sections a reader sees.
 *
 * <p>A section starts at every ATX or Setext heading and at every bold pseudo-heading: a paragraph
 * whose first line is only bold text ({@code **Module 2 : …**}), or a list item whose first line is
 * only bold text ({@code * **Amazon EC2**}). Pseudo-headings nest by list depth under the real
 * heading above them; a bold paragraph right after a thematic break ({@code ---}) starts a sibling
 * of the heading above it rather than a child, since that is how such notes separate parts.
 *
 * <p>Reads what blogs and vaults write beyond CommonMark: YAML ({@code ---}) and TOML ({@code +++})
 * front matter, GitHub tables, footnotes, Obsidian {@code [[wikilinks]]}, {@code #tags} and
 * callouts, VuePress {@code :::} containers and TeX math; template tags and data URIs are left out.
 *
 * <p>Thread-safe: the flexmark parser is built once and shared.
 */
public final class NoteParser {
  /**
   * Changes whenever the same file gives other sections or section texts ({@code NoteSections}); an
   * index built by another version is rebuilt.
   */
  public static final String VERSION = "11";

  /** Notes longer than this many chars are parsed in pieces (see {@link Chunks}). */
  static final int DEFAULT_CHUNK_CHARS = 1 << 20;

  private final Parser parser;
  private final int chunkChars;

  /** Creates a parser. */
  public NoteParser() {
    this(DEFAULT_CHUNK_CHARS);
  }

  /** Creates a parser that cuts notes into pieces of about {@code chunkChars} chars. */
  NoteParser(int chunkChars) {
    MutableDataSet options = new MutableDataSet();
    options.set(
        Parser.EXTENSIONS,
        List.of(TablesExtension.create(), FootnoteExtension.create(), WikiLinkExtension.create(), MathExtension.create()));
    // GitHub's tables: a one-dash separator (|-|-|) makes a table too.
    options.set(TablesExtension.MIN_SEPARATOR_DASHES, 1);
    // Obsidian's order: [[target|shown text]].
    options.set(WikiLinkExtension.LINK_FIRST_SYNTAX, true);
    options.set(WikiLinkExtension.IMAGE_LINKS, true);
    options.set(WikiLinkExtension.ALLOW_ANCHORS, true);
    koreanEmphasis(options);
    this.parser = Parser.builder(options).build();
    this.chunkChars = chunkChars;
  }

  /**
   * Bold and italics that end in a closing bracket right before Hangul, as Korean notes
   * write them ({@code **ELB(Elastic Load Balancing)**는}): CommonMark does not close such a run
   * (punctuation before the delimiter, a letter after it) and leaves the asterisks in the text, so
   * snippets showed them and the words were not bold. Flexmark's directional-punctuation option
   * counts only opening punctuation before a closing delimiter (and closing punctuation after an
   * opening one) against it, which is what the writer meant. A closing quote still does not close
   * ({@code **"읽기 전용"**이라는}: flexmark counts quotes as opening punctuation too); {@link
   * InlineText} drops those asterisks from the text.
   */
  static void koreanEmphasis(MutableDataSet options) {
    options.set(Parser.INLINE_DELIMITER_DIRECTIONAL_PUNCTUATIONS, true);
  }

  /**
   * Parses a note's text.
   *
   * @param text the file's text, decoded
   * @param file the file, for the title when nothing else names the note
   * @throws NoteParseException when the Markdown nests too deeply for the Markdown parser
   */
  public Note parse(String text, Path file) {
    checkNesting(text);
    try {
      return read(withoutLinkMarks(text), file);
    } catch (StackOverflowError e) {
      throw new NoteParseException("nesting too deep for the Markdown parser", e);
    }
  }

  /**
   * The text with the two noncharacters that mark wikilink names ({@link InlineText#LINK_OPEN})
   * replaced by U+FFFD: a note should hold neither, but one that does must not make a link up.
   */
  private static String withoutLinkMarks(String text) {
    if (text.indexOf(InlineText.LINK_OPEN) < 0 && text.indexOf(InlineText.LINK_CLOSE) < 0) {
      return text;
    }
    return text.replace(InlineText.LINK_OPEN, '\uFFFD').replace(InlineText.LINK_CLOSE, '\uFFFD');
  }

  /**
   * Deepest indentation (nested list levels) a line may have outside code fences, in columns. flexmark's time grows with the square of the nesting: a list nested 800 levels took
   * 11 s and one of 3,000 levels (9 MB) 503 s, while 200 columns (~100 list levels) is no slower
   * than any note. Real notes stay under 40.
   */
  static final int MAX_INDENT = 400;

  /** Refuses, before flexmark sees it, a note nested deeper than {@link #MAX_INDENT}. */
  private static void checkNesting(String text) {
    boolean fenced = false;
    char fence = 0;
    int line = 1;
    for (int at = 0; at < text.length(); line++) {
      int end = text.indexOf('\n', at);
      if (end < 0) {
        end = text.length();
      }
      int columns = 0;
      int i = at;
      for (; i < end; i++) {
        char c = text.charAt(i);
        if (c == ' ') {
          columns++;
        } else if (c == '\t') {
          columns += 4 - columns % 4;
        } else {
          break;
        }
        if (columns > MAX_INDENT && !fenced) {
          throw new NoteParseException("nested too deeply (line " + line + " is indented more than " + MAX_INDENT
              + " columns)", null);
        }
      }
      if (i + 2 < end && (text.charAt(i) == '`' || text.charAt(i) == '~') && text.charAt(i + 1) == text.charAt(i)
          && text.charAt(i + 2) == text.charAt(i) && (!fenced || text.charAt(i) == fence)) {
        fenced = !fenced;
        fence = text.charAt(i);
      }
      at = end + 1;
    }
  }

  /** The title templates of VuePress ({@code $frontmatter.title}), Jekyll ({@code page.title}) and Hugo ({@code .Title}). */
  private static final java.util.regex.Pattern TITLE_TEMPLATE =
      java.util.regex.Pattern.compile("\\{\\{\\s*(?:\\$frontmatter\\.title|page\\.title|\\.Title)\\s*}}");

  private Note read(String text, Path file) {
    // Most notes are NFC already; checking first spares a copy of a large one.
    String source = Normalizer.isNormalized(text, Normalizer.Form.NFC) ? text : Normalizer.normalize(text, Normalizer.Form.NFC);
    int from = source.startsWith("\uFEFF") ? 1 : 0;
    FrontMatter front = FrontMatter.read(source, from);
    List<String> warnings = new ArrayList<>(front.warnings());

    String frontTitle = front.string("title");
    if (!frontTitle.isEmpty() && source.indexOf("{{", front.bodyStart()) >= 0) {
      // The site puts the title where a template asks for it ({{ $frontmatter.title }} 관련 is
      // "Vim 관련" on the page); other templates are taken out as text that is not the note's.
      source = source.substring(0, front.bodyStart())
          + TITLE_TEMPLATE.matcher(source.substring(front.bodyStart())).replaceAll(java.util.regex.Matcher.quoteReplacement(frontTitle));
    }
    SectionWalker walker = new SectionWalker(front.bodyLine());
    List<Links.Found> links = new ArrayList<>();
    for (Chunks.Chunk chunk : Chunks.split(source, front.bodyStart(), front.bodyLine(), chunkChars)) {
      com.vladsch.flexmark.util.ast.Document doc = parser.parse(source.substring(chunk.start(), chunk.end()));
      // Links first: the walker takes nodes out of the tree as it goes.
      Links.collect(doc, chunk.firstLine(), file, links);
      walker.walk(doc, chunk.firstLine());
    }
    List<Section> sections = walker.sections();
    warnings.addAll(walker.warnings());

    String title = frontTitle;
    if (title.isEmpty()) {
      title = walker.firstTopHeading();
    }
    if (title.isEmpty()) {
      String name = file.getFileName() == null ? "" : file.getFileName().toString();
      title = Normalizer.normalize(name.replaceFirst("(?i)\\.(md|markdown)$", ""), Normalizer.Form.NFC);
    }
    java.time.LocalDate frontDate = front.date(warnings);
    java.time.LocalDate date = dated(frontDate, file);
    return new Note(
        title,
        front.aliases(),
        date,
        front.categories(),
        tags(front.list("tags", "tag", "keywords"), walker.tags()),
        front.string("description", "summary"),
        front.draft(warnings),
        front.string("slug"),
        front.string("lang"),
        sections,
        warnings,
        frontDate != null ? io.notesearch.core.schema.IndexSchema.FRONT_MATTER : date != null ? FileDates.source(file) : "",
        links.stream().map(l -> new Note.Link(l.line(), l.target())).toList());
  }

  /** The front matter's date, else the one the file's name or folders give ({@link FileDates}). */
  private static java.time.LocalDate dated(java.time.LocalDate front, Path file) {
    return front != null ? front : FileDates.of(file);
  }

  /** Front matter tags, then inline ones not already there (compared ignoring case, as Obsidian does). */
  private static List<String> tags(List<String> front, List<String> inline) {
    List<String> out = new ArrayList<>(front);
    for (String tag : inline) {
      String key = tag.toLowerCase(Locale.ROOT);
      if (out.stream().noneMatch(t -> t.toLowerCase(Locale.ROOT).equals(key))) {
        out.add(tag);
      }
    }
    return out;
  }
}
