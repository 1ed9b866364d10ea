package io.notesearch.cli;

import io.notesearch.core.Hit;
import io.notesearch.core.NoteIndexException;
import io.notesearch.core.SearchRequest;
import io.notesearch.core.SearchResult;
import io.notesearch.core.Synonyms;
import io.notesearch.core.schema.IndexFolder;
import io.notesearch.searcher.NoteSearcher;
import io.notesearch.server.Json;
import io.notesearch.solr.client.SolrBackend;
import io.notesearch.solr.client.SolrCollection;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code notesearch search QUERY...}: ranked matching sections. */
@Command(
    name = "search",
    mixinStandardHelpOptions = true,
    description = {
      "Search the index for sections matching QUERY (all words; any word when none has them all).",
      "Exit status: 0 hits, 1 no hits, 2 bad usage, 3 index missing or unreadable."
    })
final class SearchCommand implements Callable<Integer> {
  /** System property with the bundled sample notes folder (set by the launcher). */
  static final String SAMPLE_NOTES = "notesearch.sample.notes";

  /** System property with where the sample notes' index is kept (set by the launcher). */
  static final String SAMPLE_INDEX = "notesearch.sample.index";

  @ParentCommand Notesearch parent;
  @Spec CommandSpec spec;

  @Parameters(arity = "1..*", paramLabel = "QUERY", description = "Words to search for.")
  List<String> words;

  @Option(names = "--index", paramLabel = "PATH", description = "Index folder (default: $NOTESEARCH_INDEX, else your data folder).")
  Path index;

  @Option(names = {"-n", "--limit"}, paramLabel = "N", defaultValue = "10", description = "Show at most N hits (default: ${DEFAULT-VALUE}).")
  int limit;

  @Option(names = "--json", description = "Print JSON Lines: one object per hit (same as --format json).")
  boolean json;

  @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text", description = "text, json, html, plain or vimgrep (default: ${DEFAULT-VALUE}).")
  HitPrinter.Format format;

  @Option(names = {"-l", "--files"}, description = "Print only the paths of notes with hits, best first, like rg -l.")
  boolean files;

  @Option(names = {"-c", "--count"}, description = "Print only how many sections match (all of them, not just -n).")
  boolean count;

  @Option(names = "--sort", paramLabel = "ORDER", defaultValue = "score", description = "score (best first), date (newest note first) or modified (last edited file first).")
  SearchRequest.Sort sort;

  @Option(names = "--facets", description = "After the hits, count matching sections by tag, category and year.")
  boolean facets;

  @Option(names = "--open", paramLabel = "N", description = "Open hit N (1 = first) in $EDITOR at its line instead of printing.")
  Integer open;

  @Option(names = "--color", paramLabel = "WHEN", defaultValue = "auto", description = "Colour output: auto, always, never (default: auto; NO_COLOR is honoured).")
  HitPrinter.ColorChoice color;

  @Option(names = "--tag", paramLabel = "TAG", description = "Only notes with this tag (repeatable).")
  List<String> tags = List.of();

  @Option(names = "--category", paramLabel = "NAME", description = "Only notes in this category.")
  String category = "";

  @Option(names = "--drafts", description = "Search notes marked draft: true too.")
  boolean drafts;

  @Option(names = "--no-mined", description = "Do not use the term pairs mined from your notes as synonyms.")
  boolean noMined;

  @Option(names = "--solr", paramLabel = "URL", description = "Solr URL (http://localhost:8983/solr, or several nodes comma-separated): search its collection instead; see docs/scale-out.md.")
  String solr;

  @Option(names = "--collection", paramLabel = "NAME", defaultValue = SolrCollection.DEFAULT_NAME,
      description = "The Solr collection with --solr (default: ${DEFAULT-VALUE}).")
  String collection;

  @Option(names = "--plain", description = "One line per hit for pipes: path:line and the snippet, no ** marks, no colours, no headings.")
  boolean plain;

  @Option(names = "--vimgrep", description = "One line per hit, path:line:column:snippet, like rg --vimgrep: the line and column of the first matched word, for editors' quickfix lists.")
  boolean vimgrep;

  @Option(names = {"-A", "--after-context"}, paramLabel = "N", description = "Under each hit, N lines of the note after its matched line, instead of the snippet.")
  int after;

  @Option(names = {"-B", "--before-context"}, paramLabel = "N", description = "Under each hit, N lines of the note before its matched line.")
  int before;

  @Option(names = {"-C", "--context"}, paramLabel = "N", description = "Both: N lines before and after.")
  Integer context;

  @Option(names = "--section", description = "Under each hit, its whole section's Markdown (what show prints), instead of the snippet.")
  boolean section;

  @Option(names = {"-0", "--null"}, description = "With -l, end each path with a NUL byte instead of a newline, like rg -0 (for xargs -0).")
  boolean nul;

  @Option(names = {"-g", "--glob"}, paramLabel = "GLOB", description = {
      "Only notes whose path below the indexed folder GLOB matches; !GLOB leaves them out (repeatable; as rg -g,",
      "the last glob that matches decides, and gitignore's rules apply: 'aws/**', '!drafts', '!**/*.draft.md')."})
  List<String> globs = new java.util.ArrayList<>();

  @Option(names = {"-s", "--case-sensitive"}, description = "Latin words match only in the case typed (EC2 leaves out ec2), as rg -s.")
  boolean caseSensitive;

  @Option(names = {"-w", "--word"}, description = {
      "Each word matches only whole and as typed, as rg -w: no completion, spelling correction, plural, synonym",
      "or any-word fallback (function leaves out functions; a Korean particle after a word still counts: EC2가)."})
  boolean word;

  @Option(names = "--exact", description = "Search the words exactly as typed, every one required: no keyboard-layout, spelling or completion rewrite, no any-word fallback (for scripts: no match, exit 1).")
  boolean exact;

  @Option(names = "--max-per-note", paramLabel = "N", defaultValue = "3", description = "At most N sections of one note (default: ${DEFAULT-VALUE}).")
  int maxPerNote;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (after < 0 || before < 0 || (context != null && context < 0)) {
      throw new IllegalArgumentException("-A, -B and -C take a number of lines, 0 or more");
    }
    if (limit < 1 || limit > SearchRequest.MAX_LIMIT) {
      throw new IllegalArgumentException("-n must be 1.." + SearchRequest.MAX_LIMIT + ", got [" + limit + "]");
    }
    if (open != null && parent.searchers != Searchers.PER_COMMAND) {
      throw new IllegalArgumentException("--open needs a terminal: run it without the daemon");
    }
    if (maxPerNote < 1) {
      throw new IllegalArgumentException("--max-per-note must be at least 1, got [" + maxPerNote + "]");
    }
    for (String word : words) {
      if (word.startsWith("--") && word.length() > 2) {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(), "Unknown option: '" + word + "'");
      }
    }
    String query = String.join(" ", words);
    if (query.codePoints().noneMatch(Character::isLetterOrDigit)) {
      // Nothing to search for: say so, rather than exit 1 as if the notes had no match.
      throw new IllegalArgumentException(query.isBlank() ? "the query is empty: give words to search for"
          : "the query has no words to search for [" + query.strip() + "]");
    }
    SearchRequest request = SearchRequest.of(query)
        .withLimit(files ? Math.min(SearchRequest.MAX_LIMIT, limit * SearchRequest.DEFAULT_MAX_PER_NOTE) : limit)
        .withSort(sort)
        .withFacets(facets)
        .withCategory(category)
        .withDrafts(drafts)
        .withMaxPerNote(maxPerNote)
        .withExactTotal(count)
        .withReading(exact ? SearchRequest.Reading.AS_TYPED : SearchRequest.Reading.AS_MEANT)
        .withGlobs(globs)
        .withCaseSensitive(caseSensitive)
        .withWholeWords(word);
    for (String tag : tags) {
      request = request.withTag(tag);
    }
    SearchResult result;
    if (solr != null) {
      try (NoteSearcher searcher = SolrBackend.open(SolrCollection.at(solr, collection), UserConfig.files(parent.env))) {
        result = searcher.search(request);
      }
    } else {
      Path location = indexToSearch(index, parent.env, parent.cwd, err);
      Synonyms synonyms = noMined ? Synonyms.GLOSSARY : Synonyms.DEFAULT;
      try (Searchers.Lease lease = parent.searchers.open(location, UserConfig.files(parent.env), synonyms)) {
        result = lease.searcher().search(request);
      }
    }
    switch (result.rewrite().reason()) {
      case KEYBOARD_LAYOUT -> err.println("notesearch: searched [" + result.rewrite().query() + "] instead (typed with the other keyboard input mode?)");
      case SPELLING -> err.println("notesearch: no match for the words as typed; showing results for [" + result.rewrite().query() + "]");
      case COMPLETION -> err.println("notesearch: no match for the words as typed; showing words that start with the last one: [" + result.rewrite().query() + "]");
      case NONE -> { }
    }
    if (result.matching() == SearchResult.Matching.ANY_WORD && !result.hits().isEmpty()) {
      err.println("notesearch: no section has all the words; showing sections with any of them");
    }
    String searched = searched(result, query);
    if (result.hits().isEmpty()) {
      return count ? printCount(out, 0, json, searched) : ExitCodes.NO_HITS;
    }
    if (open != null) {
      if (open < 1 || open > result.hits().size()) {
        throw new IllegalArgumentException("--open must be 1.." + result.hits().size() + ", got [" + open + "]");
      }
      Hit hit = result.hits().get(open - 1);
      return Editor.open(Path.of(hit.path()), hit.line(), parent.env, err);
    }
    if (count) {
      return printCount(out, result.total(), json, searched);
    }
    HitPrinter.Body body = new HitPrinter.Body(context != null ? context : before, context != null ? context : after, section);
    HitPrinter printer = new HitPrinter(out, !plain && !vimgrep && color.enabled(parent.env, parent.tty), parent.cwd, body);
    HitPrinter.Format chosen = json ? HitPrinter.Format.JSON : plain ? HitPrinter.Format.PLAIN : vimgrep ? HitPrinter.Format.VIMGREP : format;
    if (files) {
      printer.files(chosen, result.hits(), limit, nul);
    } else {
      printer.print(chosen, result.hits());
    }
    if (facets) {
      printer.facets(chosen, result.facets());
    }
    if (chosen == HitPrinter.Format.JSON && searched != null) {
      out.println("{\"searched\":" + searched + "}");
      out.flush();
    }
    return ExitCodes.OK;
  }

  /**
   * For JSON output, what was searched when it was not the words as typed, all required:
   * {@code {"query":…,"reason":"spelling","matching":"all_words"}}; null when it was.
   */
  static String searched(SearchResult result, String typed) {
    if (result.rewrite().reason() == SearchResult.Reason.NONE && result.matching() == SearchResult.Matching.ALL_WORDS) {
      return null;
    }
    return new Json()
        .field("query", result.rewrite().reason() == SearchResult.Reason.NONE ? typed.strip() : result.rewrite().query())
        .field("reason", result.rewrite().reason().name().toLowerCase(java.util.Locale.ROOT))
        .field("matching", result.matching().name().toLowerCase(java.util.Locale.ROOT))
        .end();
  }

  private static int printCount(PrintWriter out, long total, boolean json, String searched) {
    out.println(json ? "{\"count\":" + total + (searched == null ? "" : ",\"searched\":" + searched) + "}" : Long.toString(total));
    out.flush();
    return total == 0 ? ExitCodes.NO_HITS : ExitCodes.OK;
  }

  /**
   * The index to search; the bundled sample notes when the user has none yet.
   *
   * @param index the {@code --index} option, or null
   * @param env the environment
   * @param cwd the folder relative paths are resolved against
   */
  static Path indexToSearch(Path index, java.util.Map<String, String> env, Path cwd, PrintWriter err) throws NoteIndexException {
    IndexLocation.Resolved resolved = IndexLocation.resolve(index, env, cwd);
    IndexLocation.checkNotAFile(resolved.path());
    IndexFolder folder = new IndexFolder(resolved.path());
    if (folder.hasCommit()) {
      return resolved.path();
    }
    java.util.OptionalLong writer = folder.writer();
    if (writer.isPresent()) {
      // A first build under way: say so, rather than "no index" or the sample notes.
      throw new NoteIndexException(NoteIndexException.Reason.LOCKED, "the index at [" + resolved.path()
          + "] is being built by pid " + writer.getAsLong() + "; search again when it is done", null);
    }
    if (resolved.explicit()) {
      return resolved.path();
    }
    String notes = System.getProperty(SAMPLE_NOTES);
    String sampleIndex = System.getProperty(SAMPLE_INDEX);
    if (notes == null || sampleIndex == null || !Files.isDirectory(Path.of(notes))) {
      throw new NoteIndexException(NoteIndexException.Reason.MISSING, "no index at [" + resolved.path() + "]", null);
    }
    err.println("notesearch: no index yet at " + resolved.path()
        + "; searching the bundled sample notes (index yours with: notesearch index ~/notes)");
    return SampleIndex.refreshed(Path.of(notes), Path.of(sampleIndex), UserConfig.files(env));
  }
}
