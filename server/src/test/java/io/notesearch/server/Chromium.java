package io.notesearch.server;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Headless Chromium from the command line: the DOM of a page once its scripts have run, or a
 * screenshot. Virtual time runs the page's timers (the 150 ms debounce) without waiting for them,
 * and pauses while its fetches are pending.
 */
final class Chromium {
  /** Debian's chromium package; {@code .ci/run} installs it. */
  static final Path BINARY = Path.of("/usr/bin/chromium");

  private final Path profiles;
  private int runs;

  /** @param profiles a folder for the throwaway profile of each run */
  Chromium(Path profiles) {
    this.profiles = profiles;
  }

  static boolean installed() {
    return Files.isExecutable(BINARY);
  }

  /** The serialized DOM of a page after load and 5 s of virtual time. */
  String dumpDom(String url) throws IOException, InterruptedException {
    return run(List.of("--dump-dom", url));
  }

  /** A PNG of the page's viewport after load and 5 s of virtual time. */
  void screenshot(String url, Path png, int width, int height) throws IOException, InterruptedException {
    Files.createDirectories(png.getParent());
    run(List.of("--hide-scrollbars", "--window-size=" + width + "," + height, "--screenshot=" + png.toAbsolutePath(), url));
  }

  private String run(List<String> args) throws IOException, InterruptedException {
    Path profile = Files.createDirectories(profiles.resolve("profile-" + (++runs)));
    List<String> command = new ArrayList<>(List.of(
        BINARY.toString(), "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
        "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
        "--user-data-dir=" + profile, "--virtual-time-budget=5000"));
    command.addAll(args);
    Path stderr = profile.resolve("chromium.log");
    Process p = new ProcessBuilder(command).redirectError(stderr.toFile()).start();
    byte[] out = p.getInputStream().readAllBytes();
    if (!p.waitFor(90, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new IOException("chromium did not finish in 90 s: " + command);
    }
    if (p.exitValue() != 0) {
      throw new IOException("chromium exited " + p.exitValue() + ": " + Files.readString(stderr, StandardCharsets.UTF_8));
    }
    return new String(out, StandardCharsets.UTF_8);
  }
}
