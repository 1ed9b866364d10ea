package io.notesearch.indexer;

import io.notesearch.indexer.markdown.Note;
import io.notesearch.indexer.markdown.NoteParseException;
import io.notesearch.indexer.markdown.NoteParser;
import io.notesearch.indexer.markdown.Section;
import io.notesearch.indexer.markdown.TextDecoder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The Markdown of a note's sections, cut where the indexer cuts them: what {@code notesearch show}
 * prints for an editor's preview, a terminal or an assistant. A section runs from its heading to the
 * line before the next section, a sub-section being a section of its own, so a hit's {@code line}
 * and {@code anchor} name exactly one.
 *
 * <p>Thread-safe; make one and share it.
 *
 * <pre>{@code
 * NoteSource source = new NoteSource();
 * Optional<SectionSource> s = source.byAnchor(Path.of(hit.path()), hit.anchor());
 * s.ifPresent(section -> System.out.println(section.markdown()));
 * }</pre>
 */
public final class NoteSource {
  private final NoteParser parser = new NoteParser();

  /** Creates a reader; the Markdown parser is built once, here. */
  public NoteSource() {}

  /**
   * Every section of a note, in the file's order.
   *
   * @param file the note (UTF-8, or legacy Korean CP949)
   * @return its sections
   * @throws IOException when the file cannot be read, is not text, or nests too deeply to parse
   */
  public List<SectionSource> sections(Path file) throws IOException {
    return read(file).sections();
  }

  /**
   * A note's whole text, decoded as the indexer decodes it (UTF-8, else legacy Korean CP949).
   *
   * @param file the note
   * @return its text
   * @throws IOException when the file cannot be read or is not text
   */
  public static String text(Path file) throws IOException {
    Path absolute = file.toAbsolutePath().normalize();
    try {
      return TextDecoder.decode(Files.readAllBytes(absolute)).text();
    } catch (TextDecoder.NotTextException e) {
      throw new IOException("cannot read [" + absolute + "]: " + e.getMessage(), e);
    }
  }

  /** A note's sections and how many lines its file has. */
  private record Read(List<SectionSource> sections, int lines) {}

  private Read read(Path file) throws IOException {
    Objects.requireNonNull(file, "file");
    Path absolute = file.toAbsolutePath().normalize();
    String text = text(absolute);
    Note note;
    try {
      note = parser.parse(text, absolute);
    } catch (NoteParseException e) {
      throw new IOException("cannot parse [" + absolute + "]: " + e.getMessage(), e);
    }
    List<String> lines = text.lines().toList();
    List<Section> parsed = note.sections();
    List<SectionSource> out = new ArrayList<>(parsed.size());
    for (int i = 0; i < parsed.size(); i++) {
      Section s = parsed.get(i);
      int next = i + 1 < parsed.size() ? parsed.get(i + 1).line() : lines.size() + 1;
      int end = Math.min(next - 1, lines.size());
      while (end >= s.line() && lines.get(end - 1).isBlank()) {
        end--;
      }
      String markdown = end < s.line() ? "" : String.join("\n", lines.subList(s.line() - 1, end));
      out.add(new SectionSource(absolute.toString(), note.title(), s.headings(), s.anchor(), s.line(), end, markdown));
    }
    return new Read(out, lines.size());
  }

  /**
   * The section a line of the note is in (the last one starting on or before it).
   *
   * @param file the note
   * @param line a 1-based line of the file
   * @return the section, or empty when the line is before the first section (front matter) or past
   *     the end of the file
   * @throws IOException as {@link #sections}
   */
  public Optional<SectionSource> atLine(Path file, int line) throws IOException {
    Read read = read(file);
    if (line > read.lines()) {
      return Optional.empty();
    }
    SectionSource found = null;
    for (SectionSource s : read.sections()) {
      if (s.line() <= line) {
        found = s;
      }
    }
    return Optional.ofNullable(found);
  }

  /**
   * The section with an anchor, as a hit gives it ({@code ""}: the text before the first heading).
   *
   * @param file the note
   * @param anchor the anchor, without {@code #}
   * @return the section, or empty when the note has none with that anchor
   * @throws IOException as {@link #sections}
   */
  public Optional<SectionSource> byAnchor(Path file, String anchor) throws IOException {
    Objects.requireNonNull(anchor, "anchor");
    return sections(file).stream().filter(s -> s.anchor().equals(anchor)).findFirst();
  }
}
