package io.notesearch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.notesearch.server.Daemon;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The daemon answers the launcher's protocol with exactly what the one-shot command prints. */
class DaemonTest {
  @TempDir Path tmp;

  @Test
  void daemonAnswersLikeTheCommandAndStopsOnRequest() throws Exception {
    String index = tmp.resolve("index").toString();
    assertEquals(0, CliRun.of("index", "--index", index, CliEndToEndTest.NOTES.toString()).code());
    AtomicInteger exit = new AtomicInteger(-1);
    Thread daemon = Thread.ofPlatform().start(() -> exit.set(CliRun.of(Map.of(), "daemon", "run", "--index", index).code()));
    Path file = Path.of(index, io.notesearch.core.schema.IndexFolder.DAEMON_PORT);
    for (int i = 0; i < 300 && !Files.exists(file); i++) {
      Thread.sleep(100);
    }
    assertTrue(Files.exists(file), "the daemon wrote its port file");
    assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
    Daemon.Endpoint e = Daemon.Endpoint.read(Path.of(index));

    String sep = String.valueOf(Daemon.SEPARATOR);
    String body = String.join(sep, tmp.toString(), "false", "1", "search", "--index", index, "-n", "3", "로드 밸런서") + sep;
    HttpClient client = HttpClient.newHttpClient();
    HttpResponse<byte[]> response = client.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + e.port() + "/cli")).header("X-Token", e.token())
            .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).timeout(Duration.ofSeconds(30)).build(),
        HttpResponse.BodyHandlers.ofByteArray());
    assertEquals(200, response.statusCode());
    assertEquals("0", response.headers().firstValue("X-Exit").orElseThrow());
    String text = new String(response.body(), StandardCharsets.UTF_8);
    int nul = text.indexOf('\0');
    String stdout = text.substring(nul + 1);
    CliRun direct = CliRun.of("search", "--index", index, "-n", "3", "로드 밸런서");
    assertEquals(direct.out(), stdout, "the same output as the one-shot command");

    HttpResponse<Void> forbidden = client.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + e.port() + "/cli")).header("X-Token", "wrong")
            .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.discarding());
    assertEquals(403, forbidden.statusCode());

    CliRun stop = CliRun.of("daemon", "stop", "--index", index);
    assertEquals(0, stop.code(), stop.err());
    daemon.join(15_000);
    assertFalse(daemon.isAlive());
    assertEquals(0, exit.get());
    assertFalse(Files.exists(file), "the port file is removed on exit");
  }
}
