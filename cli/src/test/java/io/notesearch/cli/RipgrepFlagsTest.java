package io.notesearch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** -g, -s, -w, --sort modified, index --no-ignore and links, through the command line. */
class RipgrepFlagsTest {
  @TempDir Path tmp;

  @Test
  void flagsAndLinksFromTheCommandLine() throws IOException {
    Path notes = tmp.resolve("notes");
    write(notes.resolve(".notesearchignore"), "private/\n");
    write(notes.resolve("private/diary.md"), "# 일기\n\nEC2 비밀.\n");
    write(notes.resolve("aws/ec2.md"), "# EC2\n\nEC2 인스턴스. [[vpc]] 참고.\n");
    write(notes.resolve("aws/vpc.md"), "# VPC\n\nec2 서브넷.\n");
    write(notes.resolve("drafts/ec2.md"), "# 초안\n\nEC2 functions 초안.\n");
    String index = tmp.resolve("index").toString();
    assertEquals(0, CliRun.of("index", "--index", index, notes.toString()).code());
    assertEquals(3, files(index, "EC2").size(), "the ignored note is not indexed");
    assertEquals(List.of(notes.resolve("aws/ec2.md").toString(), notes.resolve("aws/vpc.md").toString()),
        files(index, "-g", "!drafts", "EC2").stream().sorted().toList());
    assertEquals(List.of(notes.resolve("aws/vpc.md").toString()), files(index, "-s", "ec2"));
    assertEquals(List.of(), files(index, "-w", "function"));
    assertEquals(1, files(index, "function").size());
    assertEquals(3, files(index, "--sort", "modified", "EC2").size());
    CliRun empty = CliRun.of("search", "--index", index, "-g", "", "EC2");
    assertEquals(2, empty.code(), empty.err());
    assertTrue(empty.err().startsWith("notesearch: ") && empty.err().lines().count() == 1, empty.err());

    CliRun links = CliRun.of("links", "--index", index, "--json", notes.resolve("aws/vpc.md").toString());
    assertEquals(0, links.code(), links.err());
    assertTrue(links.out().contains("\"direction\":\"backlink\",\"path\":\"" + notes.resolve("aws/ec2.md") + "\""), links.out());
    CliRun text = CliRun.of("links", "--index", index, "--color", "never", "vpc");
    assertTrue(text.out().startsWith(notes.resolve("aws/vpc.md") + "  VPC") && text.out().contains("backlinks:\n  "
        + notes.resolve("aws/ec2.md") + ":1  EC2"), text.out());
    // Two notes are named ec2: the name alone is refused, with their paths.
    CliRun twice = CliRun.of("links", "--index", index, "ec2");
    assertEquals(2, twice.code(), twice.err());
    assertTrue(twice.err().contains("names 2 notes"), twice.err());
    CliRun none = CliRun.of("links", "--index", index, "no-such-note");
    assertEquals(2, none.code(), none.err());

    assertEquals(0, CliRun.of("index", "--no-ignore", "--index", index, notes.toString()).code());
    assertEquals(4, files(index, "EC2").size(), "--no-ignore indexes the ignored note");
  }

  private static List<String> files(String index, String... args) {
    List<String> all = new java.util.ArrayList<>(List.of("search", "--index", index, "--files", "--json"));
    all.addAll(List.of(args));
    return CliRun.of(all.toArray(String[]::new)).out().lines()
        .map(l -> l.replaceAll("^\\{\"path\":\"(.*)\"\\}$", "$1")).toList();
  }

  private static void write(Path file, String text) throws IOException {
    Files.createDirectories(file.getParent());
    Files.writeString(file, text, StandardCharsets.UTF_8);
  }
}
