package io.notesearch.server;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.notesearch.core.NoteIndexException;
import java.io.IOException;
import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;

/**
 * One path of the server: checks the method and the Host header, then answers; any failure becomes
 * a JSON error with its status (400 bad input, 404, 405, 500), in one line.
 */
abstract class Route implements HttpHandler {
  /** Host header values a loopback server answers, so a page elsewhere cannot rebind its name to us. */
  private static final Set<String> LOOPBACK_NAMES = Set.of("127.0.0.1", "localhost", "[::1]");

  private final Consumer<String> log;
  private final boolean loopback;
  private final int port;

  Route(Context context) {
    this.log = context.log();
    this.loopback = context.loopback();
    this.port = context.port();
  }

  /**
   * What every route needs.
   *
   * @param log where failures are reported, one line each
   * @param loopback whether the server listens on a loopback address only
   * @param port the port it listens on
   */
  record Context(Consumer<String> log, boolean loopback, int port) {}

  /** Answers a GET (or HEAD) request. */
  abstract void serve(HttpExchange ex) throws IOException, HttpError;

  @Override
  public final void handle(HttpExchange ex) throws IOException {
    try {
      checkHost(ex);
      String method = ex.getRequestMethod();
      if (!method.equals("GET") && !method.equals("HEAD")) {
        ex.getResponseHeaders().set("Allow", "GET, HEAD");
        throw new HttpError(405, "method [" + method + "] not allowed; use GET");
      }
      serve(ex);
    } catch (HttpError e) {
      Responses.error(ex, e.status(), e.getMessage());
    } catch (IllegalArgumentException e) {
      // Bad input, including QuerySyntaxException: its message names the problem.
      Responses.error(ex, 400, e.getMessage());
    } catch (NoteIndexException e) {
      log.accept("notesearch: " + Responses.oneLine(e.getMessage()));
      Responses.error(ex, 500, e.getMessage());
    } catch (IOException e) {
      // Mostly a client that went away mid-answer; if the answer had not started, say so.
      Responses.error(ex, 500, "I/O error: " + e.getMessage());
    } catch (RuntimeException e) {
      log.accept("notesearch: internal error on " + ex.getRequestURI().getRawPath() + " (" + e + "); please report it");
      Responses.error(ex, 500, "internal error (" + e + "); please report it");
    } finally {
      ex.close();
    }
  }

  private void checkHost(HttpExchange ex) throws HttpError {
    if (!loopback) {
      return;
    }
    String host = ex.getRequestHeaders().getFirst("Host");
    if (host == null) {
      return; // HTTP/1.0 clients (curl -0, load tools); browsers always send it
    }
    String name = host.toLowerCase(Locale.ROOT);
    String suffix = ":" + port;
    if (name.endsWith(suffix)) {
      name = name.substring(0, name.length() - suffix.length());
    }
    if (!LOOPBACK_NAMES.contains(name)) {
      throw new HttpError(403, "unexpected Host [" + host + "]; this server answers only to 127.0.0.1 and localhost");
    }
  }
}
