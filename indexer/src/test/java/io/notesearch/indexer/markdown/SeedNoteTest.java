package io.notesearch.indexer.markdown;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The note notesearch grew from (kept in the workplace's shared/seed, beside the checkout; not part
 * of this repository): one section per AWS service it lists, nested the way it nests them, and one
 * for its "Module 2" part.
 */
class SeedNoteTest {
  private static final Path SEED = Path.of(System.getProperty("notesearch.seed", "../../shared/seed"));

  @Test
  void seedNoteHasASectionPerServiceAndOneForModule2() throws IOException {
    assumeTrue(Files.isDirectory(SEED), "shared/seed is beside the checkout");
    Path note;
    try (Stream<Path> files = Files.list(SEED)) {
      note = files.filter(p -> p.toString().endsWith(".md")).findFirst().orElse(null);
    }
    assumeTrue(note != null, "a seed note");
    Note parsed = new NoteParser().parse(Files.readString(note, StandardCharsets.UTF_8), note);
    List<String> paths = parsed.sections().stream().map(s -> String.join(" › ", s.headings())).toList();
    for (String service : List.of("AWS Lambda", "Amazon EC2", "Amazon S3", "Elastic Load Balancing",
        "Elastic Container Service", "Database Service", "RDS", "DynamoDB", "ElastiCache", "IAM")) {
      assertTrue(paths.stream().anyMatch(p -> p.startsWith("AWS Services › ") && p.contains(service)),
          service + " in " + paths);
    }
    assertTrue(paths.contains("AWS Services › Database Service › RDS"), paths.toString());
    assertEquals(1, paths.stream().filter(p -> p.startsWith("Module 2")).count(), paths.toString());
    Section module2 = parsed.sections().stream().filter(s -> !s.headings().isEmpty() && s.headings().getFirst().startsWith("Module 2")).findFirst().orElseThrow();
    assertEquals(1, module2.headings().size(), "Module 2 follows a thematic break: a sibling of AWS Services");
    assertTrue(module2.text().contains("APN"));
    assertTrue(parsed.sections().stream().allMatch(s -> !s.text().contains("<br") && !s.text().contains("<img")));
    assertTrue(parsed.sections().getFirst().text().contains("AWS MAP"), "the <p style> caption is text");
  }
}
