package io.notesearch.cli;

import io.notesearch.indexer.NoteSource;
import io.notesearch.indexer.SectionSource;
import io.notesearch.server.HitJson;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code notesearch show PATH:LINE | PATH#anchor | PATH}: a section's Markdown as the file has it,
 * for editor previews (fzf's {@code --preview}), terminals and scripts. Reads the note itself, not the
 * index: it answers for any Markdown file, and at once after an edit.
 */
@Command(
    name = "show",
    mixinStandardHelpOptions = true,
    description = "Print a section's Markdown: PATH:LINE (the section that line is in), PATH#anchor, or PATH (the whole note).")
final class ShowCommand implements Callable<Integer> {
  /** {@code path:line}, and what rg and search print after it ({@code :column:text}, {@code  title}). */
  private static final Pattern AT_LINE = Pattern.compile("(.+?):(\\d+)(?:[: ].*)?", Pattern.DOTALL);

  @ParentCommand Notesearch parent;
  @Spec CommandSpec spec;

  @Parameters(paramLabel = "SECTION", description = "path:line or path#anchor, as search prints them, or a note's path.")
  String target;

  @Option(names = "--json", description = "One JSON object: path, line, end_line, title, headings, anchor, markdown.")
  boolean json;

  @Override
  public Integer call() throws IOException {
    String t = target.strip();
    PrintWriter out = spec.commandLine().getOut();
    Path whole = parent.cwd.resolve(t);
    if (Files.isRegularFile(whole)) {
      if (json) {
        throw new IllegalArgumentException("--json shows one section: name it as PATH:LINE or PATH#anchor");
      }
      out.print(NoteSource.text(whole));
      out.flush();
      return ExitCodes.OK;
    }
    NoteSource source = new NoteSource();
    Optional<SectionSource> section;
    Matcher m = AT_LINE.matcher(t);
    int hash = t.lastIndexOf('#');
    if (m.matches() && Files.isRegularFile(parent.cwd.resolve(m.group(1)))) {
      Path file = parent.cwd.resolve(m.group(1));
      int line = Integer.parseInt(m.group(2));
      section = source.atLine(file, line);
      if (section.isEmpty()) {
        throw new IllegalArgumentException("no section at line " + line + " of [" + file + "]");
      }
    } else if (hash > 0 && Files.isRegularFile(parent.cwd.resolve(t.substring(0, hash)))) {
      Path file = parent.cwd.resolve(t.substring(0, hash));
      String anchor = t.substring(hash + 1);
      section = source.byAnchor(file, anchor);
      if (section.isEmpty()) {
        throw new IllegalArgumentException("no section #" + anchor + " in [" + file + "]; its anchors: "
            + String.join(", ", source.sections(file).stream().map(SectionSource::anchor).filter(a -> !a.isEmpty()).toList()));
      }
    } else {
      throw new IllegalArgumentException("no note [" + t + "]: give path:line, path#anchor or a note's path");
    }
    SectionSource s = section.get();
    if (json) {
      out.println(HitJson.section(s));
    } else {
      out.println(s.markdown());
    }
    out.flush();
    return ExitCodes.OK;
  }
}
