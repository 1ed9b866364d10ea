package io.notesearch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
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
