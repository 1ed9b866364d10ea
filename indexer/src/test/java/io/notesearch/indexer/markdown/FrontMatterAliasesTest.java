package io.notesearch.indexer.markdown;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Obsidian's aliases: a list, or a string of names split at commas, each name whole. */
class FrontMatterAliasesTest {
  private static List<String> aliases(String frontMatter) {
    return new NoteParser().parse("---\n" + frontMatter + "\n---\n\n# 제목\n", Path.of("note.md")).aliases();
  }

  @Test
  void namesKeepTheirSpaces() {
    assertEquals(List.of("쿠버네티스 기초", "K8s 입문"), aliases("aliases: [쿠버네티스 기초, K8s 입문]"));
    assertEquals(List.of("쿠버네티스 기초", "K8s 입문"), aliases("aliases: 쿠버네티스 기초, K8s 입문"));
    assertEquals(List.of("kube"), aliases("alias: kube"));
    assertEquals(List.of(), aliases("title: 없음"));
  }
}
