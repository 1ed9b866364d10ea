package io.notesearch.cli;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
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
 * <p>It listens on a loopback port and writes {@link #FILE} (port, secret, pid; readable by the
 * user only) into the index folder. The launcher script sends a {@code search} there when the file
 * exists and the daemon answers; otherwise it searches in-process. Requests carry the secret, run
 * one at a time, and the daemon exits after {@code --idle-minutes} without one.
 */
@Command(
    name = "daemon",
    mixinStandardHelpOptions = true,
    description = {
      "Keep an index's searcher warm for fast searches: `notesearch daemon start` (launcher),",
      "`run` (in the foreground), `stop`, `status`."
    })
final class DaemonCommand implements java.util.concurrent.Callable<Integer> {
  /** The file in the index folder that tells clients where the daemon listens. */
  static final String FILE = "daemon.port";

  /** Separates the fields of a request body: never typed in a command line. */
  static final char SEPARATOR = '\u001f';

  @ParentCommand Notesearch parent;
  @Spec CommandSpec spec;

  @Parameters(paramLabel = "ACTION", defaultValue = "run", description = "run, stop or status (default: ${DEFAULT-VALUE}).")
  String action;

  @Option(names = "--index", paramLabel = "PATH", description = "Index folder (default: $NOTESEARCH_INDEX, else your data folder).")
  Path index;

  @Option(names = "--idle-minutes", paramLabel = "N", defaultValue = "60", description = "Exit after N minutes without a request (default: ${DEFAULT-VALUE}).")
  long idleMinutes;

  @Override
  public Integer call() throws Exception {
    Path location = IndexLocation.resolve(index, parent.env, parent.cwd).path();
    return switch (action) {
      case "run" -> run(location);
      case "stop" -> stop(location);
      case "status" -> status(location);
      default -> throw new IllegalArgumentException("unknown daemon action [" + action + "]; use run, stop or status");
    };
  }

  private int status(Path location) throws IOException, InterruptedException {
    PrintWriter out = spec.commandLine().getOut();
    Endpoint e = Endpoint.read(location);
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
    Endpoint e = Endpoint.read(location);
    if (e == null || !e.alive()) {
      spec.commandLine().getOut().println("no daemon for " + location);
      spec.commandLine().getOut().flush();
      return ExitCodes.NO_HITS;
    }
    HttpClient.newHttpClient().send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + e.port() + "/stop")).header("X-Token", e.token())
            .POST(HttpRequest.BodyPublishers.noBody()).timeout(Duration.ofSeconds(5)).build(),
        HttpResponse.BodyHandlers.discarding());
    spec.commandLine().getOut().println("stopped daemon pid " + e.pid());
    spec.commandLine().getOut().flush();
    return ExitCodes.OK;
  }

  private int run(Path location) throws IOException, InterruptedException {
    if (!Files.isDirectory(location)) {
      throw new io.notesearch.searcher.NoteIndexException("no index at [" + location + "]: run `notesearch index DIR` first", null);
    }
    Endpoint existing = Endpoint.read(location);
    if (existing != null && existing.alive()) {
      throw new IllegalArgumentException("a daemon already serves [" + location + "] (pid " + existing.pid() + ")");
    }
    byte[] secret = new byte[16];
    new SecureRandom().nextBytes(secret);
    String token = HexFormat.of().formatHex(secret);
    HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
    CountDownLatch done = new CountDownLatch(1);
    AtomicLong lastRequest = new AtomicLong(System.nanoTime());
    try (Searchers.Kept searchers = new Searchers.Kept()) {
      // Warm up: Nori, the synonym map and the index, before the first client waits for them.
      searchers.open(location, UserConfig.files(parent.env), io.notesearch.searcher.Synonyms.DEFAULT)
          .searcher().search(io.notesearch.searcher.SearchRequest.of("warm up EC2 람다"));
      server.createContext("/cli", exchange -> {
        lastRequest.set(System.nanoTime());
        if (!authorised(exchange, token)) {
          return;
        }
        respondCli(exchange, searchers);
      });
      server.createContext("/stop", exchange -> {
        if (authorised(exchange, token)) {
          send(exchange, 200, new byte[0], Map.of());
          done.countDown();
        }
      });
      server.setExecutor(Executors.newSingleThreadExecutor(r -> new Thread(r, "notesearch-daemon")));
      server.start();
      Endpoint.write(location, new Endpoint(server.getAddress().getPort(), token, ProcessHandle.current().pid()));
      spec.commandLine().getErr().println("notesearch: daemon pid " + ProcessHandle.current().pid() + " serving "
          + location + " on 127.0.0.1:" + server.getAddress().getPort());
      spec.commandLine().getErr().flush();
      while (!done.await(5, java.util.concurrent.TimeUnit.SECONDS)) {
        boolean idle = System.nanoTime() - lastRequest.get() > Duration.ofMinutes(idleMinutes).toNanos();
        if (idle || !Files.isDirectory(location)) {
          break;
        }
      }
    } finally {
      server.stop(0);
      Endpoint.delete(location, token);
    }
    return ExitCodes.OK;
  }

  private static boolean authorised(HttpExchange exchange, String token) throws IOException {
    if (!"POST".equals(exchange.getRequestMethod()) || !token.equals(exchange.getRequestHeaders().getFirst("X-Token"))) {
      send(exchange, 403, new byte[0], Map.of());
      return false;
    }
    return true;
  }

  /**
   * Body: cwd, tty, NO_COLOR, then the arguments, separated by {@link #SEPARATOR}. Answer: stderr, a
   * NUL, stdout; the exit code in {@code X-Exit}.
   */
  private void respondCli(HttpExchange exchange, Searchers searchers) throws IOException {
    String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    List<String> fields = Arrays.asList(body.split(String.valueOf(SEPARATOR), -1));
    if (fields.size() < 3) {
      send(exchange, 400, new byte[0], Map.of());
      return;
    }
    if (!fields.isEmpty() && fields.getLast().isEmpty()) {
      fields = fields.subList(0, fields.size() - 1); // the client ends every field with the separator
    }
    Map<String, String> env = new HashMap<>(parent.env);
    env.remove("NO_COLOR");
    env.remove(IndexLocation.ENV);
    if (fields.get(2).equals("1")) {
      env.put("NO_COLOR", "1");
    }
    String[] args = fields.subList(3, fields.size()).toArray(String[]::new);
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    Notesearch context = new Notesearch(env, Path.of(fields.get(0)), fields.get(1).equals("true"), searchers);
    int code = Notesearch.run(args, new PrintWriter(out), new PrintWriter(err), context);
    byte[] errBytes = err.toString().getBytes(StandardCharsets.UTF_8);
    byte[] outBytes = out.toString().getBytes(StandardCharsets.UTF_8);
    byte[] response = new byte[errBytes.length + 1 + outBytes.length];
    System.arraycopy(errBytes, 0, response, 0, errBytes.length);
    System.arraycopy(outBytes, 0, response, errBytes.length + 1, outBytes.length);
    send(exchange, 200, response, Map.of("X-Exit", Integer.toString(code)));
  }

  private static void send(HttpExchange exchange, int status, byte[] body, Map<String, String> headers) throws IOException {
    headers.forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
    exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
    try (OutputStream os = exchange.getResponseBody()) {
      os.write(body);
    }
  }

  /** Where a daemon listens, as written in {@link #FILE}: port, secret, pid, one per line. */
  record Endpoint(int port, String token, long pid) {
    static Endpoint read(Path index) throws IOException {
      Path file = index.resolve(FILE);
      if (!Files.isRegularFile(file)) {
        return null;
      }
      List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
      try {
        return new Endpoint(Integer.parseInt(lines.get(0).strip()), lines.get(1).strip(), Long.parseLong(lines.get(2).strip()));
      } catch (RuntimeException e) {
        return null;
      }
    }

    boolean alive() {
      return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }

    static void write(Path index, Endpoint e) throws IOException {
      Path tmp = index.resolve(FILE + ".tmp");
      Files.deleteIfExists(tmp);
      Files.createFile(tmp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
      Files.writeString(tmp, e.port() + "\n" + e.token() + "\n" + e.pid() + "\n", StandardCharsets.UTF_8);
      Files.move(tmp, index.resolve(FILE), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** Removes the file if it is still this daemon's. */
    static void delete(Path index, String token) {
      try {
        Endpoint e = read(index);
        if (e != null && e.token().equals(token)) {
          Files.deleteIfExists(index.resolve(FILE));
        }
      } catch (IOException ignored) {
        // the index folder went away
      }
    }
  }
}
