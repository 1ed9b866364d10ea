package io.notesearch.server;

import com.sun.net.httpserver.HttpServer;
import io.notesearch.indexer.NoteRenderer;
import io.notesearch.searcher.NoteSearcher;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The search page and its JSON API over HTTP, on the JDK's built-in server: {@code /} (page),
 * {@code /search}, {@code /notes/{path}}, {@code /health}, {@code /static/…}.
 *
 * <p>One {@link NoteSearcher} answers every request for the server's life (it follows new commits
 * by itself). Requests run on a fixed pool of named threads with a bounded queue; when the queue is
 * full, new connections are closed rather than piling up.
 *
 * <pre>{@code
 * try (NoteSearcher searcher = NoteSearcher.open(index);
 *     NoteServer server = NoteServer.start(ServerConfig.loopback(7700), searcher, System.err::println)) {
 *   System.out.println("open " + server.uri());
 *   Thread.currentThread().join();
 * }
 * }</pre>
 */
public final class NoteServer implements AutoCloseable {
  private final HttpServer http;
  private final ThreadPoolExecutor pool;
  private final URI uri;

  private NoteServer(HttpServer http, ThreadPoolExecutor pool, URI uri) {
    this.http = http;
    this.pool = pool;
    this.uri = uri;
  }

  /**
   * Binds and starts the server.
   *
   * @param config where to listen and how many requests to answer at once
   * @param searcher answers every search; not closed by the server
   * @param log where failures (500s) are reported, one line each
   * @throws IOException when the address cannot be bound (port in use, unknown host)
   */
  public static NoteServer start(ServerConfig config, NoteSearcher searcher, Consumer<String> log) throws IOException {
    InetAddress address = InetAddress.getByName(config.host());
    HttpServer http = HttpServer.create(new InetSocketAddress(address, config.port()), 0);
    ThreadPoolExecutor pool =
        new ThreadPoolExecutor(
            config.threads(), config.threads(), 30, TimeUnit.SECONDS,
            new ArrayBlockingQueue<>(config.queue()),
            Thread.ofPlatform().name("notesearch-http-", 1).daemon(true).factory(),
            new ThreadPoolExecutor.AbortPolicy());
    http.setExecutor(pool);
    int port = http.getAddress().getPort();
    Route.Context context = new Route.Context(log, address.isLoopbackAddress(), port);
    http.createContext("/", new StaticRoute(context));
    http.createContext("/search", new SearchRoute(context, searcher));
    http.createContext(NotePaths.PREFIX + "/", new NoteRoute(context, new NotePaths(searcher), new NoteRenderer(), searcher));
    http.createContext("/health", new HealthRoute(context, searcher));
    http.start();
    String host = address.getHostAddress().contains(":") ? "[" + address.getHostAddress() + "]" : address.getHostAddress();
    return new NoteServer(http, pool, URI.create("http://" + host + ":" + port + "/"));
  }

  /** The port listened on (the one picked when the config asked for 0). */
  public int port() {
    return uri.getPort();
  }

  /** The search page's address, e.g. {@code http://127.0.0.1:7700/}. */
  public URI uri() {
    return uri;
  }

  /** Stops listening, drops open connections and stops the threads. */
  @Override
  public void close() {
    http.stop(0);
    pool.shutdownNow();
    try {
      pool.awaitTermination(2, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
