package io.notesearch.cli;

import io.notesearch.searcher.NoteIndexException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Spec;

/** The top-level {@code notesearch} command: subcommands, exit codes, one-line errors. */
@Command(
    name = "notesearch",
    mixinStandardHelpOptions = true,
    version = "notesearch 0.1.0",
    description = "Search your Markdown notes by section, in Korean and English.",
    subcommands = {IndexCommand.class, SearchCommand.class, EvalCommand.class, GlossaryCommand.class, OpenCommand.class, RelatedCommand.class, ServeCommand.class, CommandLine.HelpCommand.class})
final class Notesearch implements Runnable {
  @Spec CommandLine.Model.CommandSpec spec;

  /** Environment of this run (tests pass their own). */
  final Map<String, String> env;

  Notesearch(Map<String, String> env) {
    this.env = env;
  }

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "missing command: try `notesearch search QUERY` or `notesearch --help`");
  }

  /**
   * Runs the command line and returns the exit code.
   *
   * @param args arguments
   * @param out standard output
   * @param err standard error
   * @param env environment variables
   */
  static int run(String[] args, PrintWriter out, PrintWriter err, Map<String, String> env) {
    CommandLine cmd = new CommandLine(new Notesearch(env));
    cmd.setOut(out);
    cmd.setErr(err);
    cmd.setCaseInsensitiveEnumValuesAllowed(true);
    // "-버전" and "-elb" exclude words from a search; only "--unknown" is a usage error (SearchCommand).
    cmd.setUnmatchedOptionsArePositionalParams(true);
    cmd.setParameterExceptionHandler(
        (ex, a) -> {
          CommandLine c = ex.getCommandLine();
          c.getErr().println("notesearch: " + ex.getMessage());
          c.getErr().println("usage: " + usageLine(c));
          c.getErr().flush();
          return ExitCodes.USAGE;
        });
    cmd.setExecutionExceptionHandler(
        (ex, c, parsed) -> {
          int code;
          String message;
          if (ex instanceof NoteIndexException) {
            code = ExitCodes.INDEX;
            message = ex.getMessage();
          } else if (ex instanceof IllegalArgumentException) {
            code = ExitCodes.USAGE;
            message = ex.getMessage();
          } else if (ex instanceof UncheckedIOException || ex instanceof java.io.IOException) {
            code = ExitCodes.INDEX;
            message = "I/O error: " + ex.getMessage();
          } else {
            code = ExitCodes.INTERNAL;
            message = "internal error (" + ex + "); please report it";
          }
          c.getErr().println("notesearch: " + message);
          c.getErr().flush();
          return code;
        });
    int code = cmd.execute(args);
    out.flush();
    err.flush();
    return code;
  }

  private static String usageLine(CommandLine c) {
    String synopsis = c.getHelp().synopsis(0).strip();
    return synopsis.lines().findFirst().orElse(c.getCommandName());
  }
}
