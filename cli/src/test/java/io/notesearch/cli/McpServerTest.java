package io.notesearch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.ServerParameters;
import io.modelcontextprotocol.client.transport.StdioClientTransport;
import io.modelcontextprotocol.json.jackson2.JacksonMcpJsonMapper;
import io.modelcontextprotocol.spec.McpSchema;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code notesearch mcp} as a real process, driven by the MCP Java SDK's own client over stdio: the
 * handshake, the tools an assistant sees, each tool called, bad calls and attempts to read outside
 * the index answered as tool errors, and re-indexing by another process seen.
 */
class McpServerTest {
  @TempDir Path tmp;

  private McpSyncClient client(Path index) {
    List<String> args = new ArrayList<>(List.of("--enable-native-access=ALL-UNNAMED", "-cp", IndexingLifecycleTest.classPath(),
        Main.class.getName(), "mcp", "--index", index.toString()));
    ServerParameters params = ServerParameters.builder(ProcessHandle.current().info().command().orElse("java")).args(args).build();
    McpSyncClient client = McpClient.sync(new StdioClientTransport(params, new JacksonMcpJsonMapper(new ObjectMapper())))
        .requestTimeout(Duration.ofSeconds(60)).initializationTimeout(Duration.ofSeconds(60)).build();
    client.initialize();
    return client;
  }

  private static McpSchema.CallToolResult call(McpSyncClient client, String tool, Map<String, Object> arguments) {
    return client.callTool(new McpSchema.CallToolRequest(tool, arguments));
  }

  private static String text(McpSchema.CallToolResult result) {
    return ((McpSchema.TextContent) result.content().getFirst()).text();
  }

  @Test
  void anAssistantSearchesReadsAndFollows() throws Exception {
    Path index = tmp.resolve("index");
    assertEquals(0, CliRun.of("index", "-q", "--index", index.toString(), CliEndToEndTest.NOTES.toString()).code());
    McpSyncClient client = client(index);
    try {
      List<McpSchema.Tool> tools = client.listTools().tools();
      assertEquals(List.of("search_notes", "read_section", "related_sections"), tools.stream().map(McpSchema.Tool::name).toList());
      for (McpSchema.Tool tool : tools) {
        assertTrue(tool.description().length() > 60, "an assistant needs to know when to call " + tool.name());
        assertTrue(((List<?>) tool.inputSchema().get("required")).contains(tool.name().equals("search_notes") ? "query" : "path"), tool.toString());
      }

      McpSchema.CallToolResult found = call(client, "search_notes", Map.of("query", "람다 콜드 스타트", "limit", 3));
      assertFalse(Boolean.TRUE.equals(found.isError()), text(found));
      String hits = text(found);
      assertTrue(hits.startsWith("{\"hits\":[{\"path\":\"") && hits.contains("aws-lambda-cold-start.md"), hits);
      for (String key : List.of("\"line\":", "\"headings\":", "\"anchor\":", "\"snippet\":", "\"score\":")) {
        assertTrue(hits.contains(key), key + " in " + hits);
      }
      String path = field(hits, "path");
      String anchor = field(hits, "anchor");

      McpSchema.CallToolResult section = call(client, "read_section", Map.of("path", path, "anchor", anchor));
      assertFalse(Boolean.TRUE.equals(section.isError()), text(section));
      String markdown = field(text(section), "markdown");
      assertTrue(markdown.startsWith("#"), "the section's Markdown, from its heading: " + text(section));
      int line = Integer.parseInt(field(text(section), "line"));
      assertEquals(text(section), text(call(client, "read_section", Map.of("path", path, "line", line + 1))), "by line too");

      McpSchema.CallToolResult related = call(client, "related_sections", Map.of("path", path, "anchor", anchor, "limit", 3));
      assertFalse(Boolean.TRUE.equals(related.isError()), text(related));
      assertTrue(text(related).startsWith("{\"hits\":[{\"path\":"), text(related));

      // Bad calls are tool errors the assistant can read; the server stays up.
      // (The SDK checks arguments against the tool's schema first; notesearch checks what it cannot.)
      assertError(call(client, "search_notes", Map.of()), "query");
      assertError(call(client, "search_notes", Map.of("query", "람다", "limit", 500)), "limit");
      assertError(call(client, "search_notes", Map.of("query", "람다", "from", "yesterday")), "from");
      assertError(call(client, "search_notes", Map.of("query", "   ")), "query");
      assertError(call(client, "read_section", Map.of("path", path, "anchor", "no-such-section")), anchor);
      // Nothing outside the index, however the path is spelled.
      Path notes = CliEndToEndTest.NOTES.toAbsolutePath().normalize();
      Path secret = Files.writeString(tmp.resolve("secret.md"), "# 비밀\n\n읽히면 안 된다.\n", StandardCharsets.UTF_8);
      for (String outside : List.of("/etc/passwd", secret.toString(), notes + "/../../pom.xml", notes + "/aws/../../../pom.xml",
          notes + "/aws/..//../../README.md", "aws/aws-lambda-cold-start.md", "../etc/passwd")) {
        McpSchema.CallToolResult r = call(client, "read_section", Map.of("path", outside));
        assertTrue(Boolean.TRUE.equals(r.isError()), outside + " was read: " + text(r));
        assertFalse(text(r).contains("읽히면") || text(r).contains("root:"), text(r));
      }
      // A note of the index spelled with dot segments is the same note.
      McpSchema.CallToolResult dotted = call(client, "read_section", Map.of("path", Path.of(path).getParent() + "/./../"
          + Path.of(path).getParent().getFileName() + "/" + Path.of(path).getFileName(), "anchor", anchor));
      assertFalse(Boolean.TRUE.equals(dotted.isError()), text(dotted));

      // Another process re-indexes: the next search sees the new note.
      Path more = Files.createDirectories(tmp.resolve("more"));
      Files.writeString(more.resolve("zanzibar.md"), "# 잔지바르 메모\n\nzanzibarword 라는 낱말은 여기에만 있다.\n", StandardCharsets.UTF_8);
      assertTrue(text(call(client, "search_notes", Map.of("query", "zanzibarword"))).startsWith("{\"hits\":[]"));
      assertEquals(0, CliRun.of("index", "-q", "--index", index.toString(), more.toString()).code());
      assertTrue(text(call(client, "search_notes", Map.of("query", "zanzibarword"))).contains("zanzibar.md"), "re-indexing is seen");
    } finally {
      client.closeGracefully();
    }
  }

  @Test
  void withoutAnIndexToolsSayHowToMakeOne() {
    McpSyncClient client = client(tmp.resolve("none"));
    try {
      McpSchema.CallToolResult r = call(client, "search_notes", Map.of("query", "람다"));
      assertError(r, "notesearch index");
      assertEquals(3, client.listTools().tools().size(), "still serving");
    } finally {
      client.closeGracefully();
    }
  }

  private static void assertError(McpSchema.CallToolResult result, String says) {
    assertTrue(Boolean.TRUE.equals(result.isError()), "an error: " + text(result));
    assertTrue(text(result).contains(says), says + " in " + text(result));
    assertEquals(1, text(result).lines().count(), "one line: " + text(result));
  }

  /** A top-level string or number of a JSON object (enough for paths, anchors, lines and Markdown). */
  private static String field(String json, String key) throws Exception {
    Object v = new ObjectMapper().readTree(json).findValue(key);
    com.fasterxml.jackson.databind.JsonNode node = (com.fasterxml.jackson.databind.JsonNode) v;
    return node.isTextual() ? node.textValue() : node.toString();
  }
}
