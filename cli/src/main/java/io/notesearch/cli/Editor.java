package io.notesearch.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** Opens a file in the user's editor at a line: {@code $VISUAL}, else {@code $EDITOR}, else vi. */
final class Editor {
  private Editor() {}

  /** The command line that opens {@code file} at {@code line}, by the {@code +line} convention. */
  static List<String> command(Path file, int line, Map<String, String> env) {
    String editor = env.getOrDefault("VISUAL", "");
    if (editor.isBlank()) {
      editor = env.getOrDefault("EDITOR", "");
    }
    if (editor.isBlank()) {
      editor = "vi";
    }
    List<String> cmd = new ArrayList<>(Arrays.asList(editor.strip().split("\\s+")));
    String name = Path.of(cmd.getFirst()).getFileName().toString();
    if (name.equals("code") || name.equals("code-insiders")) {
      cmd.add("--goto");
      cmd.add(file + ":" + line); // VS Code has no +line; it takes path:line with --goto
    } else {
      cmd.add("+" + line);
      cmd.add(file.toString());
    }
    return cmd;
  }

  /** Runs the editor attached to this terminal and returns its exit status mapped to ours. */
  static int open(Path file, int line, Map<String, String> env, PrintWriter err) {
    List<String> cmd = command(file, line, env);
    try {
      int status = new ProcessBuilder(cmd).inheritIO().start().waitFor();
      return status == 0 ? ExitCodes.OK : ExitCodes.USAGE;
    } catch (IOException e) {
      err.println("notesearch: cannot start the editor [" + String.join(" ", cmd) + "] (" + e.getMessage() + "); set $EDITOR");
      err.flush();
      return ExitCodes.USAGE;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return ExitCodes.USAGE;
    }
  }
}
