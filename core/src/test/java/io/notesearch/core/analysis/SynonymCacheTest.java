package io.notesearch.core.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SynonymCacheTest {
  @TempDir Path tmp;

  /** Every glossary term and a few mixed queries analyse to the same token graph from a saved map. */
  @Test
  void aSavedMapAnalysesExactlyLikeAFreshOne() throws Exception {
    Glossary glossary = Glossary.builtIn();
    NoteAnalyzers fresh = NoteAnalyzers.with(glossary, null);
    NoteAnalyzers saving = NoteAnalyzers.with(glossary, null, tmp);
    assertTrue(Files.isRegularFile(tmp.resolve(io.notesearch.core.schema.IndexFolder.SYNONYM_CACHE)), "the first start saves the map");
    Object savedFile = Files.readAttributes(tmp.resolve(io.notesearch.core.schema.IndexFolder.SYNONYM_CACHE), java.nio.file.attribute.BasicFileAttributes.class).fileKey();
    NoteAnalyzers loaded = NoteAnalyzers.with(glossary, null, tmp);
    // A rewrite moves a new file into place: another inode.
    assertEquals(savedFile, Files.readAttributes(tmp.resolve(io.notesearch.core.schema.IndexFolder.SYNONYM_CACHE), java.nio.file.attribute.BasicFileAttributes.class).fileKey(),
        "a hit does not rewrite it");

    List<String> texts = new ArrayList<>(List.of("EC2가 ELB를 거치면", "로드 밸런서 헬스체크", "화살표 함수(Arrow Function)", "람다 콜드 스타트"));
    glossary.groups().forEach(texts::addAll);
    for (String text : texts) {
      assertEquals(TokenTable.of(fresh.query(), text), TokenTable.of(loaded.query(), text), text);
      assertEquals(TokenTable.of(fresh.queryContent(), text), TokenTable.of(loaded.queryContent(), text), text);
      assertEquals(TokenTable.of(saving.query(), text), TokenTable.of(loaded.query(), text), text);
    }
  }

  @Test
  void anotherGlossaryOrDictionaryIsAnotherKey() throws Exception {
    Glossary base = Glossary.builtIn();
    Glossary more = base.with(Glossary.parse(new StringReader("쿠버네티스 배포판, k8s distro\n"), "test"));
    String dictionary = "쿠버네티스\n";
    byte[] prefix = SynonymCache.prefix(dictionary);
    String key = SynonymCache.key(prefix, base.groups());
    assertEquals(key, SynonymCache.key(SynonymCache.prefix(dictionary), base.groups()), "the same inputs, the same key");
    // The built-in dictionary's prefix is made once and shared by every key made after it.
    assertEquals(key, SynonymCache.key(prefix, base.groups()), "a prefix is unchanged by the keys made from it");
    assertNotEquals(key, SynonymCache.key(prefix, more.groups()));
    assertNotEquals(key, SynonymCache.key(SynonymCache.prefix(dictionary + "람다\n"), base.groups()));

    NoteAnalyzers.with(base, null, tmp);
    byte[] first = Files.readAllBytes(tmp.resolve(io.notesearch.core.schema.IndexFolder.SYNONYM_CACHE));
    NoteAnalyzers withMore = NoteAnalyzers.with(more, null, tmp);
    assertFalse(java.util.Arrays.equals(first, Files.readAllBytes(tmp.resolve(io.notesearch.core.schema.IndexFolder.SYNONYM_CACHE))), "saved again for the new glossary");
    assertTrue(TokenTable.terms(withMore.query(), "k8s distro").contains("쿠버네티스"), TokenTable.terms(withMore.query(), "k8s distro").toString());
  }

  @Test
  void aDamagedFileIsAMissAndIsReplaced() throws Exception {
    Glossary glossary = Glossary.builtIn();
    String key = SynonymCache.key(SynonymCache.prefix(NoteAnalyzers.builtInDictionaryText()), glossary.groups());
    NoteAnalyzers.with(glossary, null, tmp);
    assertNotNull(SynonymCache.load(tmp, key));
    Path file = tmp.resolve(io.notesearch.core.schema.IndexFolder.SYNONYM_CACHE);
    byte[] good = Files.readAllBytes(file);
    Files.write(file, java.util.Arrays.copyOf(good, good.length / 2));
    assertNull(SynonymCache.load(tmp, key), "half a file is a miss");
    NoteAnalyzers again = NoteAnalyzers.with(glossary, null, tmp);
    assertEquals(TokenTable.of(NoteAnalyzers.with(glossary, null).query(), "로드 밸런서"), TokenTable.of(again.query(), "로드 밸런서"));
    assertNotNull(SynonymCache.load(tmp, key), "replaced by a good one");
  }

  @Test
  void aFolderThatCannotBeWrittenOnlyCostsTime() throws Exception {
    Path missing = tmp.resolve("not-there");
    NoteAnalyzers analyzers = NoteAnalyzers.with(Glossary.builtIn(), null, missing);
    assertFalse(Files.exists(missing));
    assertFalse(TokenTable.terms(analyzers.query(), "로드 밸런서").isEmpty());
  }

  @Test
  void theKeyCoversTheAnonymousClassesThatBuildTheChains() throws Exception {
    // NoteAnalyzers builds its chains in anonymous classes: they must be part of the key.
    assertTrue(java.util.Arrays.stream(NoteAnalyzers.class.getNestMembers()).anyMatch(Class::isAnonymousClass));
  }
}
