package io.notesearch.cli;

import io.notesearch.core.IndexStats;
import io.notesearch.core.Synonyms;
import io.notesearch.searcher.NoteSearcher;
import io.notesearch.server.Daemon;
import io.notesearch.server.NoteServer;
import io.notesearch.server.ServerConfig;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.BindException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code notesearch serve}: the search page and a JSON API on a local HTTP port, until Ctrl-C. */
@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    description = {
      "Serve a search page and a JSON API (/search, /notes/PATH, /health) over HTTP, until stopped with Ctrl-C.",
      "Listens on 127.0.0.1 only unless --host says otherwise."
    })
final class ServeCommand implements Callable<Integer> {
  @ParentCommand Notesearch parent;
  @Spec CommandSpec spec;

  @Option(names = "--port", paramLabel = "PORT", defaultValue = "7700", description = "Port to listen on; 0 picks a free one (default: ${DEFAULT-VALUE}).")
  int port;

  @Option(names = "--host", paramLabel = "HOST", defaultValue = ServerConfig.DEFAULT_HOST, description = "Address to listen on (default: ${DEFAULT-VALUE}). Anything but loopback lets others read your notes.")
  String host;

  @Option(names = "--index", paramLabel = "PATH", description = "Index folder (default: $NOTESEARCH_INDEX, else your data folder).")
  Path index;

  @Option(names = "--threads", paramLabel = "N", description = "Requests answered at once (default: twice the cores, at least 4).")
  Integer threads;

  @Option(names = "--exit-when-started", hidden = true, description = "Start, print the address, stop (for tests and scripts).")
  boolean exitWhenStarted;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    ServerConfig config = new ServerConfig(host, port, threads == null ? ServerConfig.defaultThreads() : threads, 256);
    InetAddress address;
    try {
      address = InetAddress.getByName(host);
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException("unknown host [" + host + "] for --host", e);
    }
    if (!address.isLoopbackAddress()) {
      err.println("notesearch: warning: --host " + host + " is not a loopback address: anyone who can reach this machine"
          + " on port " + port + " can read your notes (there is no login)");
      err.flush();
    }
    Path location = SearchCommand.indexToSearch(index, parent.env, parent.cwd, err);
    Shutdown shutdown = exitWhenStarted ? null : Shutdown.install();
    try (Searchers.Kept searchers = new Searchers.Kept();
        NoteServer server = start(config, searchers.open(location, UserConfig.files(parent.env), Synonyms.DEFAULT).searcher(), err);
        Daemon daemon = asDaemon(location, searchers, err)) {
      NoteSearcher searcher = searchers.open(location, UserConfig.files(parent.env), Synonyms.DEFAULT).searcher();
      IndexStats stats = searcher.stats();
      out.println("notesearch: serving " + IndexCommand.count(stats.notes(), "note") + " (" + IndexCommand.count(stats.sections(), "section") + ") from " + location
          + " at " + server.uri() + "  (Ctrl-C to stop)");
      out.flush();
      if (shutdown != null) {
        shutdown.await();
      }
    } finally {
      if (shutdown != null) {
        shutdown.closed();
      }
    }
    return ExitCodes.OK;
  }

  /** Ctrl-C (or kill) ends {@link #await}; the JVM then waits up to 2 s for {@link #closed}. */
  private record Shutdown(CountDownLatch stop, CountDownLatch done) {
    static Shutdown install() {
      Shutdown s = new Shutdown(new CountDownLatch(1), new CountDownLatch(1));
      Runtime.getRuntime().addShutdownHook(new Thread(() -> {
        s.stop().countDown();
        try {
          s.done().await(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }, "notesearch-serve-stop"));
      return s;
    }

    void await() {
      try {
        stop.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }

    void closed() {
      done.countDown();
    }
  }

  /**
   * While it runs, serve is also its index's daemon: the launcher's searches, {@code related},
   * {@code glossary} and {@code show} are answered by this warm JVM rather than a second one. A
   * daemon already running for the index is stopped first (it idles out anyway); null when the index
   * folder is not this user's to write, or the daemon is off ({@code NOTESEARCH_DAEMON=off}).
   */
  private Daemon asDaemon(Path location, Searchers searchers, PrintWriter err) {
    if (UserConfig.daemonOff(parent.env) || !java.nio.file.Files.isWritable(location)) {
      return null;
    }
    try {
      Daemon.Endpoint running = Daemon.Endpoint.read(location);
      if (running != null && running.alive()) {
        running.stop();
      }
      return Daemon.start(location, request -> DaemonCommand.runCommand(parent.env, request, searchers));
    } catch (IOException e) {
      err.println("notesearch: searches from the shell start their own JVM: cannot answer them here (" + e.getMessage() + ")");
      err.flush();
      return null;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    }
  }

  private static NoteServer start(ServerConfig config, NoteSearcher searcher, PrintWriter err) throws IOException {
    try {
      return NoteServer.start(config, searcher, line -> {
        synchronized (err) {
          err.println(line);
          err.flush();
        }
      });
    } catch (BindException e) {
      throw new IllegalArgumentException(
          "cannot listen on " + config.host() + ":" + config.port() + " (" + e.getMessage() + "); choose another --port", e);
    }
  }
}
