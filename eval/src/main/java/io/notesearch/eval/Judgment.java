package io.notesearch.eval;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One judged query: what a person typed and the section they wanted.
 *
 * @param id stable identifier, e.g. {@code q017}
 * @param kind the query's kind, e.g. {@code korean-particle}, {@code alnum}, {@code typo}
 * @param query the query text
 * @param note the relevant note, relative to the notes folder
 * @param heading the best section's own heading; empty for the note's intro
 */
public record Judgment(String id, String kind, String query, String note, String heading) {
  /** Header line of a judgments file. */
  public static final String HEADER = "id\tkind\tquery\tnote\theading";

  /** Validates. */
  public Judgment {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(query, "query");
    Objects.requireNonNull(note, "note");
    Objects.requireNonNull(heading, "heading");
  }

  /**
   * Reads a tab-separated judgments file with the {@link #HEADER} line.
   *
   * @param file the file
   * @throws IllegalArgumentException naming the line when a row is malformed
   */
  public static List<Judgment> read(Path file) throws IOException {
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    if (lines.isEmpty() || !lines.getFirst().strip().equals(HEADER)) {
      throw new IllegalArgumentException("judgments file [" + file + "] must start with the header [" + HEADER.replace('\t', ' ') + "]");
    }
    List<Judgment> out = new ArrayList<>();
    for (int i = 1; i < lines.size(); i++) {
      String line = lines.get(i);
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      String[] f = line.split("\t", -1);
      if (f.length < 4 || f.length > 5) {
        throw new IllegalArgumentException("[" + file + ":" + (i + 1) + "] needs 5 tab-separated fields, has " + f.length);
      }
      out.add(new Judgment(f[0].strip(), f[1].strip(), f[2].strip(), f[3].strip(), f.length == 5 ? f[4].strip() : ""));
    }
    return out;
  }
}
