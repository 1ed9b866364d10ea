package io.notesearch.server;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

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

/** A note page shows the images its note links by a relative path (QA: they were 404), and nothing else. */
class NoteImagesTest {
  @TempDir Path tmp;

  @Test
  void imagesBesideTheNotesAreServedAndNothingOutside() throws Exception {
    Path notes = Files.createDirectories(tmp.resolve("notes/aws"));
    Files.writeString(notes.resolve("vpc.md"), "# VPC\n\n![구성도](images/vpc.png)\n", StandardCharsets.UTF_8);
    byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 0};
    Files.write(Files.createDirectories(notes.resolve("images")).resolve("vpc.png"), png);
    Path outside = Files.write(tmp.resolve("secret.png"), png);
    Path index = tmp.resolve("index");
    try (NoteIndexer indexer = NoteIndexer.open(index)) {
      indexer.index(List.of(tmp.resolve("notes")), IndexMode.DEFAULT);
    }
    HttpClient client = HttpClient.newHttpClient();
    try (NoteSearcher searcher = NoteSearcher.open(index);
        NoteServer server = NoteServer.start(ServerConfig.loopback(0), searcher, line -> { })) {
      String base = "http://127.0.0.1:" + server.port() + "/notes";
      HttpResponse<byte[]> image = client.send(HttpRequest.newBuilder(URI.create(base + notes.resolve("images/vpc.png"))).build(),
          HttpResponse.BodyHandlers.ofByteArray());
      assertEquals(200, image.statusCode());
      assertEquals("image/png", image.headers().firstValue("Content-Type").orElseThrow());
      assertArrayEquals(png, image.body());
      for (String path : List.of(outside.toString(), notes.resolve("images/none.png").toString(),
          notes.resolve("../../secret.png").toString())) {
        HttpResponse<String> refused = client.send(HttpRequest.newBuilder(URI.create(base + path)).build(),
            HttpResponse.BodyHandlers.ofString());
        assertEquals(404, refused.statusCode(), path);
      }
    }
  }
}
