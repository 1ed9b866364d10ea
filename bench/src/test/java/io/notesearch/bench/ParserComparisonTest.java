package io.notesearch.bench;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The figures docs/design.md gives for the two query parsers, on corpus/everyday-queries.txt. */
class ParserComparisonTest {
  @Test
  void notesearchRefusesOneQueryAndLuceneTwentyOne() throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    Path queries = Path.of(System.getProperty("notesearch.corpus", "../corpus"), "everyday-queries.txt");
    ParserComparison.run(queries, new PrintStream(bytes, true, StandardCharsets.UTF_8));
    String out = bytes.toString(StandardCharsets.UTF_8);
    assertTrue(out.startsWith("notesearch refuses 1 of 49: [tga:aws]\n"), out);
    assertTrue(out.contains("Lucene StandardQueryParser refuses 21 of 49: "), out);
  }
}
