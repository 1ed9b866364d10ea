package io.notesearch.server;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import io.notesearch.server.Json;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/** Writes responses: JSON, HTML pages and static files, with the headers every answer carries. */
final class Responses {
  /** The search page and its files: nothing but this server, ever. */
  static final String PAGE_POLICY =
      "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
          + "base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

  /**
   * Note pages: the note's own inline HTML is kept, so its scripts are blocked; its https images
   * load, as in a Markdown preview.
   */
  static final String NOTE_POLICY =
      "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: https:; "
          + "base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

  static final String JSON = "application/json; charset=utf-8";
  static final String HTML = "text/html; charset=utf-8";

  private Responses() {}

  static void json(HttpExchange ex, int status, String body) throws IOException {
    send(ex, status, JSON, body.getBytes(StandardCharsets.UTF_8), "no-store", null);
  }

  static void error(HttpExchange ex, int status, String message) throws IOException {
    if (ex.getResponseCode() != -1) {
      return; // the answer had started: nothing more can be said
    }
    json(ex, status, new Json().field("error", oneLine(message)).end());
  }

  static void html(HttpExchange ex, int status, String page, String policy) throws IOException {
    send(ex, status, HTML, page.getBytes(StandardCharsets.UTF_8), "no-store", policy);
  }

  static void send(HttpExchange ex, int status, String type, byte[] body, String cache, String policy)
      throws IOException {
    Headers h = ex.getResponseHeaders();
    h.set("Content-Type", type);
    h.set("Cache-Control", cache);
    h.set("X-Content-Type-Options", "nosniff");
    h.set("Referrer-Policy", "same-origin");
    if (policy != null) {
      h.set("Content-Security-Policy", policy);
    }
    boolean head = ex.getRequestMethod().equals("HEAD");
    ex.sendResponseHeaders(status, head || body.length == 0 ? -1 : body.length);
    if (!head && body.length > 0) {
      try (OutputStream out = ex.getResponseBody()) {
        out.write(body);
      }
    }
  }

  /** Messages are one line: the first line of a multi-line one, never a stack trace. */
  static String oneLine(String message) {
    if (message == null || message.isBlank()) {
      return "error";
    }
    String s = message.strip();
    int nl = s.indexOf('\n');
    return (nl < 0 ? s : s.substring(0, nl)).strip();
  }

  /** Text for HTML, escaped for both element content and attribute values. */
  static String escape(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;").replace("'", "&#39;");
  }
}
