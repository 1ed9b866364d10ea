package io.notesearch.indexer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.notesearch.core.Hit;
import io.notesearch.core.NoteIndexException;
import io.notesearch.core.SearchRequest;
import io.notesearch.core.Synonyms;
import io.notesearch.core.UserFiles;
import io.notesearch.core.analysis.NoteAnalyzers;
import io.notesearch.core.schema.MinedGlossary;
import io.notesearch.indexer.internal.Indexer;
import io.notesearch.indexer.internal.NoteReader;
import io.notesearch.searcher.NoteSearcher;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Indexing real files into a real index on disk, then searching it. */
class NoteIndexerTest {
  @TempDir Path tmp;

  private Path notes() throws IOException {
    return Files.createDirectories(tmp.resolve("notes"));
  }

  private static void write(Path file, String text) throws IOException {
    Files.createDirectories(file.getParent());
    Files.writeString(file, text, StandardCharsets.UTF_8);
  }

  private List<Hit> search(Path index, String query) throws IOException {
    try (NoteSearcher searcher = NoteSearcher.open(index)) {
      return searcher.search(SearchRequest.of(query)).hits();
    }
  }

  @Test
  void badFilesAreSkippedOrIndexedWithAWarningAndTheRestIsIndexed() throws IOException {
    Path notes = notes();
    write(notes.resolve("good.md"), "---\ntitle: 엘라스티캐시\n---\n\n## Redis 호환\n\nElastiCache는 인메모리 저장소다.\n");
    write(notes.resolve("empty.md"), "");
    write(notes.resolve("blank.md"), "  \n\n\t\n");
    write(notes.resolve("broken-front.md"), "---\ntitle: \"oops\ntags: [x\n---\n\n# 깨진 노트\n\nSQS 큐 설명.\n");
    Files.write(notes.resolve("legacy.md"), "# 한글 노트\n\nCP949로 저장된 Lambda 설명이다.\n".getBytes(Charset.forName("x-windows-949")));
    Files.write(notes.resolve("binary.md"), new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 0, 0, 13, (byte) 0xff});
    write(notes.resolve(".hidden/secret.md"), "# 숨김\n\nElastiCache hidden\n");
    write(notes.resolve("node_modules/pkg/readme.md"), "# 패키지\n\nElastiCache vendored\n");

    Path index = tmp.resolve("index");
    IndexReport report;
    try (NoteIndexer indexer = NoteIndexer.open(index)) {
      report = indexer.index(List.of(notes), IndexMode.DEFAULT);
    }
    assertEquals(3, report.notes(), report.toString());
    List<String> skipped = report.skipped().stream().map(p -> Path.of(p.path()).getFileName() + ": " + p.reason()).sorted().toList();
    assertEquals(
        List.of("binary.md: binary file (NUL bytes); skipped", "blank.md: empty file; skipped", "empty.md: empty file; skipped"),
        skipped);
    List<String> warned = report.warnings().stream().map(p -> Path.of(p.path()).getFileName().toString()).sorted().toList();
    assertEquals(List.of("broken-front.md", "legacy.md"), warned);

    assertEquals("Redis 호환", search(index, "elasticache").getFirst().headings().getLast());
    assertEquals(1, search(index, "elasticache").size(), "hidden folders and node_modules are not indexed");
    assertEquals("깨진 노트", search(index, "SQS").getFirst().title());
    assertEquals("한글 노트", search(index, "람다").getFirst().title(), "CP949 decoded, glossary maps 람다 to lambda");
  }

  @Test
  void aFileThatCannotBeReadIsSkippedWithTheReasonAndTheRestIsIndexed() throws IOException {
    // Permissions stop no one when tests run as root, so reading fails through the indexer's seam.
    Path notes = notes();
    write(notes.resolve("locked.md"), "# 잠김\n\nGuardDuty 설명\n");
    write(notes.resolve("open.md"), "# 열림\n\nGuardDuty 탐지\n");
    NoteReader.FileBytes denyLocked =
        file -> {
          if (file.getFileName().toString().equals("locked.md")) {
            throw new AccessDeniedException(file.toString());
          }
          return Files.readAllBytes(file);
        };
    Path index = tmp.resolve("index");
    IndexReport report;
    try (Indexer indexer = Indexer.open(index, NoteAnalyzers.standard(), IndexMode.DEFAULT, IndexOptions.DEFAULT, denyLocked)) {
      report = indexer.index(List.of(notes), IndexMode.DEFAULT, Progress.NONE);
    }
    assertEquals(List.of(new Problem(notes.resolve("locked.md").toString(), "cannot read (AccessDeniedException)")), report.skipped());
    assertEquals(1, report.notes());
    assertEquals("열림", search(index, "GuardDuty").getFirst().title());
  }

  @Test
  void incrementalRunsTouchOnlyWhatChanged() throws IOException {
    Path notes = notes();
    write(notes.resolve("a.md"), "# 에이\n\nDynamoDB 파티션 키.\n");
    write(notes.resolve("b.md"), "# 비\n\nCloudFront 캐시.\n");
    write(notes.resolve("sub/c.md"), "# 씨\n\nRoute 53 레코드.\n");
    Path index = tmp.resolve("index");
    try (NoteIndexer indexer = NoteIndexer.open(index)) {
      IndexReport first = indexer.index(List.of(notes), IndexMode.DEFAULT);
      assertEquals(3, first.added());

      IndexReport again = indexer.index(List.of(notes), IndexMode.DEFAULT);
      assertEquals(List.of(0, 0, 3, 0), List.of(again.added(), again.updated(), again.unchanged(), again.deleted()));

      write(notes.resolve("a.md"), "# 에이\n\nDynamoDB 정렬 키.\n");
      Files.delete(notes.resolve("b.md"));
      Files.move(notes.resolve("sub/c.md"), notes.resolve("c-moved.md"));
      IndexReport changed = indexer.index(List.of(notes), IndexMode.DEFAULT);
      assertEquals(List.of(1, 1, 0, 2), List.of(changed.added(), changed.updated(), changed.unchanged(), changed.deleted()), changed.toString());

      // Touched without a change: written once more to store the new stamp, then skipped unread.
      Files.setLastModifiedTime(notes.resolve("c-moved.md"), java.nio.file.attribute.FileTime.fromMillis(1_000_000_000_000L));
      IndexReport touched = indexer.index(List.of(notes), IndexMode.DEFAULT);
      assertEquals(List.of(0, 1, 1), List.of(touched.added(), touched.updated(), touched.unchanged()), touched.toString());
      IndexReport settled = indexer.index(List.of(notes), IndexMode.DEFAULT);
      assertEquals(List.of(0, 0, 2), List.of(settled.added(), settled.updated(), settled.unchanged()), settled.toString());

      IndexReport full = indexer.index(List.of(notes), IndexMode.FULL);
      assertTrue(full.rebuilt());
      assertEquals(2, full.added());
    }
    assertEquals(List.of(), search(index, "CloudFront"));
    assertTrue(search(index, "파티션").isEmpty());
    assertEquals(tmp.resolve("notes/c-moved.md").toString(), search(index, "Route53").getFirst().path());
  }

  /** The stored average lengths: {@code section,note,notes}. */
  private static double[] averages(Path index) throws IOException {
    try (org.apache.lucene.store.FSDirectory dir = org.apache.lucene.store.FSDirectory.open(index)) {
      String stored = org.apache.lucene.index.SegmentInfos.readLatestCommit(dir).getUserData().get(io.notesearch.core.schema.IndexFolder.AVERAGES_KEY);
      return java.util.Arrays.stream(stored.split(",")).mapToDouble(Double::parseDouble).toArray();
    }
  }

  /**
   * The terms' scores need the index's average lengths: estimated from the notes, kept with the
   * index, and estimated again when the folder has grown fourfold, which rebuilds it only if they
   * moved.
   */
  @Test
  void averageLengthsAreEstimatedKeptAndFollowAGrowingFolder() throws IOException {
    Path notes = notes();
    String shortNote = "---\ntitle: 짧은 노트 %d\n---\n\n## 람다\n\n람다 한 줄.\n";
    for (int i = 0; i < 2; i++) {
      write(notes.resolve("short" + i + ".md"), shortNote.formatted(i));
    }
    Path index = tmp.resolve("index");
    try (NoteIndexer indexer = NoteIndexer.open(index)) {
      indexer.index(List.of(notes), IndexMode.DEFAULT);
      double[] first = averages(index);
      assertEquals(2, first[2]);
      assertTrue(first[0] > 0 && first[0] < 60 && first[1] > 0, java.util.Arrays.toString(first));

      for (int i = 2; i < 8; i++) {
        write(notes.resolve("short" + i + ".md"), shortNote.formatted(i));
      }
      IndexReport alike = indexer.index(List.of(notes), IndexMode.DEFAULT);
      assertFalse(alike.rebuilt(), "four times the notes, the same lengths: " + alike);
      assertEquals(6, alike.added());
      assertEquals(8, averages(index)[2]);

      String longText = "람다 함수는 요청이 올 때 실행되고 실행 시간과 메모리로 과금된다. ".repeat(40);
      for (int i = 0; i < 30; i++) {
        write(notes.resolve("long" + i + ".md"), "---\ntitle: 긴 노트 " + i + "\n---\n\n## 과금\n\n" + longText + "\n");
      }
      IndexReport grown = indexer.index(List.of(notes), IndexMode.DEFAULT);
      assertTrue(grown.rebuilt(), "longer notes moved the averages: " + grown);
      assertEquals(38, grown.added());
      double[] after = averages(index);
      assertEquals(38, after[2]);
      assertTrue(after[0] > 3 * first[0], java.util.Arrays.toString(first) + " then " + java.util.Arrays.toString(after));

      IndexReport settled = indexer.index(List.of(notes), IndexMode.DEFAULT);
      assertEquals(38, settled.unchanged());
      assertTrue(java.util.Arrays.equals(after, averages(index)), "kept while the folder stands still");
    }
    try (NoteSearcher searcher = NoteSearcher.open(index)) {
      assertEquals(38, searcher.search(SearchRequest.of("람다")).total(), "every note found after the rebuild");
    }
  }

  /** Hashes are read from each note's first section: notes of many sections, replaced by a watcher, across segments. */
  @Test
  void aNoteUpdatedByTheWatcherIsUnchangedForTheNextFullRun() throws IOException {
    Path notes = notes();
    for (int i = 0; i < 6; i++) {
      write(notes.resolve("n" + i + ".md"), "# 노트 " + i + "\n\n도입.\n\n## 첫째\n\nEC2 인스턴스.\n\n## 둘째\n\nS3 버킷 " + i + ".\n");
    }
    Path index = tmp.resolve("index");
    try (NoteIndexer indexer = NoteIndexer.open(index)) {
      assertEquals(6, indexer.index(List.of(notes), IndexMode.DEFAULT).added());
      write(notes.resolve("n2.md"), "# 노트 2\n\n## 하나\n\n바뀐 내용.\n");
      IndexReport watched = indexer.update(List.of(notes), List.of(notes.resolve("n2.md")));
      assertEquals(1, watched.updated(), watched.toString());
      Files.delete(notes.resolve("n4.md"));
      assertEquals(1, indexer.update(List.of(notes), List.of(notes.resolve("n4.md"))).deleted());
    }
    try (NoteIndexer reopened = NoteIndexer.open(index)) {
      IndexReport next = reopened.index(List.of(notes), IndexMode.DEFAULT);
      assertEquals(List.of(0, 0, 5, 0), List.of(next.added(), next.updated(), next.unchanged(), next.deleted()), next.toString());
    }
    assertEquals(List.of(), search(index, "도입").stream().filter(h -> h.path().endsWith("n2.md")).toList());
  }

  @Test
  void glossesMinedFromOneNoteFindAnother() throws IOException {
    Path notes = notes();
    write(notes.resolve("defines.md"), "# AMI 만들기\n\n골든 이미지(Golden Image)를 미리 구워 두면 부팅이 빠르다.\n");
    write(notes.resolve("uses.md"), "# 배포 파이프라인\n\n## 이미지 굽기\n\n매주 골든 이미지를 새로 만든다.\n");
    Path index = tmp.resolve("index");
    try (NoteIndexer indexer = NoteIndexer.open(index)) {
      indexer.index(List.of(notes), IndexMode.DEFAULT);
    }
    assertTrue(Files.readString(index.resolve(io.notesearch.core.schema.IndexFolder.MINED_GLOSSARY)).contains("골든 이미지, golden image"));
    try (NoteSearcher mined = NoteSearcher.open(index, UserFiles.NONE, Synonyms.DEFAULT);
        NoteSearcher plain = NoteSearcher.open(index, UserFiles.NONE, Synonyms.GLOSSARY)) {
      List<String> withMined = mined.search(SearchRequest.of("golden image")).hits().stream().map(h -> h.title()).toList();
      List<String> without = plain.search(SearchRequest.of("golden image")).hits().stream().map(h -> h.title()).toList();
      assertTrue(withMined.contains("배포 파이프라인"), withMined.toString());
      assertFalse(without.contains("배포 파이프라인"), without.toString());
    }
  }

  @Test
  void aChangedUserDictionaryRebuildsTheIndex() throws IOException {
    Path notes = notes();
    write(notes.resolve("a.md"), "# 노트\n\n쿠버네티스오퍼레이터를 배포했다.\n");
    Path index = tmp.resolve("index");
    Path dict = tmp.resolve("userdict.txt");
    Files.writeString(dict, "쿠버네티스오퍼레이터 쿠버네티스 오퍼레이터\n");
    try (NoteIndexer indexer = NoteIndexer.open(index)) {
      assertFalse(indexer.index(List.of(notes), IndexMode.DEFAULT).rebuilt());
      assertFalse(indexer.index(List.of(notes), IndexMode.DEFAULT).rebuilt());
    }
    try (NoteIndexer indexer = NoteIndexer.open(index, new UserFiles(null, dict))) {
      IndexReport report = indexer.index(List.of(notes), IndexMode.DEFAULT);
      assertTrue(report.rebuilt(), "the user dictionary changed what the index holds");
      assertEquals(1, report.added());
    }
    try (NoteSearcher searcher = NoteSearcher.open(index, new UserFiles(null, dict), Synonyms.DEFAULT)) {
      assertEquals(1, searcher.search(SearchRequest.of("오퍼레이터")).hits().size());
    }
  }

  @Test
  void aMalformedUserDictionaryIsAClearError() throws IOException {
    Path dict = tmp.resolve("userdict.txt");
    Files.writeString(dict, "알파베타 알파 베타감마\n");
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> NoteIndexer.open(tmp.resolve("index"), new UserFiles(null, dict)));
    assertTrue(e.getMessage().contains(dict.toString()), e.getMessage());
  }

  @Test
  void anIndexFromAnotherVersionIsRefusedWithItsReason() throws IOException {
    Path notes = notes();
    write(notes.resolve("a.md"), "# 노트\n\nEC2.\n");
    Path index = tmp.resolve("index");
    try (NoteIndexer indexer = NoteIndexer.open(index)) {
      indexer.index(List.of(notes), IndexMode.DEFAULT);
    }
    try (org.apache.lucene.store.FSDirectory dir = org.apache.lucene.store.FSDirectory.open(index);
        org.apache.lucene.index.IndexWriter w = new org.apache.lucene.index.IndexWriter(dir, new org.apache.lucene.index.IndexWriterConfig())) {
      w.setLiveCommitData(java.util.Map.of(io.notesearch.core.schema.IndexFolder.SCHEMA_KEY, "0").entrySet());
      w.commit();
    }
    NoteIndexException e = assertThrows(NoteIndexException.class, () -> NoteSearcher.open(index));
    assertEquals(NoteIndexException.Reason.OLDER_FORMAT, e.reason(), e.getMessage());
    assertTrue(e.getMessage().contains("older version of notesearch"), e.getMessage());
    try (NoteIndexer indexer = NoteIndexer.open(index)) {
      assertTrue(indexer.index(List.of(notes), IndexMode.DEFAULT).rebuilt(), "the next run rebuilds by itself");
    }
    try (NoteSearcher searcher = NoteSearcher.open(index)) {
      assertEquals(1, searcher.search(SearchRequest.of("EC2")).hits().size());
    }
  }

  /**
   * An open searcher skips re-reading the commit while the index folder's time stands still; a
   * commit moves it, so a searcher open on a long-unchanged index still sees the next run's notes.
   */
  @Test
  void anOpenSearcherSeesACommitToALongUnchangedIndex() throws IOException {
    Path notes = notes();
    write(notes.resolve("a.md"), "# 에이\n\nDynamoDB 파티션 키.\n");
    Path index = tmp.resolve("index");
    try (NoteIndexer indexer = NoteIndexer.open(index)) {
      indexer.index(List.of(notes), IndexMode.DEFAULT);
      Files.setLastModifiedTime(index, java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis() - 3_600_000));
      try (NoteSearcher searcher = NoteSearcher.open(index)) {
        assertEquals(1, searcher.search(SearchRequest.of("파티션")).hits().size());
        assertEquals(0, searcher.search(SearchRequest.of("CloudFront")).hits().size(), "now trusts the folder's time");
        write(notes.resolve("b.md"), "# 비\n\nCloudFront 캐시.\n");
        indexer.index(List.of(notes), IndexMode.DEFAULT);
        assertEquals(1, searcher.search(SearchRequest.of("CloudFront")).hits().size(), "the commit moved the folder's time");
      }
    }
  }

  @Test
  void aSecondWriterIsRefusedWithAClearMessage() throws IOException {
    Path index = tmp.resolve("index");
    try (NoteIndexer first = NoteIndexer.open(index)) {
      NoteIndexException e = assertThrows(NoteIndexException.class, () -> NoteIndexer.open(index));
      assertTrue(e.getMessage().contains("being written by another process"), e.getMessage());
    }
  }

  @Test
  void aMissingFolderIsAnArgumentError() throws IOException {
    try (NoteIndexer indexer = NoteIndexer.open(tmp.resolve("index"))) {
      IllegalArgumentException e =
          assertThrows(IllegalArgumentException.class, () -> indexer.index(List.of(tmp.resolve("nope")), IndexMode.DEFAULT));
      assertTrue(e.getMessage().contains("nope"));
    }
  }

  @Test
  void searchingAFolderThatIsNotAnIndexFailsClearly() throws IOException {
    Path notIndex = Files.createDirectories(tmp.resolve("not-an-index"));
    NoteIndexException e = assertThrows(NoteIndexException.class, () -> NoteSearcher.open(notIndex));
    assertTrue(e.getMessage().contains("no index at"), e.getMessage());
    assertFalse(e.getMessage().contains("Exception"), e.getMessage());
  }

  @Test
  void aHeadingOverOnlySubSectionsShowsTheirHeadingsAsItsText() throws IOException {
    Path notes = notes();
    write(notes.resolve("asg.md"), """
        ---
        title: 오토 스케일링
        ---

        ### 구성 요소<br/>

        * **시작 템플릿**
          * AMI와 인스턴스 유형.
        * **조정 정책**
          * 언제 늘리고 줄일지.
            * **단계 조정**
              * 경보 크기에 따라.

        ### 요금<br/>

        추가 요금은 없다.

        ### 빈 제목
        """);
    Path index = tmp.resolve("index");
    try (NoteIndexer indexer = NoteIndexer.open(index)) {
      indexer.index(List.of(notes), IndexMode.DEFAULT);
    }
    Hit parts = search(index, "구성 요소").getFirst();
    assertEquals(List.of("구성 요소"), parts.headings());
    // The direct sub-sections only, in order; 단계 조정 is a grandchild.
    assertEquals("시작 템플릿 · 조정 정책", parts.snippet().text());
    Hit policy = search(index, "조정 정책").getFirst();
    assertEquals(List.of("구성 요소", "조정 정책"), policy.headings(), "the sub-section itself ranks first");
    assertTrue(policy.snippet().text().startsWith("언제 늘리고 줄일지"), "a section with text of its own keeps it: " + policy.snippet().text());
    Hit empty = search(index, "빈 제목").getFirst();
    assertEquals(List.of("빈 제목"), empty.headings());
    assertEquals("", empty.snippet().text(), "a heading with nothing under it stays empty");
  }

  /** QA: after a folder was renamed and the new name indexed, both paths were returned. */
  @Test
  void notesOfAFolderThatWentAwayAreRemovedByTheNextRun() throws IOException {
    Path notes = notes();
    Path old = Files.createDirectories(notes.resolve("old-name"));
    write(old.resolve("a.md"), "# 노트\n\nGuardDuty 탐지\n");
    Path other = Files.createDirectories(tmp.resolve("other"));
    write(other.resolve("b.md"), "# 다른 노트\n\nGuardDuty 설정\n");
    Path index = tmp.resolve("index");
    try (NoteIndexer indexer = NoteIndexer.open(index)) {
      indexer.index(List.of(old), IndexMode.DEFAULT);
      indexer.index(List.of(other), IndexMode.DEFAULT);
    }
    Path renamed = Files.move(old, notes.resolve("new-name"));
    IndexReport report;
    try (NoteIndexer indexer = NoteIndexer.open(index)) {
      report = indexer.index(List.of(renamed), IndexMode.DEFAULT);
    }
    assertEquals(1, report.deleted(), "the note under the old name");
    try (NoteSearcher searcher = NoteSearcher.open(index)) {
      List<String> paths = searcher.search(SearchRequest.of("GuardDuty")).hits().stream().map(Hit::path).sorted().toList();
      assertEquals(List.of(renamed.resolve("a.md").toString(), other.resolve("b.md").toString()).stream().sorted().toList(), paths,
          "the renamed note once, and the other folder's note, indexed in another run, kept");
    }
  }
}
