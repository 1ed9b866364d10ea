package io.notesearch.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.notesearch.indexer.IndexMode;
import io.notesearch.indexer.NoteIndexer;
import io.notesearch.searcher.NoteSearcher;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A note's page lists, under the note, the sections of other notes that link to it. */
class NoteBacklinksTest {
  @TempDir Path tmp;

  @Test
  void theNotePageListsItsBacklinks() throws Exception {
    Path notes = Files.createDirectories(tmp.resolve("notes"));
    Files.writeString(notes.resolve("git.md"), "# Git 기초\n\n브랜치.\n", StandardCharsets.UTF_8);
    Files.writeString(notes.resolve("work log.md"), "# 작업 일지\n\n## 3월\n\n[[git|깃]] 브랜치를 정리했다.\n", StandardCharsets.UTF_8);
    Path index = tmp.resolve("index");
    try (NoteIndexer indexer = NoteIndexer.open(index)) {
      indexer.index(List.of(notes), IndexMode.DEFAULT);
    }
    HttpClient client = HttpClient.newHttpClient();
    try (NoteSearcher searcher = NoteSearcher.open(index);
        NoteServer server = NoteServer.start(ServerConfig.loopback(0), searcher, line -> { })) {
      String base = "http://127.0.0.1:" + server.port() + "/notes";
      String git = client.send(HttpRequest.newBuilder(URI.create(base + notes.resolve("git.md"))).build(),
          HttpResponse.BodyHandlers.ofString()).body();
      assertTrue(git.contains("<section class=\"backlinks\"><h2>Linked from</h2>"), git);
      assertTrue(git.contains("작업 일지 › 3월</a>"), git);
      assertTrue(git.contains("href=\"/notes" + notes.resolve("work%20log.md").toString() + "#3%EC%9B%94\""), git);
      HttpResponse<String> log = client.send(
          HttpRequest.newBuilder(URI.create(base + notes.toString() + "/work%20log.md")).build(), HttpResponse.BodyHandlers.ofString());
      assertEquals(200, log.statusCode());
      assertFalse(log.body().contains("class=\"backlinks\""), "nothing links to the log");
    }
  }
}
