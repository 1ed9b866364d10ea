package io.notesearch.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code notesearch open path:line}: a hit as printed, opened in the editor at its line. */
@Command(
    name = "open",
    mixinStandardHelpOptions = true,
    description = "Open a hit (path:line, as search prints it) in $VISUAL or $EDITOR at its line.")
final class OpenCommand implements Callable<Integer> {
  private static final Pattern HIT = Pattern.compile("(.+?):(\\d+)(?::.*)?");

  @ParentCommand Notesearch parent;
  @Spec CommandSpec spec;

  @Parameters(paramLabel = "HIT", description = "path:line, e.g. notes/aws/s3.md:42")
  String hit;

  @Override
  public Integer call() {
    Matcher m = HIT.matcher(hit.strip());
    Path file;
    int line;
    if (m.matches()) {
      file = parent.cwd.resolve(m.group(1));
      line = Integer.parseInt(m.group(2));
    } else {
      file = parent.cwd.resolve(hit.strip());
      line = 1;
    }
    if (!Files.isRegularFile(file)) {
      throw new IllegalArgumentException("no file [" + file + "]");
    }
    return Editor.open(file.toAbsolutePath(), line, parent.env, spec.commandLine().getErr());
  }
}
