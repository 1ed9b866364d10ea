package io.notesearch.cli;

import io.notesearch.core.NoteLinks;
import io.notesearch.core.Synonyms;
import io.notesearch.server.Json;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code notesearch links NOTE}: a note's links to other notes and the sections linking to it. */
@Command(
    name = "links",
    mixinStandardHelpOptions = true,
    header = "A note's links to other notes, and the sections of other notes that link to it.",
    description = {
        "A note's links to other notes ([[wikilinks]], relative Markdown links, site links like /git/), each",
        "resolved to the note it names, and its backlinks: the sections of other notes that link to it.",
        "One line per link, path:line of the linking section first, as rg prints matches."})
final class LinksCommand implements Callable<Integer> {
  @ParentCommand Notesearch parent;
  @Spec CommandSpec spec;

  @Parameters(paramLabel = "NOTE", description = "The note: its file, or a name a link gives it (git for [[git]]).")
  String note;

  @Option(names = "--index", paramLabel = "PATH", description = "Index folder (default: $NOTESEARCH_INDEX, else your data folder).")
  Path index;

  @Option(names = "--json", description = "Print JSON Lines: one object per link, \"direction\" outgoing or backlink.")
  boolean json;

  @Option(names = "--color", paramLabel = "WHEN", defaultValue = "auto", description = "auto, always or never.")
  HitPrinter.ColorChoice color;

  @Override
  public Integer call() throws Exception {
    Path file = parent.cwd.resolve(note).normalize();
    String lower = note.toLowerCase(Locale.ROOT);
    String asked = Files.isRegularFile(file) || lower.endsWith(".md") || lower.endsWith(".markdown") ? file.toString() : note;
    Path location = IndexLocation.resolve(index, parent.env, parent.cwd).path();
    NoteLinks links;
    // The daemon's kept searcher when it runs this command; else one for this command.
    try (Searchers.Lease lease = parent.searchers.open(location, UserConfig.files(parent.env), Synonyms.DEFAULT)) {
      links = lease.searcher().links(asked);
    }
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      links.outgoing().forEach(l -> out.println(json("outgoing", l)));
      links.backlinks().forEach(l -> out.println(json("backlink", l)));
    } else {
      boolean c = color.enabled(parent.env, parent.tty);
      out.println(paint(c, HitPrinter.PATH, display(links.path())) + "  " + paint(c, HitPrinter.BOLD, links.title()));
      out.println(links.outgoing().isEmpty() ? "links: none" : "links:");
      for (NoteLinks.Link l : links.outgoing()) {
        String to = l.toPath() == null ? l.target() + "  (no such note)" : paint(c, HitPrinter.PATH, display(l.toPath())) + "  " + l.toTitle();
        out.println("  " + where(c, l) + "  → " + to);
      }
      out.println(links.backlinks().isEmpty() ? "backlinks: none" : "backlinks:");
      for (NoteLinks.Link l : links.backlinks()) {
        out.println("  " + where(c, l) + "  " + crumbs(l));
      }
    }
    out.flush();
    return links.outgoing().isEmpty() && links.backlinks().isEmpty() ? ExitCodes.NO_HITS : ExitCodes.OK;
  }

  private String where(boolean c, NoteLinks.Link l) {
    return paint(c, HitPrinter.PATH, display(l.fromPath())) + ":" + paint(c, HitPrinter.LINE, Integer.toString(l.fromLine()));
  }

  private static String crumbs(NoteLinks.Link l) {
    List<String> parts = new ArrayList<>();
    parts.add(l.fromTitle());
    parts.addAll(l.fromHeadings());
    return String.join(" › ", parts);
  }

  private static String json(String direction, NoteLinks.Link l) {
    return new Json()
        .field("direction", direction)
        .field("path", l.fromPath())
        .field("line", l.fromLine())
        .field("title", l.fromTitle())
        .field("headings", l.fromHeadings())
        .field("anchor", l.fromAnchor())
        .field("target", l.target())
        .field("to_path", l.toPath())
        .field("to_title", l.toTitle())
        .end();
  }

  private String display(String path) {
    return HitPrinter.display(parent.cwd, path);
  }

  private static String paint(boolean color, String style, String text) {
    return HitPrinter.paint(color, style, text);
  }
}
