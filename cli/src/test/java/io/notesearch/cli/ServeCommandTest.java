package io.notesearch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.notesearch.searcher.NoteSearcher;
import io.notesearch.server.NoteServer;
import io.notesearch.server.ServerConfig;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code notesearch serve}: what it prints when it starts, warns about, and refuses. */
class ServeCommandTest {
  private static CliRun serve(String... args) {
    String[] all = new String[args.length + 4];
    all[0] = "serve";
    all[1] = "--index";
    all[2] = CorpusIndex.get().toString();
    all[3] = "--exit-when-started";
    System.arraycopy(args, 0, all, 4, args.length);
    return CliRun.of(all);
  }

  @Test
  void theServerAnswersTheSameHitObjectsAsSearchJson(@TempDir Path config) throws Exception {
    String body;
    try (NoteSearcher searcher = NoteSearcher.open(CorpusIndex.get());
        NoteServer server = NoteServer.start(ServerConfig.loopback(0), searcher, line -> { })) {
      HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
          + server.port() + "/search?q=" + URLEncoder.encode("람다", StandardCharsets.UTF_8) + "&n=3")).build(),
          HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      assertEquals(200, r.statusCode(), r.body());
      body = r.body();
    }
    CliRun cli = CliRun.of(Map.of("NO_COLOR", "1", "XDG_CONFIG_HOME", config.toString()),
        "search", "--index", CorpusIndex.get().toString(), "--json", "-n", "3", "람다");
    assertEquals(0, cli.code(), cli.err());
    String hits = "[" + String.join(",", cli.out().lines().toList()) + "]";
    assertTrue(body.startsWith("{\"hits\":" + hits + ",\"total\":"), "same objects as search --json:\n" + body + "\n" + hits);
  }

  @Test
  void startsOnLoopbackAndSaysWhere() {
    CliRun run = serve("--port", "0");
    assertEquals(0, run.code(), run.err());
    assertTrue(run.out().matches("notesearch: serving \\d+ notes \\(\\d+ sections\\) from .+ at http://127\\.0\\.0\\.1:\\d+/  \\(Ctrl-C to stop\\)\n"), run.out());
    assertEquals("", run.err());
  }

  @Test
  void aHostOtherThanLoopbackIsWarnedAbout() throws IOException {
    String lan = InetAddress.getByName("0.0.0.0").getHostAddress();
    CliRun run = serve("--port", "0", "--host", lan);
    assertEquals(0, run.code(), run.err());
    assertTrue(run.err().startsWith("notesearch: warning: --host 0.0.0.0 is not a loopback address: anyone who can reach this machine"), run.err());
    assertEquals(1, run.err().lines().count(), run.err());
  }

  @Test
  void aPortInUseOrOutOfRangeIsOneLineAndExit2() throws IOException {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      CliRun run = serve("--port", Integer.toString(taken.getLocalPort()));
      assertEquals(ExitCodes.USAGE, run.code());
      assertTrue(run.err().startsWith("notesearch: cannot listen on 127.0.0.1:" + taken.getLocalPort()), run.err());
      assertEquals(1, run.err().lines().count(), run.err());
    }
    CliRun range = serve("--port", "70000");
    assertEquals(ExitCodes.USAGE, range.code());
    assertEquals("notesearch: port must be 0..65535, got [70000]\n", range.err());
    CliRun host = serve("--port", "0", "--host", "no-such-host.invalid");
    assertEquals(ExitCodes.USAGE, host.code());
    assertTrue(host.err().startsWith("notesearch: unknown host [no-such-host.invalid]"), host.err());
  }

  @Test
  void aMissingIndexIsExit3(@TempDir Path tmp) {
    CliRun run = CliRun.of("serve", "--index", tmp.resolve("none").toString(), "--port", "0", "--exit-when-started");
    assertEquals(ExitCodes.INDEX, run.code());
    assertTrue(run.err().startsWith("notesearch: no index at ["), run.err());
  }
}
