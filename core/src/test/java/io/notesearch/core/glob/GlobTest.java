package io.notesearch.core.glob;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * gitignore patterns, case by case (gitignore(5)); the indexer's {@code IgnoreFilesTest} checks a
 * whole tree against git itself.
 */
class GlobTest {
  private static boolean file(String glob, String path) {
    return Glob.parse(glob).matches(path, false);
  }

  private static boolean folder(String glob, String path) {
    return Glob.parse(glob).matches(path, true);
  }

  @Test
  void namesMatchAtAnyDepthAndSlashesAnchor() {
    assertEquals(true, file("*.md", "a/b/c.md"));
    assertEquals(true, folder("drafts", "notes/drafts"));
    assertEquals(false, folder("/drafts", "notes/drafts"));
    assertEquals(true, folder("/drafts", "drafts"));
    assertEquals(true, file("doc/*.md", "doc/a.md"));
    assertEquals(false, file("doc/*.md", "x/doc/a.md"), "a middle slash anchors too");
    assertEquals(false, file("doc/*.md", "doc/sub/a.md"), "* stops at /");
  }

  @Test
  void doubleStarsClassesAndEscapes() {
    assertEquals(true, file("**/tmp/*.md", "tmp/a.md"));
    assertEquals(true, file("**/tmp/*.md", "x/y/tmp/a.md"));
    assertEquals(true, file("a/**/b.md", "a/b.md"));
    assertEquals(true, file("a/**/b.md", "a/x/y/b.md"));
    assertEquals(true, file("a/**", "a/x/y/b.md"));
    assertEquals(false, file("a/**", "a"));
    assertEquals(true, file("log[0-9].md", "log7.md"));
    assertEquals(false, file("log[!0-9].md", "log7.md"));
    assertEquals(true, file("log?.md", "logx.md"));
    assertEquals(false, file("log?.md", "log/.md"));
    assertEquals(true, file("\\#a.md", "#a.md"));
    assertEquals(true, file("\\!a.md", "!a.md"));
    assertEquals(true, file("a\\ ", "a "), "an escaped trailing space stays");
    assertEquals(true, file("a.md   ", "a.md"), "trailing spaces go");
  }

  @Test
  void linesThatAreNotPatterns() {
    assertNull(Glob.parse(""));
    assertNull(Glob.parse("   "));
    assertNull(Glob.parse("# a comment"));
    assertEquals(true, Glob.parse("!keep.md").negated());
    assertEquals(false, file("build/", "build"), "a trailing slash matches folders only");
    assertEquals(true, folder("build/", "build"));
  }

  @Test
  void rulesAndSearchGlobs() {
    IgnoreRules rules = IgnoreRules.parse("*.draft.md\n!keep.draft.md\n");
    assertEquals(IgnoreRules.Decision.IGNORE, rules.decide("x.draft.md", false));
    assertEquals(IgnoreRules.Decision.KEEP, rules.decide("keep.draft.md", false));
    assertEquals(IgnoreRules.Decision.NONE, rules.decide("x.md", false));

    PathGlobs only = PathGlobs.of(List.of("aws/**", "!aws/drafts"));
    assertEquals(true, only.keeps("aws/ec2.md"));
    assertEquals(false, only.keeps("aws/drafts/ec2.md"), "a folder left out leaves out what is in it");
    assertEquals(false, only.keeps("gcp/gce.md"), "with a keeping glob, a path must match one");
    PathGlobs without = PathGlobs.of(List.of("!*.draft.md"));
    assertEquals(true, without.keeps("a/x.md"));
    assertEquals(false, without.keeps("a/x.draft.md"));
    assertEquals(true, PathGlobs.of(List.of("!*.md", "keep.md")).keeps("keep.md"), "the last glob that matches decides");
  }
}
