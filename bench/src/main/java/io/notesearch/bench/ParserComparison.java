package io.notesearch.bench;

import io.notesearch.core.QuerySyntaxException;
import io.notesearch.core.query.QueryParser;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.queryparser.flexible.core.QueryNodeException;
import org.apache.lucene.queryparser.flexible.standard.StandardQueryParser;

/**
 * Which everyday queries ({@code corpus/everyday-queries.txt}) each parser refuses: notesearch's own
 * and Lucene's flexible {@code StandardQueryParser}, the figures of docs/design.md.
 */
final class ParserComparison {
  private ParserComparison() {}

  static void run(Path queries, PrintStream out) throws IOException {
    List<String> inputs = Files.readAllLines(queries, StandardCharsets.UTF_8).stream()
        .filter(line -> !line.isEmpty() && !line.startsWith("# ")).toList();
    List<String> ours = new ArrayList<>();
    List<String> lucene = new ArrayList<>();
    StandardQueryParser standard = new StandardQueryParser(new StandardAnalyzer());
    for (String q : inputs) {
      try {
        QueryParser.parse(q);
      } catch (QuerySyntaxException e) {
        ours.add(q);
      }
      try {
        standard.parse(q, "body");
      } catch (QueryNodeException | RuntimeException e) {
        lucene.add(q);
      }
    }
    out.println("notesearch refuses " + ours.size() + " of " + inputs.size() + ": " + ours);
    out.println("Lucene StandardQueryParser refuses " + lucene.size() + " of " + inputs.size() + ": " + lucene);
  }
}
