package io.notesearch.indexer.markdown;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** Dates from where notes are saved, when their front matter has none. */
class FileDatesTest {
  @Test
  void jekyllPostsJournalsAndDatedFolders() {
    assertEquals(LocalDate.of(2016, 4, 28), FileDates.of(Path.of("blog/_posts/2016-04-28-vim-quickfix.md")));
    assertEquals(LocalDate.of(2024, 1, 5), FileDates.of(Path.of("journal/2024-01-05 회고.md")));
    assertEquals(LocalDate.of(2024, 1, 5), FileDates.of(Path.of("2024.01.05.markdown")));
    assertEquals(LocalDate.of(2016, 4, 28), FileDates.of(Path.of("blog/2016/04-28.md")));
    assertEquals(LocalDate.of(2016, 4, 28), FileDates.of(Path.of("diary/2016/04/28-title.md")));
  }

  @Test
  void namesThatAreNotDates() {
    assertNull(FileDates.of(Path.of("notes/2016-13-45-typo.md")), "no 13th month");
    assertNull(FileDates.of(Path.of("notes/04-28.md")), "a month and day without a year");
    assertNull(FileDates.of(Path.of("aws/ec2-instance-types.md")));
    assertNull(FileDates.of(Path.of("notes/1234-56-78.md")));
  }

  @Test
  void frontMatterWins() {
    Note note = new NoteParser().parse("---\ndate: 2020-02-02\n---\n\n# 제목\n", Path.of("_posts/2016-04-28-title.md"));
    assertEquals(LocalDate.of(2020, 2, 2), note.date());
    Note undated = new NoteParser().parse("# 제목\n\n본문\n", Path.of("_posts/2016-04-28-title.md"));
    assertEquals(LocalDate.of(2016, 4, 28), undated.date(), "none in front matter: the file name's");
  }
}
