package io.notesearch.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.HashMap;
import java.util.Map;

/**
 * Runs the real {@code notesearch} command line in this JVM and captures what it prints.
 *
 * @param code exit code
 * @param out standard output
 * @param err standard error
 */
record CliRun(int code, String out, String err) {
  static CliRun of(Map<String, String> env, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    Map<String, String> environment = new HashMap<>(env);
    int code = Notesearch.run(args, new PrintWriter(out), new PrintWriter(err), environment);
    return new CliRun(code, out.toString(), err.toString());
  }

  static CliRun of(String... args) {
    return of(Map.of("NO_COLOR", "1"), args);
  }
}
