package io.notesearch.indexer.markdown;

import io.notesearch.core.schema.IndexSchema;
import io.notesearch.core.schema.SectionRecord;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;

/**
 * The sections of one note file exactly as {@code NoteIndexer} writes them: for an index that is
 * not a local Lucene folder (the SolrCloud client), which takes the notes to send and their content
 * hashes from a local index and the sections from here.
 */
public final class NoteSections {
  private static final NoteParser PARSER = new NoteParser();

  private NoteSections() {}

  /**
   * Reads, decodes and parses a note file into its section records.
   *
   * @param file the note
   * @param hash the content hash to record (as the local index has it for this file)
   * @return the sections, at least one
   * @throws IOException when the file cannot be read, is not text or cannot be parsed
   */
  public static List<SectionRecord> read(Path file, String hash) throws IOException {
    byte[] content = Files.readAllBytes(file);
    String text;
    try {
      text = TextDecoder.decode(content).text();
    } catch (TextDecoder.NotTextException e) {
      throw new IOException("cannot read [" + file + "]: " + e.getMessage(), e);
    }
    try {
      return records(file.toString(), hash, PARSER.parse(text, file));
    } catch (NoteParseException e) {
      throw new IOException("cannot parse [" + file + "]: " + e.getMessage(), e);
    }
  }

  /** The records of a parsed note; a note without sections is one empty section (found by title). */
  public static List<SectionRecord> records(String path, String hash, Note note) {
    List<Section> parts = note.sections();
    if (parts.isEmpty()) {
      // A note with front matter only is still found by its title and description.
      parts = List.of(new Section(List.of(), "", 1, "", ""));
    }
    List<SectionRecord> out = new ArrayList<>(parts.size());
    List<String> keys = keys(path, note);
    long modified = modified(hash);
    for (int i = 0; i < parts.size(); i++) {
      Section s = parts.get(i);
      boolean outlined = s.text().isBlank() && s.code().isBlank();
      String text = outlined ? outline(parts, i) : s.text();
      // A link belongs to the section whose lines hold it: from its start to the next one's.
      int from = i == 0 ? Integer.MIN_VALUE : s.line();
      int to = i + 1 < parts.size() ? parts.get(i + 1).line() : Integer.MAX_VALUE;
      List<String> links = note.links().stream().filter(l -> l.line() >= from && l.line() < to)
          .map(Note.Link::target).distinct().toList();
      out.add(new SectionRecord(
          path, hash, note.title(), note.aliases(), s.headings(), s.anchor(), s.line(), text, s.code(),
          note.tags(), note.categories(), note.date(), note.draft(), note.description(), note.dateSource(), modified,
          links, keys, outlined ? List.of() : s.linkTexts()));
    }
    return out;
  }

  /**
   * The names a link to the note may give: its file name, and its folder's for an {@code index.md}
   * or {@code README.md} (a site's page bundle); its slug and aliases. (A link by path is matched
   * against the note's path, a link by title against {@link IndexSchema#TITLE_KEY}.)
   */
  static List<String> keys(String path, Note note) {
    java.util.LinkedHashSet<String> keys = new java.util.LinkedHashSet<>();
    Path file = Path.of(path);
    String name = file.getFileName() == null ? "" : file.getFileName().toString();
    keys.add(IndexSchema.nameLink(name));
    if (name.matches("(?i)(_?index|readme)\\.(md|markdown)") && file.getParent() != null && file.getParent().getFileName() != null) {
      keys.add(IndexSchema.nameLink(file.getParent().getFileName().toString()));
    }
    keys.add(IndexSchema.nameLink(note.slug()));
    note.aliases().forEach(a -> keys.add(IndexSchema.nameLink(a)));
    keys.remove("");
    return List.copyOf(keys);
  }

  /** The file's modification time the hash's stamp records ({@code hash@size:nanos}, base 36), in milliseconds; -1 without one. */
  static long modified(String hash) {
    int colon = hash.lastIndexOf(':');
    if (hash.indexOf('@') < 0 || colon < 0) {
      return -1;
    }
    try {
      return Long.parseLong(hash.substring(colon + 1), 36) / 1_000_000;
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  /**
   * The text of a section that has none of its own but sub-sections: their headings, {@code 시작
   * 템플릿 · 오토 스케일링 그룹 · 조정 정책}. Notes often put a heading over a list of bold items
   * (each its own section), and a hit on that heading showed no snippet at all.
   */
  static String outline(List<Section> parts, int at) {
    List<String> headings = parts.get(at).headings();
    if (headings.isEmpty()) {
      return parts.get(at).text();
    }
    StringJoiner children = new StringJoiner(" · ");
    for (int j = at + 1; j < parts.size(); j++) {
      List<String> h = parts.get(j).headings();
      if (h.size() <= headings.size() || !h.subList(0, headings.size()).equals(headings)) {
        break;
      }
      if (h.size() == headings.size() + 1 && !h.getLast().isBlank()) {
        if (children.length() + h.getLast().length() > OUTLINE_CHARS) {
          children.add("…");
          break;
        }
        children.add(h.getLast());
      }
    }
    return children.length() == 0 ? parts.get(at).text() : children.toString();
  }

  /** The most an outline holds: a snippet's worth and more, not a table of contents of a long note. */
  static final int OUTLINE_CHARS = 500;
}
