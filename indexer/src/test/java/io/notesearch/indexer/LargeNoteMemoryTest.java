package io.notesearch.indexer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Memory stays bounded: a 50 MB note is read and parsed in a JVM capped at {@value #HEAP_MB} MB of
 * heap (about five times the file). Without parsing in pieces flexmark's syntax tree alone needs
 * over 300 MB for it. The slowest test of the module (about 10 s).
 */
class LargeNoteMemoryTest {
  private static final int NOTE_MB = 50;
  private static final int HEAP_MB = 256;

  @TempDir Path tmp;

  @Test
  void aFiftyMegabyteNoteParsesInAHeapFiveTimesItsSize() throws IOException, InterruptedException {
    String java = ProcessHandle.current().info().command().orElse("java");
    Process probe =
        new ProcessBuilder(
                List.of(java, "-Xmx" + HEAP_MB + "m", "-XX:+UseSerialGC", "-cp", classPath(),
                    LargeNoteProbe.class.getName(), tmp.resolve("large.md").toString(), Integer.toString(NOTE_MB)))
            .redirectErrorStream(true)
            .start();
    assertTrue(probe.waitFor(120, TimeUnit.SECONDS), "probe finished");
    String output = new String(probe.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(0, probe.exitValue(), output);
    assertTrue(output.contains("parsed " + NOTE_MB + " MB into "), output);
    // The figure the issue asks for, in the build log.
    System.err.println("LargeNoteMemoryTest: " + output.strip());
  }

  /**
   * Everything this test JVM loads classes from: surefire puts the module under test on the module
   * path, so the class path alone lacks it; the child runs it all from the class path.
   */
  private static String classPath() {
    String modules = System.getProperty("jdk.module.path", "");
    String classes = System.getProperty("java.class.path", "");
    return modules.isEmpty() ? classes : modules + java.io.File.pathSeparator + classes;
  }
}
