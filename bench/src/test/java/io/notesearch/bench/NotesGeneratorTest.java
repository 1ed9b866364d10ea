package io.notesearch.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.notesearch.core.SearchRequest;
import io.notesearch.indexer.IndexMode;
import io.notesearch.indexer.IndexReport;
import io.notesearch.indexer.NoteIndexer;
import io.notesearch.searcher.NoteSearcher;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class NotesGeneratorTest {
  @TempDir Path tmp;

  @Test
  void sameSeedSameNotes() {
    assertEquals(NotesGenerator.note(new Random(3), 7), NotesGenerator.note(new Random(3), 7));
  }

  @Test
  void generatedNotesIndexCleanlyAndAreSearchable() throws Exception {
    long bytes = NotesGenerator.generate(60, 1, tmp.resolve("notes"));
    assertTrue(bytes > 60 * 500);
    try (NoteIndexer indexer = NoteIndexer.open(tmp.resolve("index"))) {
      IndexReport report = indexer.index(List.of(tmp.resolve("notes")), IndexMode.FULL);
      assertEquals(60, report.notes());
      assertEquals(List.of(), report.skipped());
      assertEquals(List.of(), report.warnings());
      assertTrue(report.sections() > 60 * 2);
    }
    try (NoteSearcher searcher = NoteSearcher.open(tmp.resolve("index"))) {
      assertTrue(searcher.search(SearchRequest.of("로드 밸런서")).total() > 0);
    }
    assertTrue(Files.exists(tmp.resolve("notes/part-000/note-000059.md")));
  }

  @Test
  void benchCommandGeneratesTheSameFolderForASeed() throws Exception {
    CommandLine cli = new CommandLine(new BenchMain());
    assertEquals(0, cli.execute("generate", "--notes", "12", "--seed", "5", tmp.resolve("a").toString()));
    assertEquals(0, cli.execute("generate", "--notes", "12", "--seed", "5", tmp.resolve("b").toString()));
    List<Path> notes = Markdown.files(tmp.resolve("a"));
    assertEquals(12, notes.size());
    for (Path p : notes) {
      assertEquals(Files.readString(p), Files.readString(tmp.resolve("b").resolve(tmp.resolve("a").relativize(p))));
    }
    assertEquals(2, cli.execute("generate", "--notes", "many", tmp.resolve("c").toString()));
  }

  /** The typo bench's short run: its corrections are checked, so a missed one fails the command. */
  @Test
  void typoBenchCorrectsOnASmallVocabulary() {
    CommandLine cli = new CommandLine(new BenchMain());
    assertEquals(0, cli.execute("typo", "--notes", "40", "--vocabulary", "2000"));
  }
}
