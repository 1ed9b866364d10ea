package io.notesearch.indexer.markdown;

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
    for (int i = 0; i < parts.size(); i++) {
      Section s = parts.get(i);
      String text = s.text().isBlank() && s.code().isBlank() ? outline(parts, i) : s.text();
      out.add(new SectionRecord(
          path, hash, note.title(), note.aliases(), s.headings(), s.anchor(), s.line(), text, s.code(),
          note.tags(), note.categories(), note.date(), note.draft(), note.description()));
    }
    return out;
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
