package io.notesearch.indexer.markdown;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Splits a large note into pieces that flexmark parses one at a time, so that a 50 MB note never has
 * a 50 MB syntax tree (several times the text's size) in memory. Not API.
 *
 * <p>A piece ends only where no block can span the cut: before a line that starts at column 0 after
 * a blank line, outside fenced code and outside the HTML blocks that run over blank lines ({@code
 * <pre>}, {@code <script>}, {@code <!-- -->}, …). What is lost for a huge note: a link reference
 * defined in one piece and used in another stays text. A note with no such place for a long stretch
 * is cut at a column-0 line, and at last at any line, splitting a paragraph rather than the memory.
 */
final class Chunks {
  private Chunks() {}

  /**
   * One piece of a note.
   *
   * @param start index in the note's text where the piece starts
   * @param end index where it ends (exclusive)
   * @param firstLine 1-based line of the file where the piece starts
   */
  record Chunk(int start, int end, int firstLine) {}

  /**
   * Cuts {@code text[from..]} into pieces of about {@code target} chars.
   *
   * @param text the note
   * @param from where the Markdown starts (after front matter)
   * @param firstLine the 1-based line at {@code from}
   * @param target the size above which a piece ends at the next safe place
   */
  static List<Chunk> split(String text, int from, int firstLine, int target) {
    List<Chunk> out = new ArrayList<>();
    if (text.length() - from <= target) {
      out.add(new Chunk(from, text.length(), firstLine));
      return out;
    }
    int chunkStart = from;
    int chunkLine = firstLine;
    int line = firstLine;
    boolean previousBlank = false;
    Fence fence = null;
    String htmlEnd = null;
    for (int at = from; at < text.length(); line++) {
      int eol = text.indexOf('\n', at);
      int next = eol < 0 ? text.length() : eol + 1;
      long size = at - chunkStart;
      if (size >= target && fence == null && htmlEnd == null && at > chunkStart) {
        boolean column0 = !isSpace(text.charAt(at));
        boolean cut = (previousBlank && column0) || (size >= 4L * target && column0) || size >= 8L * target;
        if (cut) {
          out.add(new Chunk(chunkStart, at, chunkLine));
          chunkStart = at;
          chunkLine = line;
        }
      }
      String l = text.substring(at, eol < 0 ? text.length() : eol);
      if (fence != null) {
        if (fence.closedBy(l)) {
          fence = null;
        }
      } else if (htmlEnd != null) {
        if (l.toLowerCase(Locale.ROOT).contains(htmlEnd)) {
          htmlEnd = null;
        }
      } else {
        fence = Fence.opening(l);
        if (fence == null) {
          htmlEnd = htmlBlockEnd(l);
        }
      }
      previousBlank = l.isBlank();
      at = next;
    }
    out.add(new Chunk(chunkStart, text.length(), chunkLine));
    return out;
  }

  private static boolean isSpace(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
  }

  /** An open code fence: its character and length. */
  private record Fence(char marker, int length) {
    static Fence opening(String line) {
      String l = indentUpTo3(line);
      if (l == null || l.length() < 3 || (l.charAt(0) != '`' && l.charAt(0) != '~')) {
        return null;
      }
      char c = l.charAt(0);
      int n = run(l, c);
      if (n < 3 || (c == '`' && l.indexOf('`', n) >= 0)) {
        return null;
      }
      return new Fence(c, n);
    }

    boolean closedBy(String line) {
      String l = indentUpTo3(line);
      if (l == null || l.isEmpty() || l.charAt(0) != marker) {
        return false;
      }
      int n = run(l, marker);
      return n >= length && l.substring(n).isBlank();
    }

    private static int run(String s, char c) {
      int n = 0;
      while (n < s.length() && s.charAt(n) == c) {
        n++;
      }
      return n;
    }
  }

  /** The line without up to three leading spaces, or null when it is indented more. */
  private static String indentUpTo3(String line) {
    int i = 0;
    while (i < line.length() && i < 4 && line.charAt(i) == ' ') {
      i++;
    }
    return i == 4 ? null : line.substring(i);
  }

  /** What ends an HTML block that this line opens and does not close, or null. */
  private static String htmlBlockEnd(String line) {
    String l = indentUpTo3(line);
    if (l == null || !l.startsWith("<")) {
      return null;
    }
    String lower = l.toLowerCase(Locale.ROOT);
    String end = null;
    for (String tag : new String[] {"pre", "script", "style", "textarea"}) {
      if (lower.startsWith("<" + tag) && (lower.length() == tag.length() + 1 || " \t>".indexOf(lower.charAt(tag.length() + 1)) >= 0)) {
        end = "</" + tag + ">";
      }
    }
    if (lower.startsWith("<!--")) {
      end = "-->";
    } else if (lower.startsWith("<?")) {
      end = "?>";
    } else if (lower.startsWith("<![cdata[")) {
      end = "]]>";
    }
    if (end == null || lower.indexOf(end, 2) >= 0) {
      return null;
    }
    return end;
  }
}
