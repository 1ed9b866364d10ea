package io.notesearch.searcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.notesearch.core.NoteIndexException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Opening a folder that is not an index fails and leaves the folder as it was. */
class OpenFolderTest {
  @TempDir Path tmp;

  @Test
  void aFolderThatIsNotAnIndexGetsNoCacheFile() throws Exception {
    Path notes = Files.createDirectories(tmp.resolve("notes"));
    Files.writeString(notes.resolve("a.md"), "# 노트\n");
    assertThrows(NoteIndexException.class, () -> NoteSearcher.open(notes));
    try (Stream<Path> files = Files.list(notes)) {
      assertEquals(List.of(notes.resolve("a.md")), files.toList());
    }
  }
}
