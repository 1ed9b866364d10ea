package example;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An application's view of notesearch: README's "Embedding" snippet is {@link EmbeddingExample},
 * word for word, it runs on the bundled notes, and notesearch's internal packages are closed to it.
 */
class EmbeddingExampleTest {
  /** The notesearch checkout this example sits in. */
  private static final Path ROOT = Path.of("../..").toAbsolutePath().normalize();
  private static final Path EXAMPLE = Path.of("src/main/java/example/EmbeddingExample.java").toAbsolutePath();

  /** The first {@code java} block after the "## Embedding" heading. */
  static String readmeSnippet() throws IOException {
    String readme = Files.readString(ROOT.resolve("README.md"), StandardCharsets.UTF_8);
    int section = readme.indexOf("\n## Embedding\n");
    assertTrue(section >= 0, "README has an Embedding section");
    Matcher m = Pattern.compile("(?s)```java\n(.*?)```").matcher(readme);
    assertTrue(m.find(section), "the Embedding section has a java block");
    return m.group(1);
  }

  /** The example file from its first import on: what a reader copies (the package line is ours). */
  static String exampleSource() throws IOException {
    String source = Files.readString(EXAMPLE, StandardCharsets.UTF_8);
    return source.substring(source.indexOf("import "));
  }

  @Test
  void theReadmeSnippetIsTheTestedExample() throws IOException {
    assertEquals(exampleSource(), readmeSnippet(), "README.md and EmbeddingExample.java differ: copy the file into the README");
  }

  @Test
  void theExampleIndexesAndSearchesTheBundledNotes(@TempDir Path tmp) throws IOException {
    Path notes = ROOT.resolve("corpus/notes");
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    PrintStream out = System.out;
    System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
    try {
      EmbeddingExample.main(new String[] {notes.toString(), tmp.resolve("index").toString()});
    } finally {
      System.setOut(out);
    }
    List<String> lines = captured.toString(StandardCharsets.UTF_8).lines().toList();
    long noteFiles;
    try (var walk = Files.walk(notes)) {
      noteFiles = walk.filter(p -> p.toString().endsWith(".md")).count();
    }
    assertEquals(noteFiles + " notes, 0 skipped", lines.get(0));
    assertTrue(lines.get(1).matches("\\d+ sections match"), lines.get(1));
    assertEquals(8, lines.size(), String.join("\n", lines));
    assertTrue(lines.get(2).startsWith(notes.resolve("aws/aws-lambda-cold-start.md") + ":"), lines.get(2));
    assertTrue(lines.get(3).contains("[콜드 스타트]") || lines.get(3).contains("[람다]"), lines.get(3));
  }

  @Test
  void onlyTheApiPackagesAreOpenToTheApplication() {
    Module app = EmbeddingExample.class.getModule();
    assertTrue(app.isNamed(), "the example runs as a module: " + app);
    Module core = io.notesearch.core.SearchRequest.class.getModule();
    Module searcher = io.notesearch.searcher.NoteSearcher.class.getModule();
    Module indexer = io.notesearch.indexer.NoteIndexer.class.getModule();
    assertTrue(core.isExported("io.notesearch.core", app) && searcher.isExported("io.notesearch.searcher", app)
        && indexer.isExported("io.notesearch.indexer", app));
    for (String internal : List.of("io.notesearch.core.analysis", "io.notesearch.core.schema", "io.notesearch.core.plan",
        "io.notesearch.core.query")) {
      assertFalse(core.isExported(internal, app), internal);
    }
    assertFalse(searcher.isExported("io.notesearch.searcher.internal", app));
    assertFalse(searcher.isExported("io.notesearch.searcher.backend", app));
    assertFalse(indexer.isExported("io.notesearch.indexer.markdown", app));
  }
}
