package io.notesearch.cli;

import io.notesearch.core.NoteIndexException;
import io.notesearch.core.SearchRequest;
import io.notesearch.core.Synonyms;
import io.notesearch.server.Daemon;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code notesearch daemon run|stop|status}: a resident process that keeps an index's searcher warm,
 * so that {@code notesearch search} answers in tens of milliseconds instead of a JVM start.
 *
 * <p>The protocol is the server module's {@link Daemon}: a loopback port and a file in the index
 * folder that names it. The launcher script sends a {@code search} there when the file exists and the
 * daemon answers; otherwise it searches in-process. The daemon exits after {@code --idle-minutes}
 * without a request.
 */
@Command(
    name = "daemon",
    mixinStandardHelpOptions = true,
    header = "Keep an index's searcher warm in the background, so that searches answer in milliseconds.",
    description = {
      "Keep an index's searcher warm for fast searches: `notesearch daemon start` (launcher),",
      "`run` (in the foreground), `stop`, `status`."
    })
final class DaemonCommand implements java.util.concurrent.Callable<Integer> {
  @ParentCommand Notesearch parent;
  @Spec CommandSpec spec;

  @Parameters(paramLabel = "ACTION", defaultValue = "run", description = "run, stop or status (default: ${DEFAULT-VALUE}).")
  String action;

  @Option(names = "--index", paramLabel = "PATH", description = "Index folder (default: $NOTESEARCH_INDEX, else your data folder).")
  Path index;

  @Option(names = "--idle-minutes", paramLabel = "N", defaultValue = "15", description = "Exit after N minutes without a request (default: ${DEFAULT-VALUE}).")
  long idleMinutes;

  @Override
  public Integer call() throws Exception {
    Path location = IndexLocation.resolve(index, parent.env, parent.cwd).path();
    return switch (action) {
      case "run" -> run(location);
      case "stop" -> stop(location);
      case "status" -> status(location);
      case "start" -> throw new IllegalArgumentException("`daemon start` is the launcher's (./notesearch daemon start); here: run, stop or status");
      default -> throw new IllegalArgumentException("unknown daemon action [" + action + "]; use start, run, stop or status");
    };
  }

  private int status(Path location) throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    Daemon.Endpoint e = Daemon.Endpoint.read(location);
    if (e == null || !e.alive()) {
      out.println("no daemon for " + location);
      out.flush();
      return ExitCodes.NO_HITS;
    }
    out.println("daemon pid " + e.pid() + " on 127.0.0.1:" + e.port() + " for " + location);
    out.flush();
    return ExitCodes.OK;
  }

  private int stop(Path location) throws IOException, InterruptedException {
    Daemon.Endpoint e = Daemon.Endpoint.read(location);
    if (e == null || !e.alive()) {
      spec.commandLine().getOut().println("no daemon for " + location);
      spec.commandLine().getOut().flush();
      return ExitCodes.NO_HITS;
    }
    e.stop();
    spec.commandLine().getOut().println("stopped daemon pid " + e.pid());
    spec.commandLine().getOut().flush();
    return ExitCodes.OK;
  }

  private int run(Path location) throws IOException, InterruptedException {
    if (!Files.isDirectory(location)) {
      throw new NoteIndexException(NoteIndexException.Reason.MISSING, "no index at [" + location + "]", null);
    }
    Daemon.Endpoint existing = Daemon.Endpoint.read(location);
    if (existing != null && existing.alive()) {
      throw new IllegalArgumentException("a daemon already serves [" + location + "] (pid " + existing.pid() + ")");
    }
    try (Searchers.Kept searchers = new Searchers.Kept()) {
      // Warm up: Nori, the synonym map and the index, before the first client waits for them.
      searchers.open(location, UserConfig.files(parent.env), Synonyms.DEFAULT).searcher().search(SearchRequest.of("warm up EC2 람다"));
      try (Daemon daemon = Daemon.start(location, request -> runCommand(parent.env, request, searchers))) {
        spec.commandLine().getErr().println("notesearch: daemon pid " + daemon.endpoint().pid() + " serving "
            + location + " on 127.0.0.1:" + daemon.endpoint().port());
        spec.commandLine().getErr().flush();
        daemon.whileIdle(warmUp(location, searchers));
        daemon.awaitStop(Duration.ofMinutes(idleMinutes));
      }
    }
    return ExitCodes.OK;
  }

  /** Searches that warm the daemon up at most: the JIT's compiled code is as fast by then. */
  private static final int WARM_UP_SEARCHES = 300;

  /** Longest the warm-up runs: it takes a core. */
  private static final Duration WARM_UP_TIME = Duration.ofSeconds(4);

  /** Where the warm-up starts; the titles of the notes they find follow. */
  private static final List<String> WARM_UP_QUERIES = List.of("EC2 람다", "로드 밸런서", "함수", "설정 방법", "git", "docker",
      "데이터베이스", "java", "python", "서버 배포");

  /**
   * Searches of the index as clients send them, one a step ({@link Daemon#whileIdle}: on the thread
   * that answers clients, until one asks or enough have run). A fresh JVM answers its first searches
   * 3-5x slower than after a few hundred (27 ms, then 15, 10, 8, 6 and 5 ms for the sample notes'
   * daemon over its first 300 requests): the JIT compiles the hot code only after it has run that
   * often. A user's second search comes seconds after the first, which leaves the daemon; by then
   * these have run.
   */
  private java.util.function.BooleanSupplier warmUp(Path location, Searchers searchers) {
    List<String> queries = new java.util.ArrayList<>(WARM_UP_QUERIES);
    long deadline = System.nanoTime() + WARM_UP_TIME.toNanos();
    int[] done = {0};
    return () -> {
      int i = done[0]++;
      String query = queries.get(i % queries.size());
      try {
        if (i < WARM_UP_QUERIES.size()) {
          // The notes' own words: titles of what the starters find, which the snippets then mark.
          try (Searchers.Lease lease = searchers.open(location, UserConfig.files(parent.env), Synonyms.DEFAULT)) {
            for (io.notesearch.core.Hit hit : lease.searcher().search(SearchRequest.of(query).withLimit(3)).hits()) {
              if (!hit.title().isBlank() && queries.size() < 40) {
                queries.add(hit.title());
              }
            }
          }
        }
        runCommand(parent.env, new Daemon.Request(parent.cwd, false, true,
            List.of("search", "--index", location.toString(), "-n", "10", query)), searchers);
      } catch (IOException | RuntimeException e) {
        return false; // a warm-up that fails costs the warming only; a client's search reports its own errors
      }
      return i + 1 < WARM_UP_SEARCHES && System.nanoTime() < deadline;
    };
  }

  /**
   * A client's command line, run here as in its own process, with the searchers kept open (by the
   * daemon, and by {@code serve}, which answers its index's clients while it runs).
   */
  static Daemon.Answer runCommand(Map<String, String> processEnv, Daemon.Request request, Searchers searchers) {
    Map<String, String> env = new HashMap<>(processEnv);
    env.remove("NO_COLOR");
    env.remove(IndexLocation.ENV);
    if (request.noColor()) {
      env.put("NO_COLOR", "1");
    }
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    Notesearch context = new Notesearch(env, request.cwd(), request.tty(), searchers);
    int code = Notesearch.run(request.args().toArray(String[]::new), new PrintWriter(out), new PrintWriter(err), context);
    return new Daemon.Answer(code, out.toString(), err.toString());
  }
}
