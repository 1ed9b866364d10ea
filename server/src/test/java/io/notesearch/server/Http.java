package io.notesearch.server;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * A test client for the HTTP server on 127.0.0.1.
 *
 * @param status the status code
 * @param headers the response headers
 * @param body the body as UTF-8 text
 */
record Http(int status, java.net.http.HttpHeaders headers, String body) {
  private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  /** GETs a path (with its query string, already encoded) from the server at port. */
  static Http get(int port, String pathAndQuery) throws IOException, InterruptedException {
    return send(port, "GET", pathAndQuery);
  }

  static Http send(int port, String method, String pathAndQuery) throws IOException, InterruptedException {
    HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + pathAndQuery))
        .method(method, HttpRequest.BodyPublishers.noBody())
        .timeout(Duration.ofSeconds(30))
        .build();
    HttpResponse<String> r = CLIENT.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    return new Http(r.statusCode(), r.headers(), r.body());
  }

  /** Sends a request line and headers as written (HttpClient refuses a forged Host header); returns the raw answer. */
  static String raw(int port, String requestHead) throws IOException {
    try (Socket socket = new Socket("127.0.0.1", port)) {
      socket.setSoTimeout(10_000);
      OutputStream out = socket.getOutputStream();
      out.write(requestHead.getBytes(StandardCharsets.UTF_8));
      out.flush();
      InputStream in = socket.getInputStream();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  /** The value of a header, or null. */
  String header(String name) {
    return headers.firstValue(name).orElse(null);
  }
}
