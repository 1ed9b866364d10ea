package io.notesearch.server;

/**
 * Where and how the HTTP server listens.
 *
 * @param host the address to bind; loopback unless the user asks otherwise
 * @param port the port; 0 picks a free one
 * @param threads requests answered at once (searches are CPU-bound, so about the core count)
 * @param queue requests waiting for a thread beyond which connections are refused
 */
public record ServerConfig(String host, int port, int threads, int queue) {
  /** The address bound unless asked otherwise: this machine only. */
  public static final String DEFAULT_HOST = "127.0.0.1";

  /** The port unless asked otherwise. */
  public static final int DEFAULT_PORT = 7700;

  /** Validates. */
  public ServerConfig {
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("port must be 0..65535, got [" + port + "]");
    }
    if (threads < 1 || threads > 256) {
      throw new IllegalArgumentException("threads must be 1..256, got [" + threads + "]");
    }
    if (queue < 1) {
      throw new IllegalArgumentException("queue must be >= 1, got [" + queue + "]");
    }
  }

  /** A loopback server on a port with a pool sized to this machine. */
  public static ServerConfig loopback(int port) {
    return new ServerConfig(DEFAULT_HOST, port, defaultThreads(), 256);
  }

  /** Twice the cores, at least 4: searches wait on little I/O, and a slow client must not stall the rest. */
  public static int defaultThreads() {
    return Math.max(4, 2 * Runtime.getRuntime().availableProcessors());
  }
}
