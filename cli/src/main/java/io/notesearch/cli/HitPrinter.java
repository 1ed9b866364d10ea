package io.notesearch.cli;

import io.notesearch.core.Hit;
import io.notesearch.core.SearchResult;
import io.notesearch.server.HitJson;
import io.notesearch.server.Json;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Prints hits as text blocks ({@code path:line  Title › Heading} + snippet) or JSON Lines. */
final class HitPrinter {
  private static final String RESET = "\u001b[0m";
  static final String PATH = "\u001b[35m";
  static final String LINE = "\u001b[32m";
  static final String BOLD = "\u001b[1m";
  private static final String MATCH = "\u001b[1;31m";

  /** How hits are written. */
  enum Format {
    /** One block per hit: {@code path:line  Title › Heading}, then the snippet. */
    TEXT,
    /** JSON Lines, one object per hit. */
    JSON,
    /** An HTML fragment: an ordered list with {@code <mark>}ed snippets. */
    HTML,
    /** One line per hit for pipes: {@code path:line  snippet}, no marks, no colours, no headings. */
    PLAIN,
    /**
     * {@code path:line:column:snippet} per hit, as {@code rg --vimgrep} prints, for quickfix lists:
     * the line and column of the hit's first matched word in the file.
     */
    VIMGREP
  }

  /**
   * What a text hit shows under its heading line: the snippet; lines of the file around the matched
   * line ({@code -A/-B/-C}, as rg prints them: {@code 12:} the matched line, {@code 11-} context); or
   * the whole section's Markdown ({@code --section}, what {@code show} prints).
   *
   * @param before lines before the matched line
   * @param after lines after it
   * @param section the whole section instead
   */
  record Body(int before, int after, boolean section) {
    static final Body SNIPPET = new Body(0, 0, false);

    boolean snippet() {
      return !section && before == 0 && after == 0;
    }
  }

  /** When to colour. */
  enum ColorChoice {
    /** On a terminal, unless NO_COLOR is set to a non-empty value. */
    AUTO,
    /** Always. */
    ALWAYS,
    /** Never. */
    NEVER;

    boolean enabled(Map<String, String> env, boolean tty) {
      return switch (this) {
        case ALWAYS -> true;
        case NEVER -> false;
        // NO_COLOR counts when set to something: an empty value does not (no-color.org).
        case AUTO -> tty && (env.get("NO_COLOR") == null || env.get("NO_COLOR").isEmpty());
      };
    }
  }

  private final PrintWriter out;
  private final boolean color;
  private final Path cwd;
  private final Body body;
  /** Reads sections for {@code --section}: made at the first, since it builds a Markdown parser. */
  private io.notesearch.indexer.NoteSource source;

  HitPrinter(PrintWriter out, boolean color, Path cwd) {
    this(out, color, cwd, Body.SNIPPET);
  }

  HitPrinter(PrintWriter out, boolean color, Path cwd, Body body) {
    this.out = out;
    this.color = color;
    this.cwd = cwd;
    this.body = body;
  }

  void print(Format format, List<Hit> hits) {
    switch (format) {
      case TEXT -> text(hits);
      case JSON -> json(hits);
      case HTML -> html(hits);
      case PLAIN -> plain(hits);
      case VIMGREP -> vimgrep(hits);
    }
  }

  /**
   * One path per note, in the order of its best hit, like {@code rg -l}; as {@code {"path":…}} lines
   * in JSON; each ended by a NUL instead of a newline when {@code nul}, like {@code rg -l -0}, for
   * {@code xargs -0} and note names with spaces.
   */
  void files(Format format, List<Hit> hits, int limit, boolean nul) {
    java.util.LinkedHashSet<String> paths = new java.util.LinkedHashSet<>();
    for (Hit h : hits) {
      if (paths.size() < limit) {
        paths.add(h.path());
      }
    }
    for (String p : paths) {
      if (format == Format.JSON) {
        out.println("{\"path\":" + Json.quote(p) + "}");
      } else if (nul) {
        out.print(display(p) + '\0');
      } else {
        out.println(format == Format.PLAIN ? display(p) : paint(PATH, display(p)));
      }
    }
    out.flush();
  }

  void facets(Format format, SearchResult.Facets facets) {
    if (format == Format.JSON) {
      out.println("{\"facets\":" + HitJson.facets(facets) + "}");
    } else if (format == Format.HTML) {
      out.println("<dl class=\"notesearch-facets\"><dt>tags</dt><dd>" + escapeHtml(line(facets.tags()))
          + "</dd><dt>categories</dt><dd>" + escapeHtml(line(facets.categories())) + "</dd><dt>years</dt><dd>"
          + escapeHtml(line(facets.years())) + "</dd></dl>");
    } else {
      out.println();
      out.println(paint(BOLD, "tags:") + " " + line(facets.tags()));
      out.println(paint(BOLD, "categories:") + " " + line(facets.categories()));
      out.println(paint(BOLD, "years:") + " " + line(facets.years()));
    }
    out.flush();
  }

  private static String line(Map<?, Long> counts) {
    StringBuilder sb = new StringBuilder();
    counts.forEach((k, v) -> sb.append(sb.isEmpty() ? "" : ", ").append(k).append(' ').append(v));
    return sb.isEmpty() ? "-" : sb.toString();
  }

  void html(List<Hit> hits) {
    out.println("<ol class=\"notesearch-hits\">");
    for (Hit h : hits) {
      String crumbs = crumbs(h);
      String snippet = escapeHtml(h.snippet().render("\u0001", "\u0002")).replace("\u0001", "<mark>").replace("\u0002", "</mark>");
      out.println("  <li><a href=\"" + escapeHtml(Path.of(h.path()).toUri() + (h.anchor().isEmpty() ? "" : "#" + h.anchor()))
          + "\">" + escapeHtml(display(h.path()) + ":" + h.line()) + "</a> <span class=\"crumbs\">" + escapeHtml(crumbs)
          + "</span><p>" + snippet + "</p></li>");
    }
    out.println("</ol>");
    out.flush();
  }

  /**
   * {@code Title › Heading › Sub-heading}; the title once when the first heading repeats it (a note
   * without front matter takes its title from its {@code #} heading, and many notes repeat it).
   */
  static String crumbs(Hit h) {
    StringBuilder crumbs = new StringBuilder(h.title());
    List<String> headings = h.headings();
    int from = !headings.isEmpty() && headings.getFirst().equals(h.title()) ? 1 : 0;
    for (String heading : headings.subList(from, headings.size())) {
      crumbs.append(" › ").append(heading);
    }
    return crumbs.toString();
  }

  static String escapeHtml(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
  }

  void text(List<Hit> hits) {
    for (int i = 0; i < hits.size(); i++) {
      Hit h = hits.get(i);
      if (i > 0) {
        out.println();
      }
      String crumbs = crumbs(h);
      String where = paint(PATH, display(h.path())) + ":" + paint(LINE, Integer.toString(h.line()));
      out.println(where + "  " + paint(BOLD, crumbs));
      if (!body.snippet() && fromFile(h)) {
        continue;
      }
      String snippet = color ? h.snippet().render(MATCH, RESET) : h.snippet().render("**", "**");
      if (!snippet.isEmpty()) {
        out.println("    " + snippet);
      }
    }
    out.flush();
  }

  /**
   * The section's Markdown, or the lines around the matched line, read from the note; false (the
   * snippet is shown instead) when the note cannot be read now.
   */
  private boolean fromFile(Hit h) {
    try {
      if (body.section()) {
        if (source == null) {
          source = new io.notesearch.indexer.NoteSource();
        }
        var section = source.atLine(Path.of(h.path()), h.line());
        if (section.isEmpty()) {
          return false;
        }
        out.println(section.get().markdown());
        return true;
      }
      MatchedLine at = MatchedLine.locate(Path.of(h.path()), h.line(), h.matches());
      int from = Math.max(1, at.line() - body.before());
      int to = Math.min(at.lines().size(), at.line() + body.after());
      for (int n = from; n <= to; n++) {
        String number = n == at.line() ? paint(LINE, Integer.toString(n)) + ":" : n + "-";
        out.println(number + at.lines().get(n - 1));
      }
      return true;
    } catch (java.io.IOException | java.io.UncheckedIOException e) {
      return false;
    }
  }

  void vimgrep(List<Hit> hits) {
    for (Hit h : hits) {
      MatchedLine at;
      try {
        at = MatchedLine.locate(Path.of(h.path()), h.line(), h.matches());
      } catch (java.io.IOException | java.io.UncheckedIOException e) {
        at = new MatchedLine(h.line(), 1, List.of());
      }
      String text = h.snippet().text().isEmpty() ? crumbs(h) : h.snippet().text();
      out.println(display(h.path()) + ":" + at.line() + ":" + at.column() + ":" + text.replace('\n', ' ').replace('\r', ' '));
    }
    out.flush();
  }

  void plain(List<Hit> hits) {
    for (Hit h : hits) {
      out.println(display(h.path()) + ":" + h.line() + "  " + h.snippet().text());
    }
    out.flush();
  }

  void json(List<Hit> hits) {
    for (Hit h : hits) {
      out.println(HitJson.hit(h));
    }
    out.flush();
  }

  /** The path as rg shows it: relative when under the current folder. */
  private String display(String path) {
    return display(cwd, path);
  }

  /** A path as rg shows it: relative when under {@code cwd}. */
  static String display(Path cwd, String path) {
    Path p = Path.of(path);
    return p.startsWith(cwd) ? cwd.relativize(p).toString() : path;
  }

  private String paint(String style, String text) {
    return paint(color, style, text);
  }

  /** Text in a terminal style ({@link #PATH}, {@link #LINE}, {@link #BOLD}) when colour is on. */
  static String paint(boolean color, String style, String text) {
    return color ? style + text + RESET : text;
  }
}
