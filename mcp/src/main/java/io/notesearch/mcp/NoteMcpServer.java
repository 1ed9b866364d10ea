package io.notesearch.mcp;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.modelcontextprotocol.json.jackson2.JacksonMcpJsonMapper;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpServerFeatures.SyncToolSpecification;
import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.server.transport.StdioServerTransportProvider;
import io.modelcontextprotocol.spec.McpSchema;
import io.notesearch.core.Hit;
import io.notesearch.core.NoteIndexException;
import io.notesearch.core.SearchRequest;
import io.notesearch.core.SearchResult;
import io.notesearch.core.Synonyms;
import io.notesearch.core.UserFiles;
import io.notesearch.indexer.NoteSource;
import io.notesearch.indexer.SectionSource;
import io.notesearch.searcher.NoteSearcher;
import io.notesearch.server.HitJson;
import io.notesearch.server.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;

/**
 * notesearch for AI assistants: a Model Context Protocol server over stdio, serving one index with
 * three tools, {@code search_notes}, {@code read_section} and {@code related_sections}.
 *
 * <p>Every tool answers: a bad argument, a note outside the index or a missing index is a tool
 * result with {@code isError} and one sentence the assistant can act on, never a dead server. The
 * index is opened at the first call and searched at its latest commit, so re-indexing by another
 * process is seen. Standard output carries the protocol only.
 */
public final class NoteMcpServer {
  /** The server's instructions to the assistant: when to call which tool. */
  static final String INSTRUCTIONS = """
      The user's own Markdown notes (Korean and English), indexed by section. Call search_notes with \
      the user's words (Korean, English or both, as they would write them) to find sections; then \
      read_section with a hit's path and anchor to read the section's Markdown before answering, and \
      related_sections to find more on the same subject. Cite a hit as path:line.""";

  private final Path index;
  private final UserFiles files;
  private final NoteSource source = new NoteSource();
  private NoteSearcher searcher;

  private NoteMcpServer(Path index, UserFiles files) {
    this.index = index;
    this.files = files;
  }

  /**
   * Serves an index over the given streams until the input ends (the client closed it).
   *
   * @param index the index folder (need not exist yet: tools then say how to make it)
   * @param files the user's glossary and dictionary, as searches use them
   * @param version the version the server reports
   * @param in the protocol's input (standard input)
   * @param out the protocol's output (standard output): nothing else may write to it
   * @throws InterruptedException when interrupted while serving
   */
  public static void serve(Path index, UserFiles files, String version, InputStream in, OutputStream out) throws InterruptedException {
    NoteMcpServer tools = new NoteMcpServer(index, files);
    JacksonMcpJsonMapper json = new JacksonMcpJsonMapper(new ObjectMapper());
    CountDownLatch closed = new CountDownLatch(1);
    // The transport reads until end of input; the latch ends serving then, whatever thread sees it.
    InputStream watched = new java.io.FilterInputStream(in) {
      @Override
      public int read() throws IOException {
        int b = super.read();
        if (b < 0) {
          closed.countDown();
        }
        return b;
      }

      @Override
      public int read(byte[] buf, int off, int len) throws IOException {
        int n = super.read(buf, off, len);
        if (n < 0) {
          closed.countDown();
        }
        return n;
      }
    };
    McpSyncServer server = McpServer.sync(new StdioServerTransportProvider(json, watched, out))
        .serverInfo("notesearch", version)
        .instructions(INSTRUCTIONS)
        .capabilities(McpSchema.ServerCapabilities.builder().tools(false).build())
        .tools(tools.specifications(json))
        .build();
    try {
      closed.await();
    } finally {
      server.closeGracefully();
      tools.close();
    }
  }

  private List<SyncToolSpecification> specifications(JacksonMcpJsonMapper json) {
    return List.of(
        tool(json, "search_notes", "Search the user's notes",
            "Finds the sections of the user's Markdown notes that match the words, best first. Korean and English "
                + "words find each other (람다 finds Lambda), particles and typos are handled. Returns each hit's "
                + "path, line, title, headings, anchor, score, snippet (matched words in **), tags, categories and date.",
            Schemas.SEARCH, this::search),
        tool(json, "read_section", "Read a section of a note",
            "The Markdown of one section of a note, as the file has it, with its heading path: name it by a hit's "
                + "path and anchor (\"\" for the text before the first heading), or by path and line. Only notes of "
                + "the index can be read.",
            Schemas.READ, this::read),
        tool(json, "related_sections", "Sections like a given one",
            "The sections most like a given section (its rarer words weighed most), best first, the section itself "
                + "left out: name it by a hit's path and anchor.",
            Schemas.RELATED, this::related));
  }

  private interface Call {
    String answer(Map<String, Object> arguments) throws Exception;
  }

  private static SyncToolSpecification tool(JacksonMcpJsonMapper json, String name, String title, String description,
      String schema, Call call) {
    McpSchema.Tool tool = McpSchema.Tool.builder().name(name).title(title).description(description)
        .inputSchema(json, schema).build();
    return new SyncToolSpecification(tool, (exchange, request) -> {
      try {
        String text = call.answer(request.arguments() == null ? Map.of() : request.arguments());
        return McpSchema.CallToolResult.builder().addTextContent(text).isError(false).build();
      } catch (ToolError | NoteIndexException | IllegalArgumentException e) {
        return error(e.getMessage());
      } catch (Exception e) {
        return error("internal error (" + e + ")");
      }
    });
  }

  private static McpSchema.CallToolResult error(String message) {
    return McpSchema.CallToolResult.builder().addTextContent(message).isError(true).build();
  }

  /** A bad argument, said to the assistant in one sentence. */
  static final class ToolError extends Exception {
    private static final long serialVersionUID = 1L;

    ToolError(String message) {
      super(message);
    }
  }

  private synchronized NoteSearcher searcher() throws NoteIndexException {
    if (searcher == null) {
      try {
        searcher = NoteSearcher.open(index, files, Synonyms.DEFAULT);
      } catch (NoteIndexException e) {
        if (e.reason() == NoteIndexException.Reason.MISSING) {
          throw new NoteIndexException(e.reason(), "no index at [" + index + "] yet: the user can make it with `notesearch index "
              + "NOTES_FOLDER`", e);
        }
        throw e;
      }
    }
    return searcher;
  }

  private synchronized void close() {
    if (searcher != null) {
      try {
        searcher.close();
      } catch (IOException e) {
        // Ending anyway.
      }
    }
  }

  private String search(Map<String, Object> args) throws Exception {
    SearchRequest request = SearchRequest.of(string(args, "query", true)).withLimit(integer(args, "limit", 10, 1, 50));
    for (String tag : strings(args, "tags")) {
      request = request.withTag(tag);
    }
    String category = string(args, "category", false);
    if (!category.isEmpty()) {
      request = request.withCategory(category);
    }
    LocalDate from = date(args, "from");
    LocalDate to = date(args, "to");
    if (from != null || to != null) {
      request = request.withDates(from, to);
    }
    if (Boolean.TRUE.equals(args.get("drafts"))) {
      request = request.withDrafts(true);
    }
    SearchResult result = searcher().search(request);
    List<String> hits = new ArrayList<>();
    for (Hit h : result.hits()) {
      hits.add(HitJson.hit(h));
    }
    String searched = result.rewrite().reason() == SearchResult.Reason.NONE ? null : result.rewrite().query();
    return "{\"hits\":[" + String.join(",", hits) + "],\"total\":" + result.total()
        + (searched == null ? "" : ",\"searched_instead\":" + Json.quote(searched)) + "}";
  }

  private String read(Map<String, Object> args) throws Exception {
    Path note = note(string(args, "path", true));
    Object line = args.get("line");
    Optional<SectionSource> section;
    if (line != null) {
      section = source.atLine(note, integer(args, "line", 1, 1, Integer.MAX_VALUE));
    } else {
      section = source.byAnchor(note, string(args, "anchor", false));
    }
    return HitJson.section(section.orElseThrow(() -> new ToolError("no such section in [" + note + "]; its anchors: "
        + anchors(note))));
  }

  private String anchors(Path note) {
    try {
      return String.join(", ", source.sections(note).stream().map(s -> s.anchor().isEmpty() ? "\"\"" : s.anchor()).toList());
    } catch (IOException e) {
      return "(unreadable: " + e.getMessage() + ")";
    }
  }

  private String related(Map<String, Object> args) throws Exception {
    Path note = note(string(args, "path", true));
    List<Hit> hits = searcher().related(note.toString(), string(args, "anchor", false), integer(args, "limit", 10, 1, 50));
    List<String> out = new ArrayList<>();
    for (Hit h : hits) {
      out.add(HitJson.hit(h));
    }
    return "{\"hits\":[" + String.join(",", out) + "]}";
  }

  /**
   * A note of the index, however its path is spelled: {@code ..}, {@code .} and doubled slashes are
   * resolved first, and only a path that the index holds is read.
   */
  private Path note(String path) throws ToolError, NoteIndexException {
    Path p;
    try {
      p = Path.of(path);
    } catch (java.nio.file.InvalidPathException e) {
      throw new ToolError("not a path: [" + path + "]");
    }
    if (!p.isAbsolute()) {
      throw new ToolError("give the note's absolute path, as search_notes returns it: [" + path + "]");
    }
    String normal = p.normalize().toString();
    // notes() is sorted: a binary search, not a walk of every path of a large index.
    if (java.util.Collections.binarySearch(searcher().notes(), normal) < 0) {
      throw new ToolError("[" + path + "] is not a note of this index; only the paths search_notes returns can be read");
    }
    return Path.of(normal);
  }

  private static String string(Map<String, Object> args, String key, boolean required) throws ToolError {
    Object v = args.get(key);
    if (v == null || (v instanceof String s && s.isBlank() && required)) {
      if (required) {
        throw new ToolError("missing argument [" + key + "]");
      }
      return "";
    }
    if (!(v instanceof String s)) {
      throw new ToolError("argument [" + key + "] must be a string, got " + v);
    }
    return s;
  }

  private static int integer(Map<String, Object> args, String key, int fallback, int min, int max) throws ToolError {
    Object v = args.get(key);
    if (v == null) {
      return fallback;
    }
    if (!(v instanceof Number n) || n.doubleValue() != Math.rint(n.doubleValue())) {
      throw new ToolError("argument [" + key + "] must be a whole number, got " + v);
    }
    long value = n.longValue();
    if (value < min || value > max) {
      throw new ToolError("argument [" + key + "] must be " + min + ".." + max + ", got " + value);
    }
    return (int) value;
  }

  private static List<String> strings(Map<String, Object> args, String key) throws ToolError {
    Object v = args.get(key);
    if (v == null) {
      return List.of();
    }
    if (!(v instanceof List<?> list) || list.stream().anyMatch(x -> !(x instanceof String))) {
      throw new ToolError("argument [" + key + "] must be a list of strings, got " + v);
    }
    return list.stream().map(String.class::cast).toList();
  }

  private static LocalDate date(Map<String, Object> args, String key) throws ToolError {
    String s = string(args, key, false);
    if (s.isEmpty()) {
      return null;
    }
    try {
      return LocalDate.parse(s);
    } catch (DateTimeParseException e) {
      throw new ToolError("argument [" + key + "] must be a date as YYYY-MM-DD, got [" + s + "]");
    }
  }
}
