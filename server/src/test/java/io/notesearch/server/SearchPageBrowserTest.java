package io.notesearch.server;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.notesearch.searcher.NoteSearcher;
import io.notesearch.server.NoteServer;
import io.notesearch.server.ServerConfig;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The search page in a real browser: headless Chromium loads it from the server over the bundled
 * notes and the test reads the DOM its scripts built. Screenshots are kept in {@code cli/target}.
 *
 * <p>Typing through a real Korean IME is not possible headless; the composition handling is checked
 * by a test page that sends the events an IME sends to the page's own {@code watchQuery}.
 */
class SearchPageBrowserTest {
  private static final Path TARGET = Path.of(System.getProperty("notesearch.target", "target"));
  private static final Path LAMBDA_NOTE = CorpusIndex.NOTES.resolve("aws/aws-lambda-cold-start.md");

  @TempDir static Path tmp;
  static NoteSearcher searcher;
  static NoteServer server;
  static Chromium chromium;

  @BeforeAll
  static void start() throws IOException {
    if (!Chromium.installed() && System.getenv("NOTESEARCH_REQUIRE_BROWSER") != null) {
      throw new IllegalStateException("no Chromium at " + Chromium.BINARY + ", and NOTESEARCH_REQUIRE_BROWSER is set (CI)");
    }
    Assumptions.assumeTrue(Chromium.installed(),
        "skipped: no Chromium at " + Chromium.BINARY + " (apt-get install chromium; .ci/run installs it)");
    searcher = NoteSearcher.open(CorpusIndex.get());
    server = NoteServer.start(ServerConfig.loopback(0), searcher, line -> { });
    chromium = new Chromium(tmp);
  }

  @AfterAll
  static void stop() throws IOException {
    if (server != null) {
      server.close();
      searcher.close();
    }
  }

  private static String url(String pathAndQuery) {
    return "http://127.0.0.1:" + server.port() + pathAndQuery;
  }

  private static String q(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8);
  }

  /** The start tags of the result items, in order. */
  private static List<String> hits(String dom) {
    List<String> out = new ArrayList<>();
    Matcher m = Pattern.compile("<li class=\"hit\"[^>]*>").matcher(dom);
    while (m.find()) {
      out.add(m.group());
    }
    return out;
  }

  @Test
  void aKoreanQueryInTheUrlIsSearchedAndTheFirstHitIsTheLambdaNote() throws Exception {
    String dom = chromium.dumpDom(url("/?q=%EB%9E%8C%EB%8B%A4"));
    List<String> hits = hits(dom);
    assertTrue(hits.size() >= 10, dom);
    assertTrue(hits.getFirst().contains("data-path=\"" + LAMBDA_NOTE + "\""), hits.getFirst());
    assertTrue(hits.getFirst().contains("aria-selected=\"true\""), "the first hit is selected: " + hits.getFirst());
    assertTrue(dom.contains("<span class=\"title\">람다 콜드 스타트와 동시성 정리</span>"), dom);
    assertTrue(dom.contains("<mark>람다</mark>"), "snippets are marked: " + dom);
    assertTrue(dom.contains("value=\"람다\"") || dom.contains("aria-activedescendant=\"notesearch-hit-0\""), dom);
    assertTrue(dom.matches("(?s).*<p id=\"notesearch-status\"[^>]*>\\d+ sections · [0-9.]+ ms</p>.*"), "status line: " + dom);
    assertTrue(dom.contains("data-kind=\"tag\" data-value=\"lambda\""), "tag chips from the facets: " + dom);
    assertTrue(dom.contains("href=\"/notes" + LAMBDA_NOTE + "#"), "hits link to note pages: " + dom);

    Path png = TARGET.resolve("search-page.png");
    chromium.screenshot(url("/?q=%EB%9E%8C%EB%8B%A4"), png, 1200, 900);
    assertPng(png);
  }

  /** A word still being typed is completed, and the status line says what was searched. */
  @Test
  void anUnfinishedWordIsCompletedAndTheStatusSaysSo() throws Exception {
    String dom = chromium.dumpDom(url("/?q=" + q("람다 콜")));
    assertTrue(dom.matches("(?s).*<p id=\"notesearch-status\"[^>]*>words starting with the last one: \\[람다 콜\\*\\] · \\d+ sections.*"),
        "status line: " + dom);
    assertTrue(hits(dom).getFirst().contains("data-path=\"" + LAMBDA_NOTE + "\""), hits(dom).getFirst());
  }

  @Test
  void aTagInTheUrlFiltersAndItsChipIsPressed() throws Exception {
    String dom = chromium.dumpDom(url("/?q=" + q("콜드 스타트") + "&tag=performance"));
    assertTrue(dom.contains("aria-pressed=\"true\" data-kind=\"tag\" data-value=\"performance\""), dom);
    List<String> hits = hits(dom);
    assertTrue(!hits.isEmpty(), dom);
    int withTag = dom.split("<span class=\"tag\">#Performance</span>", -1).length - 1;
    assertEquals(hits.size(), withTag, "every hit has the tag: " + dom);
  }

  @Test
  void theNotePageOpensAtTheSectionAndHighlightsIt() throws Exception {
    String page = url("/notes" + LAMBDA_NOTE + "#" + q("동시성-한도"));
    String dom = chromium.dumpDom(page);
    assertTrue(dom.contains("<h3 id=\"동시성-한도\" data-section=\"\" class=\"section-hit\">"), dom);
    assertTrue(dom.contains("<p class=\"section-hit\">동시성은 "), "the section's text is highlighted too: " + dom);
    assertTrue(dom.contains("<h3 id=\"vpc에-연결한-람다는-더-느릴까\" data-section=\"\">"), "the next section is not: " + dom);
    // QA: the sticky header hid the heading an anchor scrolled to; the target now stops below it.
    Matcher padding = Pattern.compile("<html[^>]* style=\"scroll-padding-top: (\\d+)px;\"").matcher(dom);
    assertTrue(padding.find() && Integer.parseInt(padding.group(1)) > 20, "scroll padding of the header's height: " + dom.substring(0, 300));

    Path png = TARGET.resolve("note-page.png");
    chromium.screenshot(page, png, 1200, 1400);
    assertPng(png);
  }

  @Test
  void compositionInputIsIgnoredUntilCompositionEndAndPlainTypingIsDebounced() throws Exception {
    String html;
    try (InputStream in = SearchPageBrowserTest.class.getResourceAsStream("composition-test.html")) {
      html = new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("@ORIGIN@", url(""));
    }
    Path page = tmp.resolve("composition-test.html");
    Files.writeString(page, html, StandardCharsets.UTF_8);
    String dom = chromium.dumpDom(page.toUri().toString());
    Matcher log = Pattern.compile("(?s)<pre id=\"log\">(.*?)</pre>").matcher(dom);
    assertTrue(log.find(), dom);
    String expected = """
        while composing: []
        at compositionend: ["람"]
        input after compositionend: ["람"]
        second syllable: ["람","람다"]
        plain typing, 50 ms on: ["람","람다"]
        plain typing, 350 ms on: ["람","람다","람다 col"]
        isComposing input without compositionstart: ["람","람다","람다 col"]
        snippet: f(**kwargs) 와 &lt;mark&gt;람다&lt;/mark&gt; 함수, &lt;mark&gt;Lambda&lt;/mark&gt;
        note url: /notes/notes%20dir/%EB%9E%8C%EB%8B%A4.md#%EC%BD%9C%EB%93%9C-%EC%8A%A4%ED%83%80%ED%8A%B8
        done
        """;
    assertEquals(expected, log.group(1));
  }

  private static void assertPng(Path png) throws IOException {
    byte[] bytes = Files.readAllBytes(png);
    assertTrue(bytes.length > 10_000, "a real picture, not an empty page: " + bytes.length + " bytes");
    assertArrayEquals(new byte[] {(byte) 0x89, 'P', 'N', 'G'}, Arrays.copyOf(bytes, 4));
  }

  /** QA: the page's breadcrumb read "Docker › Docker" for a note titled by its own first heading. */
  @Test
  void theTitleIsShownOnceWhenTheFirstHeadingRepeatsIt() throws Exception {
    Path notes = java.nio.file.Files.createDirectories(tmp.resolve("crumb-notes"));
    java.nio.file.Files.writeString(notes.resolve("docker.md"), "# Docker\n\n## 이미지\n\ndocker 이미지는 레이어로 만든다.\n",
        StandardCharsets.UTF_8);
    Path index = tmp.resolve("crumb-index");
    try (io.notesearch.indexer.NoteIndexer indexer = io.notesearch.indexer.NoteIndexer.open(index)) {
      indexer.index(List.of(notes), io.notesearch.indexer.IndexMode.DEFAULT);
    }
    try (NoteSearcher own = NoteSearcher.open(index);
        NoteServer page = NoteServer.start(ServerConfig.loopback(0), own, line -> { })) {
      String dom = chromium.dumpDom("http://127.0.0.1:" + page.port() + "/?q=" + q("docker 이미지"));
      assertTrue(dom.contains("<span class=\"title\">Docker</span><span class=\"sep\"> › </span><span class=\"heading\">이미지</span>"),
          dom);
      assertFalse(dom.contains("<span class=\"heading\">Docker</span>"), "the title twice: " + dom);
    }
  }
}
