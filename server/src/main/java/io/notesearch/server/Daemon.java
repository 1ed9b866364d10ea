package io.notesearch.server;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.notesearch.core.schema.IndexFolder;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The daemon's protocol: a process that keeps an index's searcher warm answers command lines sent to
 * a loopback port, so that a search costs a request instead of a JVM start.
 *
 * <p>The daemon writes {@link IndexFolder#DAEMON_PORT} into the index folder (port, secret, pid, {@link #PROTOCOL}; one
 * per line, readable by its user only). A client reads it and POSTs to {@code /cli} with the secret
 * in {@code X-Token}: the working folder, whether the output is a terminal, whether colour is off,
 * then the arguments, each field ended by {@link #SEPARATOR} (a newline after the last is
 * ignored). The answer is standard error, a NUL, standard output, with the exit code in {@code X-Exit}. {@code /stop} ends it. Requests run one at a
 * time; anything without the secret, or not a POST, gets 403.
 */
public final class Daemon implements AutoCloseable {
  /**
   * The protocol's version, the fourth line of {@link IndexFolder#DAEMON_PORT}: a launcher talks only
   * to a daemon of its own protocol, and stops any other (one left from before an upgrade).
   */
  public static final String PROTOCOL = "2";

  /** Ends each field of a request body: never typed in a command line. */
  public static final char SEPARATOR = '\u001f';

  /**
   * A command line sent to the daemon.
   *
   * @param cwd the client's working folder
   * @param tty whether the client's output is a terminal
   * @param noColor whether the client asked for no colour
   * @param args the command line's arguments
   */
  public record Request(Path cwd, boolean tty, boolean noColor, List<String> args) {
    /** Copies the arguments. */
    public Request {
      Objects.requireNonNull(cwd, "cwd");
      args = List.copyOf(args);
    }
  }

  /**
   * What a command line printed, and its exit code.
   *
   * @param exit the exit code
   * @param out standard output
   * @param err standard error
   */
  public record Answer(int exit, String out, String err) {}

  /** Runs a command line in the daemon's process. */
  @FunctionalInterface
  public interface Handler {
    /**
     * Runs a command line.
     *
     * @param request the command line
     * @return what it printed and its exit code
     */
    Answer run(Request request);
  }

  /**
   * Where a daemon listens, as written in {@link IndexFolder#DAEMON_PORT}.
   *
   * @param port the loopback port
   * @param token the secret every request carries
   * @param pid the daemon's process
   */
  public record Endpoint(int port, String token, long pid) {
    /**
     * Reads the endpoint file of an index folder.
     *
     * @param index the index folder
     * @return the endpoint, or null when there is none or it cannot be read
     * @throws IOException when the file exists but cannot be read
     */
    public static Endpoint read(Path index) throws IOException {
      Path file = new IndexFolder(index).file(IndexFolder.DAEMON_PORT);
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

    /**
     * {@return whether the daemon is still running: its process exists and its port takes a
     * connection} A killed daemon whose parent is gone stays a zombie until the system reaps it
     * (some containers' first process never does), and a zombie is a process that is alive to
     * {@link ProcessHandle}: the port tells.
     */
    public boolean alive() {
      if (!ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
        return false;
      }
      try (java.net.Socket socket = new java.net.Socket()) {
        socket.connect(new java.net.InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), port), 1000);
        return true;
      } catch (IOException e) {
        return false;
      }
    }

    /**
     * Asks the daemon to stop.
     *
     * @throws IOException when it cannot be reached
     * @throws InterruptedException when interrupted while waiting for it
     */
    public void stop() throws IOException, InterruptedException {
      HttpClient.newHttpClient().send(
          HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/stop")).header("X-Token", token)
              .POST(HttpRequest.BodyPublishers.noBody()).timeout(Duration.ofSeconds(5)).build(),
          HttpResponse.BodyHandlers.discarding());
    }

    private void write(Path index) throws IOException {
      IndexFolder folder = new IndexFolder(index);
      Path tmp = folder.file(IndexFolder.DAEMON_PORT + ".tmp");
      Files.deleteIfExists(tmp);
      Files.createFile(tmp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
      Files.writeString(tmp, port + "\n" + token + "\n" + pid + "\n" + PROTOCOL + "\n", StandardCharsets.UTF_8);
      Files.move(tmp, folder.file(IndexFolder.DAEMON_PORT), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** Removes the file if it is still this daemon's. */
    private void delete(Path index) {
      try {
        Endpoint e = read(index);
        if (e != null && e.token().equals(token)) {
          Files.deleteIfExists(new IndexFolder(index).file(IndexFolder.DAEMON_PORT));
        }
      } catch (IOException ignored) {
        // the index folder went away
      }
    }
  }

  private final Path index;
  private final HttpServer server;
  private final ExecutorService executor;
  private final Endpoint endpoint;
  private final CountDownLatch stopped = new CountDownLatch(1);
  private final AtomicLong lastRequest = new AtomicLong(System.nanoTime());
  private final AtomicLong requests = new AtomicLong();
  private final JarStamp jar = JarStamp.ofThisProcess();

  /** Set once an answer cannot be trusted: the jar was replaced, or a command failed past its handler. */
  private volatile boolean broken;

  /**
   * The jar this process runs from, and when the process started: a checkout's launcher rebuilds
   * the jar when the sources change (and touches it), a package upgrade replaces it.
   */
  private record JarStamp(Path file, java.time.Instant started) {
    static JarStamp ofThisProcess() {
      String classPath = System.getProperty("java.class.path", "");
      if (classPath.isEmpty() || classPath.contains(java.io.File.pathSeparator) || !classPath.endsWith(".jar")) {
        return new JarStamp(null, null); // not one jar (tests, an IDE): nothing to watch
      }
      java.time.Instant started = ProcessHandle.current().info().startInstant().orElse(java.time.Instant.now());
      return new JarStamp(Path.of(classPath).toAbsolutePath(), started);
    }

    /** {@return whether the jar changed since the process started} One stat. */
    boolean changed() {
      if (file == null) {
        return false;
      }
      try {
        return Files.getLastModifiedTime(file).toInstant().isAfter(started);
      } catch (IOException e) {
        return true;
      }
    }
  }

  private Daemon(Path index, HttpServer server, ExecutorService executor, Endpoint endpoint) {
    this.index = index;
    this.server = server;
    this.executor = executor;
    this.endpoint = endpoint;
  }

  /**
   * Starts answering command lines for an index, and writes its endpoint file there.
   *
   * @param index the index folder
   * @param handler runs each command line
   * @return the daemon; {@link #awaitStop} until it is asked to stop or idles out
   * @throws IOException when it cannot listen or write its file
   */
  public static Daemon start(Path index, Handler handler) throws IOException {
    byte[] secret = new byte[16];
    new SecureRandom().nextBytes(secret);
    String token = HexFormat.of().formatHex(secret);
    HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
    ExecutorService executor = Executors.newSingleThreadExecutor(r -> new Thread(r, "notesearch-daemon"));
    Endpoint endpoint = new Endpoint(server.getAddress().getPort(), token, ProcessHandle.current().pid());
    Daemon daemon = new Daemon(index, server, executor, endpoint);
    server.createContext("/cli", exchange -> {
      daemon.lastRequest.set(System.nanoTime());
      if (!authorised(exchange, token)) {
        return;
      }
      daemon.requests.incrementAndGet();
      if (daemon.broken || daemon.jar.changed()) {
        // Rebuilt or upgraded under this process (the classes it has not loaded yet are gone), or
        // failed past a command's handler: the client runs the command itself. A daemon stops, and
        // the next search starts one of the new build; serve keeps its page and answers no more.
        daemon.broken = true;
        send(exchange, 503, new byte[0], Map.of());
        daemon.stopped.countDown();
        return;
      }
      try {
        respond(exchange, handler);
      } catch (IOException e) {
        throw e;
      } catch (Throwable t) {
        // An error no command handles (out of memory, a class that cannot load): the client gets an
        // answer and runs the command itself, rather than waiting on a process that may be broken.
        System.err.println("notesearch: answering no more command lines after " + t);
        daemon.broken = true;
        daemon.stopped.countDown();
        send(exchange, 500, new byte[0], Map.of());
      }
    });
    server.createContext("/stop", exchange -> {
      if (authorised(exchange, token)) {
        send(exchange, 200, new byte[0], Map.of());
        daemon.stopped.countDown();
      }
    });
    server.setExecutor(executor);
    server.start();
    try {
      endpoint.write(index);
    } catch (IOException | RuntimeException e) {
      daemon.close();
      throw e;
    }
    return daemon;
  }

  /**
   * Runs a step on the thread that answers clients, again and again while no client has sent a
   * command line and the step asks for more: work that must not run beside an answer (warming the
   * JIT up on the same searchers) and gives way to the first client, who waits one step at most.
   *
   * @param step one step; true to run another
   */
  public void whileIdle(java.util.function.BooleanSupplier step) {
    Runnable run = new Runnable() {
      @Override
      public void run() {
        if (requests.get() == 0 && !broken && step.getAsBoolean()) {
          submit(this);
        }
      }
    };
    submit(run);
  }

  private void submit(Runnable step) {
    try {
      executor.execute(step);
    } catch (java.util.concurrent.RejectedExecutionException e) {
      // closed: nothing more to warm
    }
  }

  /** {@return where this daemon listens} */
  public Endpoint endpoint() {
    return endpoint;
  }

  /**
   * Waits until the daemon is asked to stop, goes {@code idle} without a request, its index folder
   * goes away or its jar is replaced.
   *
   * @param idle how long without a request ends it
   * @throws InterruptedException when interrupted
   */
  public void awaitStop(Duration idle) throws InterruptedException {
    while (!stopped.await(5, TimeUnit.SECONDS)) {
      if (System.nanoTime() - lastRequest.get() > idle.toNanos() || !Files.isDirectory(index) || jar.changed()) {
        return;
      }
    }
  }

  /** Stops listening and removes the endpoint file (if it is still this daemon's). */
  @Override
  public void close() {
    server.stop(0);
    executor.shutdown();
    endpoint.delete(index);
  }

  private static boolean authorised(HttpExchange exchange, String token) throws IOException {
    if (!"POST".equals(exchange.getRequestMethod()) || !token.equals(exchange.getRequestHeaders().getFirst("X-Token"))) {
      send(exchange, 403, new byte[0], Map.of());
      return false;
    }
    return true;
  }

  private static void respond(HttpExchange exchange, Handler handler) throws IOException {
    String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    if (body.endsWith("\n")) {
      body = body.substring(0, body.length() - 1); // the launcher's here-string ends with one
    }
    List<String> fields = Arrays.asList(body.split(String.valueOf(SEPARATOR), -1));
    if (fields.size() < 3) {
      send(exchange, 400, new byte[0], Map.of());
      return;
    }
    if (fields.getLast().isEmpty()) {
      fields = fields.subList(0, fields.size() - 1); // the client ends every field with the separator
    }
    Answer answer = handler.run(new Request(Path.of(fields.get(0)), fields.get(1).equals("true"), fields.get(2).equals("1"),
        fields.subList(3, fields.size())));
    byte[] errBytes = answer.err().getBytes(StandardCharsets.UTF_8);
    byte[] outBytes = answer.out().getBytes(StandardCharsets.UTF_8);
    byte[] response = new byte[errBytes.length + 1 + outBytes.length];
    System.arraycopy(errBytes, 0, response, 0, errBytes.length);
    System.arraycopy(outBytes, 0, response, errBytes.length + 1, outBytes.length);
    send(exchange, 200, response, Map.of("X-Exit", Integer.toString(answer.exit())));
  }

  private static void send(HttpExchange exchange, int status, byte[] body, Map<String, String> headers) throws IOException {
    headers.forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
    exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
    try (OutputStream os = exchange.getResponseBody()) {
      os.write(body);
    }
  }
}
