package io.notesearch.core.schema;

import io.notesearch.core.analysis.GlossMiner;
import io.notesearch.core.analysis.Hangul;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.document.BinaryDocValuesField;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.SortedSetDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.util.BytesRef;

/**
 * The index contract: every field of a section document, how it is indexed and stored, and why.
 *
 * <p>One Lucene document is one section. The indexer writes documents only through {@link
 * #toDocument}; the searcher reads them only through these names. A change here that changes what
 * is written must bump {@link #VERSION}, which makes the next indexing run rebuild the index.
 */
public final class IndexSchema {
  /** Bumped whenever fields or analysis change meaning; stored in the commit user data ({@link IndexFolder#SCHEMA_KEY}). */
  public static final String VERSION = "20";

  /** {@code path#anchor}: unique per section; keyword. */
  public static final String ID = "id";

  /**
   * Absolute note path: keyword for deleting a note's sections, stored for output, doc values for
   * capping sections per note without reading stored fields.
   */
  public static final String PATH = "path";

  /**
   * Content hash of the note file and its size and modification time ({@code sha256@size:mtime}: the
   * hash's first 128 bits in hex, size and nanoseconds in base 36), on the note's first section
   * only, as doc values read once per run to skip unchanged notes, most without reading them (from stored fields, a re-index of 30k unchanged notes spent 0.4 s
   * decompressing section text to read them). Not stored: a second copy was 4% of the index.
   */
  public static final String NOTE_HASH = "note_hash";

  /**
   * {@code true} on a note's first section, in a SolrCloud collection only: there a note is counted,
   * and its hash read, from this section (the local index reads {@link #NOTE_HASH} doc values).
   */
  public static final String NOTE_FIRST = "note_first";

  /** Note title: analysed, stored; weighted above body text. */
  public static final String TITLE = "title";

  /** The section's own heading: analysed, weighted highest, since it names what the section is about. */
  public static final String HEADING = "heading";

  /** The headings above the section: analysed, weighted between heading and body. */
  public static final String PARENTS = "parents";

  /** Heading path joined with {@link #HEADING_SEPARATOR}: stored only, for output. */
  public static final String HEADINGS_STORED = "headings";

  /** Prose: analysed with offsets in postings so snippets need no re-analysis; stored for snippets. */
  public static final String BODY = "body";

  /**
   * Code blocks: identifiers kept whole and split at case changes, underscores and digits
   * ({@link io.notesearch.core.analysis.NoteAnalyzers#CODE_FIELD}), stored, weighted below prose.
   */
  public static final String CODE = io.notesearch.core.analysis.NoteAnalyzers.CODE_FIELD;

  /** Tags as words: analysed, weighted like headings. */
  public static final String TAGS_TEXT = "tags_text";

  /** Tags as keywords (lowercased): filters and facets; stored (original case) for output. */
  public static final String TAG = "tag";

  /** Category as a lowercased keyword; stored with its original case for output. */
  public static final String CATEGORY = "category";

  /**
   * The note's description: searched only through {@link #TERMS} here, so it has no postings
   * of its own; the Solr collection indexes it (its BM25F runs over the fields at query time).
   */
  public static final String DESCRIPTION = "description";

  /** Date as epoch day: points for ranges, doc values for sorting, stored for output. */
  public static final String DATE = "date";

  /**
   * Where the date came from ({@link SectionRecord#dateSource()}) when it is not the front matter:
   * stored only, for output. A dated section without it has its date from the front matter (most
   * notes: storing that on every section made a 10k-note index 2% larger).
   */
  public static final String DATE_SOURCE = "date_source";

  /**
   * The file's modification time in epoch seconds: doc values only, for {@code --sort modified} and
   * output (a stored copy as well made a 10k-note index 1% larger).
   */
  public static final String MODIFIED = "modified";

  /**
   * What the section's links point to ({@link #pathLink}, {@link #nameLink}): keywords, stored, so
   * that the sections linking to a note are one query and a note's outgoing links are read back.
   */
  public static final String LINK = "link";

  /**
   * The names a link to the note may give, on its first section (as {@link #NOTE_HASH}): its file
   * name, slug and aliases as {@link #nameLink names}. Keywords, stored: a note's backlinks are the
   * sections whose {@link #LINK} holds one of them, its {@link #pathLink} or its title's name (a
   * link by title is resolved through {@link #TITLE_KEY}, which every section has).
   */
  public static final String LINK_KEY = "link_key";

  /**
   * Where the section's text shows a note's name as a wikilink gives it ({@code [[git]]} shows
   * {@code git}): stored only, one {@code "start end key"} per link ({@link SectionRecord.LinkText}),
   * so that a hit shows the target's title there. Resolved when the hit is shown, not when indexed:
   * a note renamed or retitled later would otherwise leave every note linking to it stale.
   */
  public static final String LINK_TEXT = "link_text";

  /** {@return a {@link #LINK_TEXT} value} */
  public static String linkText(SectionRecord.LinkText link) {
    return link.start() + " " + link.end() + " " + link.key();
  }

  /** {@return a {@link #LINK_TEXT} value read back, or null when it is not one} */
  public static SectionRecord.LinkText linkText(String stored) {
    String[] parts = stored.split(" ", 3);
    try {
      return parts.length == 3 ? new SectionRecord.LinkText(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]), parts[2]) : null;
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  /**
   * {@return a link to a note file: a relative Markdown link resolved against the linking note's folder}
   *
   * @param absolutePath the target's absolute, normalised path
   */
  public static String pathLink(String absolutePath) {
    return "path:" + absolutePath;
  }

  /**
   * {@return a link by name: a wikilink ({@code [[Git 정리]]}, {@code [[folder/git]]}) or a site link
   * ({@code /git/}), keyed by its last part as {@link #key}; empty when it has no letter or digit}
   *
   * @param name the name as written; a path's folders and a {@code .md} ending are dropped
   */
  public static String nameLink(String name) {
    String last = name.strip();
    while (last.endsWith("/")) {
      last = last.substring(0, last.length() - 1);
    }
    last = last.substring(last.lastIndexOf('/') + 1).replaceFirst("(?i)\\.(md|markdown|html?)$", "");
    String k = key(last);
    return k.isEmpty() ? "" : "name:" + k;
  }

  /** {@link #DATE_SOURCE} of a date from the front matter, the one not stored. */
  public static final String FRONT_MATTER = "front matter";

  /**
   * {@return where a section's date came from, as read back: the stored {@link #DATE_SOURCE}, else
   * {@link #FRONT_MATTER} for a dated section (the source not stored), else empty}
   *
   * @param stored the stored value, or null
   * @param dated whether the section has a date
   */
  public static String dateSource(Object stored, boolean dated) {
    return stored != null ? stored.toString() : dated ? FRONT_MATTER : "";
  }

  /** {@code true} or {@code false}: drafts are filtered out unless asked for. */
  public static final String DRAFT = "draft";

  /** 1-based line of the section in its file: stored. */
  public static final String LINE = "line";

  /** GitHub-style anchor: stored. */
  public static final String ANCHOR = "anchor";

  /**
   * Translation pairs found in the section's text ({@code 화살표 함수(Arrow Function)}), as keywords
   * {@code term} + {@link #HEADING_SEPARATOR} + {@code gloss}: {@link MinedGlossary} collects them.
   */
  public static final String GLOSS = "gloss";

  /**
   * Initial consonants of the title's, upper headings' and tags' Hangul words, joined from each word
   * to the end of its line ({@code 오토 스케일링} → {@code ㅇㅌㅅㅋㅇㄹ}, {@code ㅅㅋㅇㄹ}): keywords
   * for 초성 prefix search.
   */
  public static final String INITIALS = "initials";

  /**
   * The note's title as one keyword ({@link #key}): a query that is the title, word for word, finds
   * the note about it, the strongest evidence a notes folder has. Indexed only.
   */
  public static final String TITLE_KEY = "title_key";

  /** The section's own heading as one keyword ({@link #key}), as {@link #TITLE_KEY}. Indexed only. */
  public static final String HEADING_KEY = "heading_key";

  /**
   * A title, a heading or a query as one keyword: NFC, lowercased, each run of what is not a letter
   * or digit one space, trimmed ({@code "Docker"}, {@code " docker "} and {@code "DOCKER!"} alike).
   *
   * @param text the text
   * @return the keyword, empty when the text has no letter or digit
   */
  public static String key(String text) {
    String nfc = java.text.Normalizer.normalize(text, java.text.Normalizer.Form.NFC).toLowerCase(Locale.ROOT);
    StringBuilder out = new StringBuilder(nfc.length());
    boolean space = false;
    for (int i = 0; i < nfc.length(); ) {
      int c = nfc.codePointAt(i);
      i += Character.charCount(c);
      if (Character.isLetterOrDigit(c)) {
        if (space && !out.isEmpty()) {
          out.append(' ');
        }
        out.appendCodePoint(c);
        space = false;
      } else {
        space = true;
      }
    }
    return out.toString();
  }

  /** The same as {@link #INITIALS} for the section's own heading, which ranks above the rest. */
  public static final String HEADING_INITIALS = "heading_initials";

  /**
   * Every term of the section's fields (heading, parents, body, code) and its note's (title, tags,
   * description), each once, its frequency the term's score without idf in 1/{@link
   * TermImpacts#SCALE} units ({@link TermImpacts}): one term query on it, read with {@link
   * NoteSimilarity}, is the term's score. No norms (the lengths are in the scores) and no positions:
   * phrases use the fields themselves.
   */
  public static final String TERMS = "terms";

  /** Separates the stored heading path; a control character never found in headings. */
  public static final String HEADING_SEPARATOR = "\u001f";

  /**
   * Weights of the section's own fields, searched together as one (BM25F): this part of the score
   * tells sections of one note apart. A section whose heading matches beats one that only mentions
   * the term; code counts least.
   */
  public static final Map<String, Float> SECTION_WEIGHTS =
      Map.of(HEADING, 5f, PARENTS, 2f, BODY, 1.5f, CODE, 1f);

  /**
   * Weights of the note's fields, repeated on each of its sections and searched together as one:
   * this part tells notes apart and is the same for every section of a note. Kept apart from
   * {@link #SECTION_WEIGHTS} so that a title match, shared by all sections, does not saturate the
   * score and drown the heading match that picks the right section.
   */
  public static final Map<String, Float> NOTE_WEIGHTS = Map.of(TITLE, 2f, TAGS_TEXT, 2f, DESCRIPTION, 1f);

  /**
   * What {@link #SECTION_WEIGHTS} are multiplied by to count a section's terms in whole numbers
   * (body's 1.5 becomes 3); {@link TermImpacts} multiplies BM25's k1 by the same, so the scores are
   * unchanged: {@code tf/(tf + k1·L)} is the same with tf, k1 and the length scaled.
   */
  public static final int SECTION_SCALE = 2;

  /** How much the note part of the score counts next to the section part. */
  public static final float NOTE_BOOST = 1f;

  /** Share of the lesser part (section or note) added to the better one for each term. */
  public static final float NOTE_TIE = 0.1f;

  private static final FieldType BODY_TYPE = new FieldType(TextField.TYPE_NOT_STORED);

  /** {@link #TERMS}: custom term frequencies, which Lucene allows only without positions; no norms. */
  private static final FieldType WEIGHTED_TYPE = new FieldType();

  static {
    BODY_TYPE.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
    BODY_TYPE.freeze();
    WEIGHTED_TYPE.setIndexOptions(IndexOptions.DOCS_AND_FREQS);
    WEIGHTED_TYPE.setTokenized(true);
    WEIGHTED_TYPE.setOmitNorms(true);
    WEIGHTED_TYPE.freeze();
  }

  /** The whole-number weight of a field counted into a section's or a note's terms ({@link #TERMS}). */
  static int weight(String field) {
    Float w = SECTION_WEIGHTS.containsKey(field) ? SECTION_WEIGHTS.get(field) * SECTION_SCALE : NOTE_WEIGHTS.get(field);
    if (w == null || w != Math.round(w)) {
      throw new IllegalStateException("weight of " + field + " is not a whole number: " + w);
    }
    return Math.round(w);
  }

  /**
   * Values longer than this are counted as their tokens stream by and analysed again by the index
   * writer instead of recorded token by token: a section of megabytes would hold millions of token
   * strings at once. Below it (nearly every section) Nori runs once per value.
   */
  static final int RECORD_MAX_CHARS = 100_000;

  /** One of the section's fields, its terms counted into {@code weighted} by the field's weight. */
  private static Field analysed(NoteFields note, String field, String text, Map<String, Integer> weighted, FieldType type) {
    if (text.length() > RECORD_MAX_CHARS) {
      Tokens.count(note.analyzer(), field, text, weighted, weight(field));
      return new Field(field, text, type);
    }
    Tokens tokens = Tokens.of(note.analyzer(), field, text);
    tokens.countInto(weighted, weight(field));
    return new Field(field, tokens.replay(), type);
  }

  /**
   * Adds a section's weighted length and its note's to a sample the index's average lengths are
   * estimated from. Analyses the section's fields (without recording their tokens).
   */
  public static void sample(SectionRecord section, NoteFields note, TermImpacts.Sample sample) {
    Map<String, Integer> counts = new java.util.HashMap<>();
    ownFields(section).forEach((field, text) -> Tokens.count(note.analyzer(), field, text, counts, weight(field)));
    sample.add(TermImpacts.length(counts), note.noteLength());
  }

  /** The section's own fields that are analysed, by name: heading, parents, body and code. */
  private static Map<String, String> ownFields(SectionRecord section) {
    Map<String, String> fields = new java.util.LinkedHashMap<>();
    List<String> headings = section.headings();
    fields.put(HEADING, headings.isEmpty() ? "" : headings.getLast());
    if (headings.size() > 1) {
      fields.put(PARENTS, String.join("\n", headings.subList(0, headings.size() - 1)));
    }
    fields.put(BODY, section.text());
    if (!section.code().isEmpty()) {
      fields.put(CODE, section.code());
    }
    return fields;
  }

  /** Compiled once: {@link #initials} splits every section's headings, title and tags. */
  private static final java.util.regex.Pattern NOT_HANGUL = java.util.regex.Pattern.compile("[^가-힣]+");

  /**
   * Marks the 초성 key of one whole word ({@code =ㅇㅈㅂ} for 옵저버), beside the keys that run from a
   * word to the end of its line: a query's consonants that are a word's, not only the start of a
   * longer run (ㅇㅈㅂ is also where 유지보수's ㅇㅈㅂㅅ starts), rank that word first.
   */
  public static final String WHOLE_WORD_INITIALS = "=";

  /**
   * The 초성 keys of some lines (a title, headings, tags): for each line, from each Hangul word on,
   * and each word's own ({@link #WHOLE_WORD_INITIALS}).
   */
  static java.util.Set<String> initials(List<String> lines) {
    java.util.Set<String> out = new java.util.LinkedHashSet<>();
    for (String line : lines) {
      String[] words = NOT_HANGUL.split(line);
      for (String word : words) {
        String own = Hangul.initials(word);
        if (own.length() >= 2) {
          out.add(WHOLE_WORD_INITIALS + own);
        }
      }
      for (int i = 0; i < words.length; i++) {
        StringBuilder joined = new StringBuilder();
        for (int j = i; j < words.length; j++) {
          joined.append(Hangul.initials(words[j]));
        }
        if (joined.length() >= 2) {
          out.add(joined.toString());
        }
      }
    }
    return out;
  }

  /** Where a section stands in its note: the first carries the note's hash. */
  public enum InNote {
    /** The note's first section: it carries the note's hash for incremental indexing. */
    FIRST,
    /** Any later section. */
    LATER
  }

  /**
   * Builds the Lucene document for a section, with the note's fields analysed once for all its
   * sections.
   *
   * @param section the section
   * @param note the note's fields, analysed once for all its sections
   */
  public static Document toDocument(SectionRecord section, NoteFields note) {
    return toDocument(section, note, InNote.FIRST, TermImpacts.Averages.DEFAULT);
  }

  /**
   * Builds the Lucene document for a section of a note written as one block of documents.
   *
   * @param section the section
   * @param note the note's fields, analysed once for all its sections
   * @param place whether this is the note's first section, the one that carries the note's hash
   *     (as doc values on every section they made a 100k-note index 45% larger)
   * @param averages the index's average lengths, which the terms' scores are worked out with
   */
  public static Document toDocument(SectionRecord section, NoteFields note, InNote place, TermImpacts.Averages averages) {
    Document doc = new Document();
    doc.add(new StringField(ID, section.path() + "#" + section.anchor(), Field.Store.NO));
    doc.add(new StringField(PATH, section.path(), Field.Store.YES));
    doc.add(new SortedDocValuesField(PATH, new BytesRef(section.path())));
    if (place == InNote.FIRST) {
      doc.add(new BinaryDocValuesField(NOTE_HASH, new BytesRef(section.noteHash())));
    }
    doc.add(new TextField(TITLE, note.title()));
    doc.add(new StoredField(TITLE, section.title()));
    for (String name : titleAndAliases(section)) {
      String titleKey = key(name);
      if (!titleKey.isEmpty()) {
        doc.add(new StringField(TITLE_KEY, titleKey, Field.Store.NO));
      }
    }
    String headingKey = section.headings().isEmpty() ? "" : key(section.headings().getLast());
    if (!headingKey.isEmpty()) {
      doc.add(new StringField(HEADING_KEY, headingKey, Field.Store.NO));
    }
    doc.add(new StoredField(HEADINGS_STORED, String.join(HEADING_SEPARATOR, section.headings())));
    doc.add(new StoredField(BODY, section.text()));
    if (!section.code().isEmpty()) {
      doc.add(new StoredField(CODE, section.code()));
    }
    // The section's fields, analysed once for their own postings and for TERMS.
    Map<String, Integer> sectionTerms = new java.util.HashMap<>();
    ownFields(section).forEach((field, text) -> doc.add(analysed(note, field, text, sectionTerms,
        field.equals(BODY) ? BODY_TYPE : TextField.TYPE_NOT_STORED)));
    Map<String, Integer> terms = TermImpacts.of(sectionTerms, note.noteTerms(), note.noteLength(), averages);
    if (!terms.isEmpty()) {
      doc.add(new Field(TERMS, new WeightedTerms(terms), WEIGHTED_TYPE));
    }
    List<TokenStream> tagTokens = note.tags();
    for (int t = 0; t < section.tags().size(); t++) {
      String tag = section.tags().get(t);
      doc.add(new TextField(TAGS_TEXT, tagTokens.get(t)));
      String key = tag.toLowerCase(Locale.ROOT);
      doc.add(new StringField(TAG, key, Field.Store.NO));
      doc.add(new SortedSetDocValuesField(TAG, new BytesRef(key)));
      doc.add(new StoredField(TAG, tag));
    }
    for (String category : section.categories()) {
      String key = category.toLowerCase(Locale.ROOT);
      doc.add(new StringField(CATEGORY, key, Field.Store.NO));
      doc.add(new SortedSetDocValuesField(CATEGORY, new BytesRef(key)));
      doc.add(new StoredField(CATEGORY, category));
    }
    if (section.date() != null) {
      long day = section.date().toEpochDay();
      doc.add(new LongPoint(DATE, day));
      doc.add(new NumericDocValuesField(DATE, day));
      doc.add(new StoredField(DATE, day));
    }
    if (!section.dateSource().isEmpty() && !section.dateSource().equals(FRONT_MATTER)) {
      doc.add(new StoredField(DATE_SOURCE, section.dateSource()));
    }
    if (section.modified() >= 0) {
      doc.add(new NumericDocValuesField(MODIFIED, section.modified() / 1000));
    }
    for (String link : section.links()) {
      doc.add(new StringField(LINK, link, Field.Store.YES));
    }
    for (SectionRecord.LinkText t : section.linkTexts()) {
      doc.add(new StoredField(LINK_TEXT, linkText(t)));
    }
    if (place == InNote.FIRST) {
      for (String k : section.noteKeys()) {
        doc.add(new StringField(LINK_KEY, k, Field.Store.YES));
      }
    }
    doc.add(new StringField(DRAFT, Boolean.toString(section.draft()), Field.Store.NO));
    doc.add(new StoredField(LINE, section.line()));
    doc.add(new StoredField(ANCHOR, section.anchor()));
    List<String> headings = section.headings();
    for (String initials : initials(headings.isEmpty() ? List.of() : List.of(headings.getLast()))) {
      doc.add(new StringField(HEADING_INITIALS, initials, Field.Store.NO));
    }
    List<String> context = new java.util.ArrayList<>(headings.isEmpty() ? List.of() : headings.subList(0, headings.size() - 1));
    context.add(section.title());
    context.addAll(section.tags());
    for (String initials : initials(context)) {
      doc.add(new StringField(INITIALS, initials, Field.Store.NO));
    }
    for (GlossMiner.Gloss g : GlossMiner.mine(section.text())) {
      doc.add(new StringField(GLOSS, g.term() + HEADING_SEPARATOR + g.gloss(), Field.Store.NO));
    }
    return doc;
  }

  /** The note's title, then its aliases: each an exact name of the note ({@link #TITLE_KEY}). */
  private static List<String> titleAndAliases(SectionRecord section) {
    List<String> names = new java.util.ArrayList<>(section.aliases().size() + 1);
    names.add(section.title());
    names.addAll(section.aliases());
    return names;
  }
}
