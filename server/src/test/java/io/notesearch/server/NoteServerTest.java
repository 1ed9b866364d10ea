package io.notesearch.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.notesearch.indexer.IndexMode;
import io.notesearch.indexer.NoteIndexer;
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
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The HTTP server on a free loopback port over the bundled notes: answers, errors, and what it refuses. */
class NoteServerTest {
  static NoteSearcher searcher;
  static NoteServer server;
  static final List<String> LOG = new CopyOnWriteArrayList<>();

  @BeforeAll
  static void start() throws IOException {
    searcher = NoteSearcher.open(CorpusIndex.get());
    server = NoteServer.start(ServerConfig.loopback(0), searcher, LOG::add);
  }

  @AfterAll
  static void stop() throws IOException {
    server.close();
    searcher.close();
  }

  private static Http get(String pathAndQuery) throws IOException, InterruptedException {
    return Http.get(server.port(), pathAndQuery);
  }

  private static String q(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8);
  }

  private static List<String> keys(String json) {
    List<String> out = new ArrayList<>();
    Matcher m = Pattern.compile("(?<=^\\{|,)\"(\\w+)\":").matcher(json);
    while (m.find()) {
      out.add(m.group(1));
    }
    return out;
  }

  /** The top-level keys of a JSON object whose values may nest: skips over nested objects and arrays. */
  private static List<String> topKeys(String json) {
    List<String> out = new ArrayList<>();
    int depth = 0;
    boolean inString = false;
    for (int i = 0; i < json.length(); i++) {
      char c = json.charAt(i);
      if (inString) {
        if (c == '\\') {
          i++;
        } else if (c == '"') {
          inString = false;
        }
      } else if (c == '"') {
        if (depth == 1 && (json.charAt(i - 1) == '{' || json.charAt(i - 1) == ',')) {
          int end = json.indexOf('"', i + 1);
          out.add(json.substring(i + 1, end));
          i = end;
        } else {
          inString = true;
        }
      } else if (c == '{' || c == '[') {
        depth++;
      } else if (c == '}' || c == ']') {
        depth--;
      }
    }
    return out;
  }

  private static void assertError(Http r, int status, String contains) {
    assertEquals(status, r.status(), r.body());
    assertEquals("application/json; charset=utf-8", r.header("Content-Type"));
    assertEquals(List.of("error"), keys(r.body()), r.body());
    assertTrue(r.body().contains(contains), r.body());
    assertFalse(r.body().contains("\\n") || r.body().contains("\n"), "one line: " + r.body());
  }

  @Test
  void searchAnswersHitsWithTotalTimeFacetsAndRewrite() throws Exception {
    Http r = get("/search?q=" + q("람다") + "&n=3");
    assertEquals(200, r.status(), r.body());
    assertEquals("application/json; charset=utf-8", r.header("Content-Type"));
    assertEquals(List.of("hits", "total", "took_ms", "facets", "rewrite"), topKeys(r.body()), r.body());
    assertTrue(r.body().startsWith("{\"hits\":[{\"path\":"), r.body());
    assertTrue(r.body().endsWith(",\"rewrite\":null}"), r.body());
    assertTrue(r.body().contains("\"facets\":{\"tags\":{\"aws\":"), r.body());
  }

  @Test
  void filtersNarrowTheHits() throws Exception {
    String all = get("/search?q=" + q("캐시") + "&n=100").body();
    String aws = get("/search?q=" + q("캐시") + "&n=100&category=AWS&tag=aws").body();
    String none = get("/search?q=" + q("캐시") + "&from=2099-01-01").body();
    assertTrue(total(aws) > 0 && total(aws) < total(all), total(aws) + " of " + total(all));
    assertFalse(aws.contains("\"category\":\"Web\""), aws);
    assertEquals(0, total(none), none);
    assertTrue(none.startsWith("{\"hits\":[],"), none);
  }

  private static long total(String json) {
    Matcher m = Pattern.compile(",\"total\":(\\d+),").matcher(json);
    assertTrue(m.find(), json);
    return Long.parseLong(m.group(1));
  }

  @Test
  void aRewrittenQuerySaysWhatWasSearched() throws Exception {
    Http r = get("/search?q=fkaek");
    assertEquals(200, r.status());
    assertTrue(r.body().endsWith(",\"rewrite\":{\"reason\":\"keyboard_layout\",\"query\":\"람다\"}}"), r.body());
    Http typing = get("/search?q=" + java.net.URLEncoder.encode("람다 콜", java.nio.charset.StandardCharsets.UTF_8));
    assertTrue(typing.body().endsWith(",\"rewrite\":{\"reason\":\"completion\",\"query\":\"람다 콜*\"}}"), typing.body());
  }

  @Test
  void badInputIs400WithOneLineNamingIt() throws Exception {
    assertError(get("/search"), 400, "missing query");
    assertError(get("/search?q=+"), 400, "missing query");
    assertError(get("/search?q=" + "a".repeat(1001)), 400, "query too long [1001 chars]; at most 1000");
    assertEquals(200, get("/search?q=" + "a".repeat(1000)).status(), "1000 chars is fine");
    assertError(get("/search?q=x&n=0"), 400, "n must be 1..100, got [0]");
    assertError(get("/search?q=x&n=101"), 400, "n must be 1..100, got [101]");
    assertError(get("/search?q=x&n=ten"), 400, "got [ten]");
    assertError(get("/search?q=x&from=2020-13-01"), 400, "bad date [from=2020-13-01]");
    assertError(get("/search?q=x&from=2021-01-01&to=2020-01-01"), 400, "date range is empty");
    assertError(get("/search?q=x&tga=aws"), 400, "unknown parameter [tga]");
    assertError(get("/search?q=a&q=b"), 400, "parameter [q] given 2 times");
    String badEscape = Http.raw(server.port(), "GET /search?q=%ZZ HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
    assertTrue(badEscape.startsWith("HTTP/1.1 400"), badEscape);
    assertError(get("/search?q=" + q("tga:aws 람다")), 400, "unknown field [tga]");
    assertError(get("/search?q=" + q("date:2020-13")), 400, "2020-13");
  }

  @Test
  void otherMethodsAre405AndUnknownPaths404() throws Exception {
    Http post = Http.send(server.port(), "POST", "/search?q=x");
    assertError(post, 405, "method [POST] not allowed");
    assertEquals("GET, HEAD", post.header("Allow"));
    assertError(Http.send(server.port(), "DELETE", "/notes/x.md"), 405, "DELETE");
    assertError(get("/nope"), 404, "no such page [/nope]");
    assertError(get("/searchx?q=a"), 404, "no such page");
    assertError(get("/static/app.js"), 404, "no such page");
    assertError(get("/health/x"), 404, "no such page");
  }

  @Test
  void healthCountsNotesAndSections() throws Exception {
    Http r = get("/health");
    assertEquals(200, r.status());
    long notes;
    try (var files = Files.walk(CorpusIndex.NOTES)) {
      notes = files.filter(p -> p.toString().endsWith(".md")).count();
    }
    assertTrue(r.body().matches("\\{\"status\":\"ok\",\"notes\":" + notes + ",\"sections\":\\d{3,}}"), r.body());
  }

  @Test
  void notePagesCarryTheHitAnchorsAsIds() throws Exception {
    String hits = get("/search?q=" + q("동시성 한도") + "&n=1").body();
    Matcher m = Pattern.compile("\"path\":\"([^\"]+)\".*?\"anchor\":\"([^\"]*)\"").matcher(hits);
    assertTrue(m.find(), hits);
    String path = m.group(1);
    String anchor = m.group(2);
    assertEquals("동시성-한도", anchor);
    StringBuilder url = new StringBuilder("/notes");
    for (String segment : path.substring(1).split("/")) {
      url.append('/').append(URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20"));
    }
    Http page = get(url.toString());
    assertEquals(200, page.status(), page.body());
    assertEquals("text/html; charset=utf-8", page.header("Content-Type"));
    assertTrue(page.body().contains("<h3 id=\"" + anchor + "\" data-section"), page.body());
    assertTrue(page.body().contains("<title>람다 콜드 스타트와 동시성 정리 · notesearch</title>"), page.body());
    assertTrue(page.header("Content-Security-Policy").contains("script-src 'self'"), "note HTML cannot run scripts");
  }

  @Test
  void notePathsOutsideTheIndexAre404() throws Exception {
    String notes = CorpusIndex.NOTES.toString();
    assertError(get("/notes" + notes + "/../../README.md"), 404, "'.' and '..' are not allowed");
    assertError(get("/notes" + notes + "/aws/%2E%2E/%2E%2E/README.md"), 404, "'.' and '..' are not allowed");
    assertError(get("/notes" + CorpusIndex.NOTES.getParent().getParent().resolve("README.md")), 404, "no indexed note");
    assertError(get("/notes/etc/passwd"), 404, "no indexed note [/etc/passwd]");
    assertError(get("/notes/"), 404, "no note named");
    assertError(get("/notes" + notes + "/aws"), 404, "no indexed note");
  }

  @Test
  void aNoteWhoseSymbolicLinkLeadsOutsideTheNotesFolderIs403(@TempDir Path tmp) throws Exception {
    Path notes = Files.createDirectories(tmp.resolve("notes"));
    Files.writeString(notes.resolve("inside.md"), "# 안쪽\n\n보이는 노트\n", StandardCharsets.UTF_8);
    Path secret = Files.createDirectories(tmp.resolve("outside")).resolve("secret.md");
    Files.writeString(secret, "# 비밀\n\n밖에 있는 노트\n", StandardCharsets.UTF_8);
    Files.createSymbolicLink(notes.resolve("link.md"), secret);
    Path index = tmp.resolve("index");
    try (NoteIndexer indexer = NoteIndexer.open(index)) {
      indexer.index(List.of(notes), IndexMode.FULL);
    }
    try (NoteSearcher s = NoteSearcher.open(index);
        NoteServer other = NoteServer.start(ServerConfig.loopback(0), s, LOG::add)) {
      assertEquals(List.of(notes.resolve("inside.md").toString(), notes.resolve("link.md").toString()), s.notes());
      assertEquals(200, Http.get(other.port(), "/notes" + notes.resolve("inside.md")).status());
      assertError(Http.get(other.port(), "/notes" + notes.resolve("link.md")), 403, "leads outside the notes folder");
    }
  }

  @Test
  void aForeignHostHeaderIsRefusedSoPagesElsewhereCannotRebindToUs() throws Exception {
    String answer = Http.raw(server.port(), "GET /health HTTP/1.1\r\nHost: evil.example:" + server.port() + "\r\nConnection: close\r\n\r\n");
    assertTrue(answer.startsWith("HTTP/1.1 403"), answer);
    assertTrue(answer.contains("unexpected Host [evil.example:"), answer);
    String local = Http.raw(server.port(), "GET /health HTTP/1.1\r\nHost: localhost:" + server.port() + "\r\nConnection: close\r\n\r\n");
    assertTrue(local.startsWith("HTTP/1.1 200"), local);
  }

  @Test
  void theSearchPageAndItsFilesComeFromThisServerOnly() throws Exception {
    Http page = get("/");
    assertEquals(200, page.status());
    assertEquals("text/html; charset=utf-8", page.header("Content-Type"));
    assertTrue(page.header("Content-Security-Policy").startsWith("default-src 'none'"), page.header("Content-Security-Policy"));
    assertTrue(page.body().contains("<script src=\"/static/search.js\"></script>"), page.body());
    for (String name : List.of("search.js", "note.js", "notesearch.css")) {
      Http file = get("/static/" + name);
      assertEquals(200, file.status(), name);
      assertFalse(file.body().matches("(?s).*(https?:)?//[a-z0-9.-]+\\.[a-z]{2,}/.*"), name + " refers to another site");
      assertFalse(file.body().contains("@import") || file.body().contains("url("), name + " loads nothing");
    }
    assertFalse(page.body().matches("(?s).*https?://.*"), "the page refers to no other site");
    Http head = Http.send(server.port(), "HEAD", "/");
    assertEquals(200, head.status());
    assertEquals("", head.body());
  }

  @Test
  void requestsRunOnTheNamedBoundedPool() throws Exception {
    assertEquals(200, get("/health").status());
    assertTrue(Thread.getAllStackTraces().keySet().stream().anyMatch(t -> t.getName().startsWith("notesearch-http-")));
    assertNull(LOG.stream().filter(l -> l.contains("internal error")).findFirst().orElse(null), LOG.toString());
  }

  @Test
  void staticFilesAreInTheJar() throws IOException {
    for (String name : List.of("index.html", "search.js", "note.js", "notesearch.css", "favicon.svg")) {
      try (InputStream in = NoteServer.class.getResourceAsStream("static/" + name)) {
        assertTrue(in != null && in.readAllBytes().length > 100, name);
      }
    }
  }
}
