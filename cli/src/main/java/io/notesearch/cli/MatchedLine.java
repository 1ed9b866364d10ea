package io.notesearch.cli;

import io.notesearch.indexer.NoteSource;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Where in its file a hit's words are: the first line of the section (from its start, up to the next
 * Markdown heading) that holds one of the hit's matched words, and the column of that word, so that
 * {@code --vimgrep} and {@code -A/-B/-C} point at the words, as rg does, and not only at the heading.
 *
 * @param line the 1-based line
 * @param column the 1-based column of the word, in UTF-8 bytes as rg counts it (when no word is
 *     found, the section's first line and where its heading's text starts)
 * @param lines the file's lines
 */
record MatchedLine(int line, int column, List<String> lines) {
  /** How far past a section's start a matched word is looked for. */
  private static final int MAX_LINES = 2_000;

  static MatchedLine locate(Path file, int sectionLine, List<String> matches) throws IOException {
    List<String> lines = NoteSource.text(file).lines().toList();
    int last = Math.min(lines.size(), sectionLine + MAX_LINES);
    for (int n = sectionLine; n <= last; n++) {
      String text = lines.get(n - 1);
      if (n > sectionLine && isHeading(text)) {
        break;
      }
      String lower = text.toLowerCase(Locale.ROOT);
      int best = -1;
      for (String word : matches) {
        int at = lower.indexOf(word.toLowerCase(Locale.ROOT));
        if (at >= 0 && (best < 0 || at < best)) {
          best = at;
        }
      }
      if (best >= 0) {
        return new MatchedLine(n, text.substring(0, Math.min(best, text.length())).getBytes(StandardCharsets.UTF_8).length + 1, lines);
      }
    }
    // No word of the hit is on a line of its own (a heading's summary was the snippet): its heading's text.
    int line = Math.min(sectionLine, Math.max(1, lines.size()));
    String first = lines.isEmpty() ? "" : lines.get(line - 1);
    int at = 0;
    while (at < first.length() && (first.charAt(at) == '#' || first.charAt(at) == ' ')) {
      at++;
    }
    return new MatchedLine(line, at == first.length() ? 1 : first.substring(0, at).getBytes(StandardCharsets.UTF_8).length + 1, lines);
  }

  private static boolean isHeading(String line) {
    int hashes = 0;
    while (hashes < line.length() && hashes < 7 && line.charAt(hashes) == '#') {
      hashes++;
    }
    return hashes >= 1 && hashes <= 6 && (hashes == line.length() || line.charAt(hashes) == ' ');
  }
}
