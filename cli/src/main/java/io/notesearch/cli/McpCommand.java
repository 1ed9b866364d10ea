package io.notesearch.cli;

import io.notesearch.mcp.NoteMcpServer;
import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code notesearch mcp}: the index served to an AI assistant (Claude Code, Cursor, VS Code…) over
 * the Model Context Protocol on standard input and output, until the assistant closes them. Without
 * an index of the user's own it does not fall back to the sample notes, which an assistant would
 * take for the user's: its tools say how to make one.
 */
@Command(
    name = "mcp",
    mixinStandardHelpOptions = true,
    description = "Serve the index to AI assistants over the Model Context Protocol on stdio: search_notes, read_section, related_sections.")
final class McpCommand implements Callable<Integer> {
  @ParentCommand Notesearch parent;

  @Option(names = "--index", paramLabel = "PATH", description = "Index folder (default: $NOTESEARCH_INDEX, else your data folder).")
  Path index;

  @Override
  public Integer call() throws InterruptedException {
    Path location = IndexLocation.resolve(index, parent.env, parent.cwd).path();
    IndexLocation.checkNotAFile(location);
    // The process's own descriptors: System.out may be wrapped by a test or a library, and nothing
    // but the protocol may reach file descriptor 1.
    NoteMcpServer.serve(location, UserConfig.files(parent.env), Version.version(),
        new FileInputStream(FileDescriptor.in), new FileOutputStream(FileDescriptor.out));
    return ExitCodes.OK;
  }
}
