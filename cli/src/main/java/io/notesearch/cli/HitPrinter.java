package io.notesearch.cli;

import io.notesearch.searcher.Hit;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Prints hits as text blocks ({@code path:line  Title › Heading} + snippet) or JSON Lines. */
final class HitPrinter {
  private static final String RESET = "\u001b[0m";
  private static final String PATH = "\u001b[35m";
  private static final String LINE = "\u001b[32m";
  private static final String BOLD = "\u001b[1m";
  private static final String MATCH = "\u001b[1;31m";

  /** When to colour. */
  enum ColorChoice {
    /** On a terminal, unless NO_COLOR is set. */
    AUTO,
    /** Always. */
    ALWAYS,
    /** Never. */
    NEVER;

    boolean enabled(Map<String, String> env) {
      return switch (this) {
        case ALWAYS -> true;
        case NEVER -> false;
        case AUTO -> Boolean.getBoolean("notesearch.tty") && !env.containsKey("NO_COLOR");
      };
    }
  }

  private final PrintWriter out;
  private final boolean color;
  private final Path cwd;

  HitPrinter(PrintWriter out, boolean color, Path cwd) {
    this.out = out;
    this.color = color;
    this.cwd = cwd;
  }

  void text(List<Hit> hits) {
    for (int i = 0; i < hits.size(); i++) {
      Hit h = hits.get(i);
      if (i > 0) {
        out.println();
      }
      StringBuilder crumbs = new StringBuilder(h.title());
      for (String heading : h.headings()) {
        crumbs.append(" › ").append(heading);
      }
      String where = paint(PATH, display(h.path())) + ":" + paint(LINE, Integer.toString(h.line()));
      out.println(where + "  " + paint(BOLD, crumbs.toString()));
      String snippet = color ? h.snippet().render(MATCH, RESET) : h.snippet().render("**", "**");
      if (!snippet.isEmpty()) {
        out.println("    " + snippet);
      }
    }
    out.flush();
  }

  void json(List<Hit> hits) {
    for (Hit h : hits) {
      out.println(
          new Json()
              .field("path", h.path())
              .field("line", h.line())
              .field("title", h.title())
              .field("headings", h.headings())
              .field("anchor", h.anchor())
              .field("score", (double) h.score())
              .field("snippet", h.snippet().render("**", "**"))
              .field("tags", h.tags())
              .field("category", h.category())
              .field("date", h.date() == null ? null : h.date().toString())
              .end());
    }
    out.flush();
  }

  /** The path as rg shows it: relative when under the current folder. */
  private String display(String path) {
    Path p = Path.of(path);
    return p.startsWith(cwd) ? cwd.relativize(p).toString() : path;
  }

  private String paint(String style, String text) {
    return color ? style + text + RESET : text;
  }
}
