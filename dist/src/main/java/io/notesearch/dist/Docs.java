package io.notesearch.dist;

import io.notesearch.cli.Main;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.asciidoctor.Asciidoctor;
import org.asciidoctor.Options;
import org.asciidoctor.SafeMode;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.codegen.docgen.manpage.ManPageGenerator;

/**
 * Writes what the release archive documents the command with, from the command line's own model, so
 * neither can fall behind the options this build accepts: the man pages (picocli's generator writes
 * AsciiDoc, Asciidoctor's manpage backend turns it into troff) and the bash completion script
 * (picocli's AutoComplete), which zsh loads through its bash compatibility.
 */
public final class Docs {
  private Docs() {}

  /**
   * @param args a work folder for the AsciiDoc pages, the folder for the troff pages
   *     ({@code notesearch.1}, {@code notesearch-search.1}, …) and the bash completion script's file
   * @throws IOException when one cannot be written
   */
  public static void main(String[] args) throws IOException {
    if (args.length != 3) {
      throw new IllegalArgumentException("usage: Docs ADOC_DIR MAN_DIR COMPLETION_FILE");
    }
    CommandLine cmd = Main.commandLine();
    Path man = Files.createDirectories(Path.of(args[0]));
    int code = ManPageGenerator.generateManPage(man.toFile(), null, new boolean[0], true, cmd.getCommandSpec());
    if (code != 0) {
      throw new IOException("picocli's man page generator exited " + code);
    }
    // The generator writes one page per command and per help subcommand; `help` has nothing to add.
    Files.deleteIfExists(man.resolve("notesearch-help.adoc"));
    Path troff = Files.createDirectories(Path.of(args[1]));
    List<Path> pages;
    try (Stream<Path> s = Files.list(man)) {
      pages = s.filter(p -> p.toString().endsWith(".adoc")).sorted().toList();
    }
    try (Asciidoctor asciidoctor = Asciidoctor.Factory.create()) {
      for (Path page : pages) {
        asciidoctor.convertFile(page.toFile(),
            Options.builder().backend("manpage").toDir(troff.toFile()).mkDirs(true).safe(SafeMode.UNSAFE).build());
      }
    }
    Path completion = Path.of(args[2]);
    Files.createDirectories(completion.toAbsolutePath().getParent());
    Files.writeString(completion, AutoComplete.bash("notesearch", cmd), StandardCharsets.UTF_8);
    System.out.println("docs: " + pages.size() + " man pages in " + troff + ", bash completion in " + completion
        + " (" + new File(args[2]).length() + " bytes)");
  }
}
