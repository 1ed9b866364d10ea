package io.notesearch.core.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.DataInputStream;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.ko.KoreanTokenizer;
import org.apache.lucene.analysis.ko.dict.ConnectionCosts;
import org.apache.lucene.analysis.ko.dict.TokenInfoDictionary;
import org.apache.lucene.analysis.ko.dict.UnknownDictionary;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NoriDictionariesTest {
  @TempDir Path tmp;

  /** The first load decodes and saves; the second maps the file, and every one of its costs is Nori's. */
  @Test
  void theMappedMatrixHoldsExactlyNorisCosts() throws Exception {
    ConnectionCosts nori = ConnectionCosts.getInstance();
    assertSame(nori, NoriDictionaries.load(tmp), "no file yet: Nori decodes");
    Path file = tmp.resolve(NoriDictionaries.fileName());
    assertTrue(Files.isRegularFile(file), "and the decoded matrix is saved");
    assertEquals("rw-r--r--", java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(file)),
        "readable by every user of the folder");

    ConnectionCosts mapped = NoriDictionaries.load(tmp);
    assertNotSame(nori, mapped, "the second load maps the file");
    int[] size = sizes(file);
    assertEquals(3822, size[0], "Nori's forward size");
    long compared = 0;
    for (int backward = 0; backward < size[1]; backward++) {
      for (int forward = 0; forward < size[0]; forward++) {
        if (mapped.get(forward, backward) != nori.get(forward, backward)) {
          throw new AssertionError("cost (" + forward + ", " + backward + ") differs");
        }
        compared++;
      }
    }
    assertEquals(3822L * 2693, compared);
  }

  /** Korean text tokenises the same with the mapped matrix as with Nori's own. */
  @Test
  void aTokenizerOnTheMappedMatrixTokenisesLikeNori() throws Exception {
    NoriDictionaries.load(tmp);
    ConnectionCosts mapped = NoriDictionaries.load(tmp);
    assertNotSame(ConnectionCosts.getInstance(), mapped);
    for (String text : List.of("EC2가 ELB를 거치면 로드밸런서가 헬스체크를 한다", "화살표 함수(Arrow Function)는 this를 바인딩하지 않는다",
        "람다 콜드 스타트를 줄이려면 프로비저닝된 동시성을 쓴다", "쿠버네티스 파드의 라이프사이클과 재시작 정책")) {
      assertEquals(tokens(text, TokenInfoDictionary.getInstance(), ConnectionCosts.getInstance()),
          tokens(text, TokenInfoDictionary.getInstance(), mapped), text);
    }
  }

  /** The dictionary of words loaded from uncompressed copies tokenises like Nori's own. */
  @Test
  void theDictionaryOfWordsFromCopiesTokenisesLikeNori() throws Exception {
    TokenInfoDictionary first = NoriDictionaries.loadTokenInfo(tmp);
    TokenInfoDictionary copies = NoriDictionaries.loadTokenInfo(tmp);
    assertNotSame(TokenInfoDictionary.getInstance(), copies, "loaded from the copies");
    assertNotSame(first, copies);
    try (var folders = Files.list(tmp)) {
      List<Path> made = folders.toList();
      assertEquals(1, made.size(), "one folder of copies, no leftovers: " + made);
      try (var files = Files.list(made.get(0))) {
        assertEquals(4, files.count());
      }
      // Another user of the same cache folder reads them too (temporary files are born private).
      assertEquals("rwxr-xr-x", java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(made.get(0))));
      try (var files = Files.list(made.get(0))) {
        for (Path f : files.toList()) {
          assertEquals("rw-r--r--", java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(f)), f.toString());
        }
      }
    }
    for (String text : List.of("EC2가 ELB를 거치면 로드밸런서가 헬스체크를 한다", "화살표 함수(Arrow Function)는 this를 바인딩하지 않는다",
        "프로비저닝된 동시성과 콜드 스타트", "비동기 이벤트 루프의 마이크로태스크 큐")) {
      assertEquals(tokens(text, TokenInfoDictionary.getInstance(), ConnectionCosts.getInstance()),
          tokens(text, copies, ConnectionCosts.getInstance()), text);
    }
  }

  /** A damaged copy of the dictionary of words is not used, and is made again by the next load. */
  @Test
  void aDamagedCopyOfTheDictionaryOfWordsIsReplaced() throws Exception {
    NoriDictionaries.loadTokenInfo(tmp);
    Path copies;
    try (var folders = Files.list(tmp)) {
      copies = folders.findFirst().orElseThrow();
    }
    Path fst = copies.resolve("TokenInfoDictionary$fst.dat");
    long size = Files.size(fst);
    try (var channel = Files.newByteChannel(fst, StandardOpenOption.WRITE)) {
      channel.truncate(size / 3);
    }
    assertSame(TokenInfoDictionary.getInstance(), NoriDictionaries.loadTokenInfo(tmp), "a cut-off copy: Nori's own");
    assertTrue(!Files.exists(copies), "and the damaged copies are removed");
    assertNotSame(TokenInfoDictionary.getInstance(), NoriDictionaries.loadTokenInfo(tmp), "made again and used");
    assertEquals(size, Files.size(fst));
  }

  /** A cut-off, foreign or garbled file is not used: Nori decodes and the file is written again. */
  @Test
  void aDamagedOrForeignFileIsAMissAndIsReplaced() throws Exception {
    ConnectionCosts nori = ConnectionCosts.getInstance();
    NoriDictionaries.load(tmp);
    Path file = tmp.resolve(NoriDictionaries.fileName());
    byte[] good = Files.readAllBytes(file);

    try (var channel = Files.newByteChannel(file, StandardOpenOption.WRITE)) {
      channel.truncate(good.length / 2);
    }
    assertSame(nori, NoriDictionaries.load(tmp), "a cut-off file");
    assertEquals(good.length, Files.size(file), "saved whole again");

    assertSame(null, NoriDictionaries.mapped(file, "another Lucene"), "a file made from other data");

    Files.write(file, "not a matrix".getBytes(java.nio.charset.StandardCharsets.UTF_8));
    assertSame(nori, NoriDictionaries.load(tmp), "garbage");
    assertNotSame(nori, NoriDictionaries.load(tmp), "repaired by the previous load");
  }

  /** Without a folder nothing is written and Nori's singleton is used. */
  @Test
  void withoutAFolderNoriDecodesAsUsual() {
    assertSame(ConnectionCosts.getInstance(), NoriDictionaries.load(null));
  }

  /** A folder that cannot be written is only a slower start. */
  @Test
  void anUnwritableFolderIsOnlyASlowerStart() throws Exception {
    Path notAFolder = Files.writeString(tmp.resolve("a-file"), "x");
    assertSame(ConnectionCosts.getInstance(), NoriDictionaries.load(notAFolder.resolve("cache")));
  }

  /** The key names the Lucene version and the resource's CRC, so a Lucene upgrade misses. */
  @Test
  void theKeyIsTheLuceneVersionAndTheResourceCrc() {
    String key = NoriDictionaries.key("ConnectionCosts.dat");
    assertNotNull(key, "Nori's matrix is read from its jar");
    assertTrue(key.startsWith(org.apache.lucene.util.Version.LATEST + "/"), key);
  }

  private static int[] sizes(Path file) throws Exception {
    try (InputStream in = Files.newInputStream(file); DataInputStream data = new DataInputStream(in)) {
      data.readInt();
      data.readInt();
      data.readUTF();
      data.skipNBytes(data.readInt());
      return new int[] {data.readInt(), data.readInt()};
    }
  }

  private static List<String> tokens(String text, TokenInfoDictionary words, ConnectionCosts costs) throws Exception {
    List<String> out = new ArrayList<>();
    try (KoreanTokenizer tokenizer = new KoreanTokenizer(TokenStream.DEFAULT_TOKEN_ATTRIBUTE_FACTORY,
        words, UnknownDictionary.getInstance(), costs, null,
        KoreanTokenizer.DecompoundMode.MIXED, false, false)) {
      CharTermAttribute term = tokenizer.addAttribute(CharTermAttribute.class);
      var pos = tokenizer.addAttribute(org.apache.lucene.analysis.ko.tokenattributes.PartOfSpeechAttribute.class);
      tokenizer.setReader(new java.io.StringReader(text));
      tokenizer.reset();
      while (tokenizer.incrementToken()) {
        out.add(term + "/" + pos.getLeftPOS() + "/" + pos.getRightPOS());
      }
      tokenizer.end();
    }
    return out;
  }

  @Test
  void aCacheAskedForAfterNoriLoadedIsSaidOnceAndNotUsed() throws Exception {
    NoriDictionaries.connectionCosts(); // loads, with whatever cache was asked for before
    NoriDictionaries.forgetWarning();
    NoriDictionaries.useCache(tmp.resolve("too-late"));
    String said = NoriDictionaries.warning;
    assertTrue(said != null && said.contains("too-late") && !said.contains("\n"), String.valueOf(said));
    NoriDictionaries.useCache(tmp.resolve("later-still"));
    assertSame(said, NoriDictionaries.warning, "said once per JVM");
    assertFalse(Files.exists(tmp.resolve("too-late")), "nothing written there");
  }
}
