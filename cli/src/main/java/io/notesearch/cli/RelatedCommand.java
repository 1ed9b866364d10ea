package io.notesearch.cli;

import io.notesearch.core.Hit;
import io.notesearch.core.Synonyms;
import io.notesearch.searcher.NoteSearcher;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code notesearch related PATH[#anchor]}: the sections most like a given one. */
@Command(
    name = "related",
    mixinStandardHelpOptions = true,
    description = "Sections most like a given section: PATH#anchor (the note's first section without #anchor).")
final class RelatedCommand implements Callable<Integer> {
  @ParentCommand Notesearch parent;
  @Spec CommandSpec spec;

  @Parameters(paramLabel = "PATH[#anchor]", description = "A note and optionally a section anchor, as search prints them.")
  String target;

  @Option(names = "--index", paramLabel = "PATH", description = "Index folder (default: $NOTESEARCH_INDEX, else your data folder).")
  Path index;

  @Option(names = {"-n", "--limit"}, paramLabel = "N", defaultValue = "10", description = "Show at most N sections (default: ${DEFAULT-VALUE}).")
  int limit;

  @Option(names = "--json", description = "Print JSON Lines.")
  boolean json;

  @Option(names = "--color", paramLabel = "WHEN", defaultValue = "auto", description = "auto, always or never.")
  HitPrinter.ColorChoice color;

  @Override
  public Integer call() throws Exception {
    int hash = target.lastIndexOf('#');
    String file = hash < 0 ? target : target.substring(0, hash);
    String anchor = hash < 0 ? "" : target.substring(hash + 1);
    String path = parent.cwd.resolve(file).normalize().toString();
    Path location = IndexLocation.resolve(index, parent.env, parent.cwd).path();
    List<Hit> hits;
    try (NoteSearcher searcher = NoteSearcher.open(location, UserConfig.files(parent.env), Synonyms.DEFAULT)) {
      hits = searcher.related(path, anchor, Math.max(1, limit));
    }
    HitPrinter printer = new HitPrinter(spec.commandLine().getOut(), color.enabled(parent.env, parent.tty), parent.cwd);
    printer.print(json ? HitPrinter.Format.JSON : HitPrinter.Format.TEXT, hits);
    return hits.isEmpty() ? ExitCodes.NO_HITS : ExitCodes.OK;
  }
}
