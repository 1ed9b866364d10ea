package io.notesearch.cli;

import io.notesearch.core.NoteIndexException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Spec;

/** The top-level {@code notesearch} command: subcommands, exit codes, one-line errors. */
@Command(
    name = "notesearch",
    mixinStandardHelpOptions = true,
    versionProvider = Version.class,
    description = "Search your Markdown notes by section, in Korean and English.",
    exitCodeListHeading = "%nExit status:%n",
    exitCodeList = {
      "0:success; for search, at least one hit",
      "1:the search ran and found nothing",
      "2:bad usage or bad input (an unknown option, a missing folder, a query that cannot be read)",
      "3:the index is missing, locked, damaged or not writable",
      "4:an internal error (reported in one line; please report it)"
    },
    footerHeading = "%nEnvironment:%n",
    footer = {
      "  NOTESEARCH_INDEX     index folder (~/.local/share/notesearch/index)",
      "  NOTESEARCH_GLOSSARY  synonyms file (~/.config/notesearch/glossary.txt)",
      "  NOTESEARCH_USERDICT  Nori words file (~/.config/notesearch/userdict.txt)",
      "  NOTESEARCH_DAEMON    off: search in-process, even with a daemon running",
      "  XDG_DATA_HOME, XDG_CONFIG_HOME, XDG_CACHE_HOME move the folders above",
      "  NO_COLOR             set and not empty: no colours",
      "  VISUAL, EDITOR       what `open` and `search --open` start",
      "",
      "Examples:",
      "  notesearch index ~/notes",
      "  notesearch search \"EC2가 ELB를\"",
      "  notesearch search -l tag:aws 람다"
    },
    // Subcommands are added in run(): building picocli's model of all of them costs ~100 ms at
    // every start, so a command line that names one gets only that one.
    subcommands = {})
final class Notesearch implements Runnable {
  /** Every subcommand, by name, in the order help lists them. */
  private static final Map<String, java.util.function.Supplier<Object>> COMMANDS = commands();

  private static Map<String, java.util.function.Supplier<Object>> commands() {
    Map<String, java.util.function.Supplier<Object>> m = new java.util.LinkedHashMap<>();
    m.put("index", IndexCommand::new);
    m.put("search", SearchCommand::new);
    m.put("open", OpenCommand::new);
    m.put("show", ShowCommand::new);
    m.put("related", RelatedCommand::new);
    m.put("links", LinksCommand::new);
    m.put("glossary", GlossaryCommand::new);
    m.put("daemon", DaemonCommand::new);
    m.put("serve", ServeCommand::new);
    m.put("mcp", McpCommand::new);
    m.put("eval", EvalCommand::new);
    m.put("help", CommandLine.HelpCommand::new);
    return java.util.Collections.unmodifiableMap(m);
  }

  @Spec CommandLine.Model.CommandSpec spec;

  /** Environment of this run (tests pass their own). */
  final Map<String, String> env;

  /** The folder relative paths are resolved against and shown relative to. */
  final Path cwd;

  /** Whether standard output is a terminal (the launcher tells; colour depends on it). */
  final boolean tty;

  /** Where searchers come from: opened per command, or kept open by the daemon. */
  final Searchers searchers;

  Notesearch(Map<String, String> env, Path cwd, boolean tty, Searchers searchers) {
    this.env = env;
    this.cwd = cwd;
    this.tty = tty;
    this.searchers = searchers;
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
    return run(args, out, err, new Notesearch(env, Path.of("").toAbsolutePath(), Boolean.getBoolean("notesearch.tty"), Searchers.PER_COMMAND));
  }

  /** Runs the command line in a given context (the daemon runs its clients' commands this way). */
  static int run(String[] args, PrintWriter out, PrintWriter err, Notesearch context) {
    String named = args.length > 0 && COMMANDS.containsKey(args[0]) && !args[0].equals("help") ? args[0] : null;
    CommandLine cmd = commandLine(context, named);
    cmd.setOut(out);
    cmd.setErr(err);
    cmd.setCaseInsensitiveEnumValuesAllowed(true);
    // "-버전" and "-elb" exclude words from a search; only "--unknown" is a usage error (SearchCommand).
    cmd.setUnmatchedOptionsArePositionalParams(true);
    cmd.setParameterExceptionHandler(
        (ex, a) -> {
          CommandLine c = ex.getCommandLine();
          c.getErr().println("notesearch: " + usageMessage(ex));
          c.getErr().println("usage: " + usageLine(c));
          c.getErr().flush();
          return ExitCodes.USAGE;
        });
    cmd.setExecutionExceptionHandler(
        (ex, c, parsed) -> {
          int code;
          String message;
          if (ex instanceof NoteIndexException e) {
            code = ExitCodes.INDEX;
            message = e.getMessage() + hint(e);
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

  /** The command line with every subcommand, or with only the one named (null: all). */
  private static CommandLine commandLine(Notesearch context, String named) {
    CommandLine cmd = new CommandLine(context);
    COMMANDS.forEach((name, command) -> {
      if (named == null || named.equals(name)) {
        cmd.addSubcommand(name, command.get());
      }
    });
    return cmd;
  }

  /** The whole command line, every subcommand included, as the man page and completions describe it. */
  static CommandLine described() {
    return commandLine(new Notesearch(Map.of(), Path.of("").toAbsolutePath(), false, Searchers.PER_COMMAND), null);
  }

  /** A usage error in one line; a mistyped command gets the commands it is close to. */
  static String usageMessage(CommandLine.ParameterException ex) {
    if (ex instanceof CommandLine.UnmatchedArgumentException u && ex.getCommandLine().getParent() == null
        && !u.getUnmatched().isEmpty()) {
      List<String> near = u.getSuggestions();
      return "unknown command [" + u.getUnmatched().getFirst() + "]"
          + (near.isEmpty() ? "; commands: " + String.join(", ", ex.getCommandLine().getSubcommands().keySet())
              : "; did you mean " + String.join(" or ", near) + "?");
    }
    return ex.getMessage();
  }

  /** What the user can do about an index problem, in the command line's words (the library has none). */
  static String hint(NoteIndexException e) {
    boolean collection = String.valueOf(e.getMessage()).startsWith("no collection");
    return switch (e.reason()) {
      case MISSING -> collection ? ": create it with `notesearch index DIR --solr URL --collection NAME`"
          : ": run `notesearch index DIR` first";
      case OLDER_FORMAT -> collection ? "" : ": rebuild it with `notesearch index --full DIR`";
      case DAMAGED -> "; if this persists, rebuild it with `notesearch index --full DIR`";
      case DISK_FULL -> "; free some space and run `notesearch index` again";
      case READ_ONLY -> "; check that the folder is writable";
      case LOCKED, USER_FILE, UNREACHABLE -> "";
    };
  }

  private static String usageLine(CommandLine c) {
    String synopsis = c.getHelp().synopsis(0).strip();
    return synopsis.lines().findFirst().orElse(c.getCommandName());
  }
}
