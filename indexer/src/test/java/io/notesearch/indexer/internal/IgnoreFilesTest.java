package io.notesearch.indexer.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The walk leaves out what the folders' ignore files ignore, as git and ripgrep do: checked against
 * {@code git ls-files} itself on a work tree with nested {@code .gitignore} files, negation,
 * anchored, folder-only, {@code **} and class patterns.
 */
class IgnoreFilesTest {
  @TempDir Path tmp;

  private static final List<String> NOTES = List.of(
      "a.md", "b.draft.md", "keep.draft.md", "README.md", "2024-01-05 회고.md",
      "drafts/x.md", "drafts/keep.md", "drafts/deep/y.md",
      "docs/drafts/z.md", "docs/guide.md", "docs/build/out.md", "build/out.md", "src/build/out.md",
      "private/secret.md", "private/public/ok.md", "notes/private/p.md",
      "archive/2019/old.md", "archive/2024/new.md", "archive/keep/k.md",
      "logs/a1.md", "logs/ab.md", "logs/a9.md", "logs/sub/a2.md",
      "nested/local.md", "nested/skip-me.md", "nested/inner/skip-me.md", "nested/inner/keep-me.md",
      "nested/inner/back.md", "tmp/t.md", "x/tmp/t.md", "space name/note with space.md", "#hash.md", "!bang.md");

  private static final String ROOT_GITIGNORE = """
      # comments and blank lines

      *.draft.md
      !keep.draft.md
      /build/
      drafts/
      !docs/drafts/
      private/*
      !private/public/
      archive/**/old.md
      archive/2024
      logs/a[0-9].md
      **/tmp
      \\#hash.md
      \\!bang.md
      trailing.md   \n""";

  private static final String NESTED_GITIGNORE = """
      skip-me.md
      /local.md
      """;

  private static final String INNER_GITIGNORE = """
      !skip-me.md
      back.md
      """;

  @Test
  void theWalkAgreesWithGit() throws Exception {
    assumeTrue(gitWorks(), "git is not installed");
    Path root = tmp.resolve("repo");
    for (String n : NOTES) {
      write(root.resolve(n), "# " + n + "\n");
    }
    write(root.resolve(".gitignore"), ROOT_GITIGNORE);
    write(root.resolve("nested/.gitignore"), NESTED_GITIGNORE);
    write(root.resolve("nested/inner/.gitignore"), INNER_GITIGNORE);
    run(root, "git", "init", "-q");
    write(root.resolve(".git/info/exclude"), "logs/sub/\n");

    Set<String> git = new TreeSet<>();
    for (String line : run(root, "git", "-c", "core.quotepath=off", "ls-files", "--others", "--exclude-standard")) {
      if (line.endsWith(".md")) {
        git.add(line);
      }
    }
    assertEquals(walk(root, IgnoreFiles.read()), git);
    // The tree is not trivial: git ignores some of each kind.
    assertEquals(true, git.size() > 10 && git.size() < NOTES.size() - 10, "git kept " + git);
  }

  @Test
  void ignoreFilesOutsideGitAndTheirOrder() throws IOException {
    Path root = tmp.resolve("plain");
    for (String n : List.of("a.md", "b.md", "c.md", "sub/d.md", "sub/e.md")) {
      write(root.resolve(n), "# x\n");
    }
    // Not a git work tree: .gitignore is not read (as rg), .ignore and .notesearchignore are.
    write(root.resolve(".gitignore"), "a.md\n");
    write(root.resolve(".ignore"), "b.md\nc.md\nsub/\n");
    write(root.resolve(".notesearchignore"), "!c.md\n");
    assertEquals(Set.of("a.md", "c.md"), walk(root, IgnoreFiles.read()));
    assertEquals(Set.of("a.md", "b.md", "c.md", "sub/d.md", "sub/e.md"), walk(root, IgnoreFiles.NONE), "--no-ignore");
    // An ignore file above the indexed folder counts too.
    Path child = root.resolve("sub");
    write(root.resolve(".ignore"), "e.md\n");
    assertEquals(Set.of("d.md"), walk(child, IgnoreFiles.read()));
  }

  private static Set<String> walk(Path root, IgnoreFiles ignores) throws IOException {
    Set<String> out = new TreeSet<>();
    for (Path p : NoteFiles.walk(List.of(root), ignores).notes()) {
      out.add(root.toAbsolutePath().normalize().relativize(p).toString());
    }
    return out;
  }

  private static void write(Path file, String text) throws IOException {
    Files.createDirectories(file.getParent());
    Files.writeString(file, text, StandardCharsets.UTF_8);
  }

  private static boolean gitWorks() {
    try {
      return new ProcessBuilder("git", "--version").start().waitFor(10, TimeUnit.SECONDS);
    } catch (IOException | InterruptedException e) {
      return false;
    }
  }

  private static List<String> run(Path dir, String... command) throws IOException, InterruptedException {
    Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
    List<String> lines = new ArrayList<>();
    try (var r = p.inputReader(StandardCharsets.UTF_8)) {
      r.lines().forEach(lines::add);
    }
    assertEquals(0, p.waitFor(), String.join(" ", command) + ": " + lines);
    return lines;
  }
}
