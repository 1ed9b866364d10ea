package io.notesearch.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.notesearch.core.schema.IndexFolder;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The daemon's side of the protocol, with handlers of the test's own: no command line runs here. */
class DaemonProtocolTest {
  @TempDir Path index;

  private final HttpClient client = HttpClient.newHttpClient();

  @Test
  void theEndpointFileNamesTheProtocolAndATrailingNewlineIsNoArgument() throws Exception {
    try (Daemon daemon = Daemon.start(index, r -> new Daemon.Answer(0, String.join("|", r.args()), ""))) {
      List<String> lines = Files.readAllLines(new IndexFolder(index).file(IndexFolder.DAEMON_PORT));
      assertEquals(Daemon.PROTOCOL, lines.get(3));
      // As the launcher sends it: each field ended by the separator, and its here-string's newline.
      HttpResponse<String> answer = post(daemon, "/tmp\u001ffalse\u001f0\u001fsearch\u001f람다\u001f\n");
      assertEquals(200, answer.statusCode());
      assertEquals("\0search|람다", answer.body());
    }
  }

  @Test
  void aFailurePastTheHandlerIsAnsweredAndEndsTheDaemon() throws Exception {
    try (Daemon daemon = Daemon.start(index, r -> {
      throw new StackOverflowError("a command that no handler catches");
    })) {
      assertEquals(500, post(daemon, "/tmp\u001ffalse\u001f0\u001fsearch\u001f").statusCode());
      // Answered: the client runs the command itself. The daemon stops, and answers no more.
      long started = System.nanoTime();
      daemon.awaitStop(Duration.ofMinutes(1));
      assertTrue(System.nanoTime() - started < Duration.ofSeconds(10).toNanos(), "the daemon did not stop");
      assertEquals(503, post(daemon, "/tmp\u001ffalse\u001f0\u001fsearch\u001f").statusCode());
    }
  }

  @Test
  void idleWorkGivesWayToTheFirstClient() throws Exception {
    AtomicInteger steps = new AtomicInteger();
    try (Daemon daemon = Daemon.start(index, r -> new Daemon.Answer(0, "steps " + steps.get(), ""))) {
      daemon.whileIdle(() -> {
        steps.incrementAndGet();
        sleep(5);
        return true;
      });
      for (int i = 0; i < 200 && steps.get() < 3; i++) {
        sleep(10);
      }
      assertTrue(steps.get() >= 3, "idle steps ran: " + steps.get());
      assertEquals(200, post(daemon, "/tmp\u001ffalse\u001f0\u001fsearch\u001f").statusCode());
      int after = steps.get();
      sleep(100);
      assertTrue(steps.get() <= after + 1, "steps went on after a client asked: " + after + " then " + steps.get());
    }
  }

  private HttpResponse<String> post(Daemon daemon, String body) throws IOException, InterruptedException {
    return client.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + daemon.endpoint().port() + "/cli"))
            .header("X-Token", daemon.endpoint().token())
            .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).timeout(Duration.ofSeconds(30)).build(),
        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
