package io.notesearch.cli;

import io.notesearch.core.analysis.Glossary;
import io.notesearch.core.schema.IndexFolder;
import io.notesearch.core.schema.MinedGlossary;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.store.FSDirectory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code notesearch glossary}: the synonyms queries get, and the pairs mined from your notes. */
@Command(
    name = "glossary",
    mixinStandardHelpOptions = true,
    header = "Show where query synonyms come from: the shipped glossary, yours, and pairs mined from your notes.",
    description = {
      "Show the synonym sources: the shipped glossary, your glossary file, and the term pairs",
      "mined from your notes' parenthesised glosses, e.g. 화살표 함수(Arrow Function).",
      "Turn mined pairs off per search with `search --no-mined`."
    })
final class GlossaryCommand implements Callable<Integer> {
  @ParentCommand Notesearch parent;
  @Spec CommandSpec spec;

  @Option(names = "--index", paramLabel = "PATH", description = "Index folder (default: $NOTESEARCH_INDEX, else your data folder).")
  Path index;

  @Option(names = "--all", description = "Also list every group of the shipped glossary.")
  boolean all;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    Glossary builtIn = Glossary.builtIn();
    out.println("shipped glossary: " + builtIn.groups().size() + " groups");
    if (all) {
      builtIn.groups().forEach(g -> out.println("  " + String.join(", ", g)));
    }
    Path user = UserConfig.glossary(parent.env);
    if (user == null) {
      out.println("your glossary: none (create " + UserConfig.configFolder(parent.env).resolve("glossary.txt")
          + " or set $" + UserConfig.GLOSSARY_ENV + "; one group per line: 용어, term, abbreviation)");
    } else {
      Glossary mine = Glossary.read(user);
      out.println("your glossary: " + user + ": " + mine.groups().size() + " groups");
      mine.problems().forEach(p -> out.println("  skipped " + p));
    }
    Path location = IndexLocation.resolve(index, parent.env, parent.cwd).path();
    if (!new IndexFolder(location).hasCommit()) {
      out.println("mined pairs: no index at " + location);
      out.flush();
      return ExitCodes.OK;
    }
    List<MinedGlossary.Pair> pairs;
    try (FSDirectory dir = FSDirectory.open(location); DirectoryReader reader = DirectoryReader.open(dir)) {
      pairs = MinedGlossary.collect(reader);
    } catch (java.io.IOException e) {
      throw new io.notesearch.core.NoteIndexException(io.notesearch.core.NoteIndexException.Reason.DAMAGED, "cannot read the index at [" + location + "] (" + e.getMessage() + ")", e);
    }
    out.println("mined pairs (" + location + "): " + pairs.size());
    for (MinedGlossary.Pair p : pairs) {
      out.println("  " + p.term() + " = " + p.gloss() + "  (" + p.sections() + (p.sections() == 1 ? " section)" : " sections)"));
    }
    out.flush();
    return ExitCodes.OK;
  }
}
