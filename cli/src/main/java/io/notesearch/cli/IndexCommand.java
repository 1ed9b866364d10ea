package io.notesearch.cli;

import io.notesearch.indexer.IndexMode;
import io.notesearch.indexer.IndexReport;
import io.notesearch.indexer.IndexOptions;
import io.notesearch.indexer.NoteIndexer;
import io.notesearch.indexer.Problem;
import io.notesearch.solr.client.SolrCollection;
import io.notesearch.solr.client.SolrIndexer;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code notesearch index DIR...}: brings the index up to date with notes folders. */
@Command(
    name = "index",
    mixinStandardHelpOptions = true,
    description = {
      "Index the Markdown notes under DIR (incrementally: unchanged notes are skipped).",
      "Hidden folders and node_modules are skipped; broken files are reported and skipped."
    })
final class IndexCommand implements Callable<Integer> {
  /** Skipped files listed without --verbose; the rest are counted. */
  private static final int LISTED_PROBLEMS = 20;

  @ParentCommand Notesearch parent;
  @Spec CommandSpec spec;

  @Parameters(arity = "1..*", paramLabel = "DIR", description = "Folders of notes to index.")
  List<Path> folders;

  @Option(names = "--index", paramLabel = "PATH", description = "Index folder (default: $NOTESEARCH_INDEX, else your data folder).")
  Path index;

  @Option(names = "--full", description = "Rebuild the whole index instead of updating it.")
  boolean full;

  @Option(names = {"-w", "--watch"}, description = {
      "After indexing, keep watching the folders and index changes as they happen (Ctrl-C to stop).",
      "Exits with 3 when a watched folder is deleted or renamed."})
  boolean watch;

  @Option(names = "--no-ignore", description = {
      "Index notes that .gitignore (in a git work tree), .ignore and .notesearchignore files ignore, as rg --no-ignore.",
      "Hidden folders and node_modules stay skipped."})
  boolean noIgnore;

  @Option(names = {"-q", "--quiet"}, description = "Print nothing but errors.")
  boolean quiet;

  @Option(names = {"-v", "--verbose"}, description = "List every skipped file and every warning.")
  boolean verbose;

  @Option(names = "--solr", paramLabel = "URL", description = {
      "Solr URL (http://localhost:8983/solr, or several nodes comma-separated): index into its collection instead, created with",
      "notesearch's config set if missing; --index is then the local staging index (see docs/scale-out.md)."})
  String solr;

  @Option(names = "--collection", paramLabel = "NAME", defaultValue = SolrCollection.DEFAULT_NAME,
      description = "The Solr collection (default: ${DEFAULT-VALUE}).")
  String collection;

  @Option(names = "--shards", paramLabel = "N", defaultValue = "1", description = "Shards of a new Solr collection (default: ${DEFAULT-VALUE}).")
  int shards;

  @Option(names = "--replicas", paramLabel = "N", defaultValue = "1", description = "Replicas per shard of a new Solr collection (default: ${DEFAULT-VALUE}).")
  int replicas;

  @Override
  public Integer call() throws Exception {
    checkFolders();
    if (solr != null) {
      return toSolr();
    }
    Path location = IndexLocation.resolve(index, parent.env, parent.cwd).path();
    IndexLocation.checkNotAFile(location);
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    List<Path> roots = folders.stream().map(parent.cwd::resolve).toList();
    IndexReport report;
    // Nori's decoded dictionaries load when the indexer's walk meets a note to analyse, so a run with
    // nothing changed loads none.
    String cache = System.getProperty(Main.NORI_CACHE);
    Path noriCache = cache == null || cache.isBlank() ? null : Path.of(cache);
    IndexOptions options = IndexOptions.DEFAULT.withIgnoreFiles(!noIgnore)
        .withNoriCache(noriCache);
    try (NoteIndexer indexer = NoteIndexer.open(location, UserConfig.files(parent.env), full ? IndexMode.FULL : IndexMode.DEFAULT, options)) {
      try (ProgressBar bar = new ProgressBar(err, parent.tty && !quiet)) {
        report = indexer.index(roots, full ? IndexMode.FULL : IndexMode.DEFAULT, bar);
      }
      if (watch) {
        if (!quiet) {
          out.println(summary(report, location));
          out.println("watching " + roots.size() + (roots.size() == 1 ? " folder" : " folders") + " for changes (Ctrl-C to stop)");
          out.flush();
        }
        return watch(indexer, roots, out, err);
      }
    }
    if (!quiet) {
      out.println(summary(report, location));
    }
    print(err, "skipped", report.skipped(), quiet ? 0 : verbose ? Integer.MAX_VALUE : LISTED_PROBLEMS);
    if (verbose) {
      print(err, "warning", report.warnings(), Integer.MAX_VALUE);
    }
    return ExitCodes.OK;
  }

  /**
   * Every DIR is a folder, checked before the index is opened: a typo must not leave an index
   * folder behind. An option this command does not know arrives here too (unknown options are
   * words to search for in {@code search}).
   */
  private void checkFolders() {
    for (Path folder : folders) {
      Path root = parent.cwd.resolve(folder);
      if (Files.isDirectory(root)) {
        continue;
      }
      if (folder.toString().startsWith("-") && !Files.exists(root)) {
        throw new CommandLine.ParameterException(spec.commandLine(), "Unknown option: '" + folder + "'");
      }
      throw new IllegalArgumentException("not a folder [" + root + "]");
    }
  }

  /** {@code --solr}: the staging index first, then the changed notes to the collection; exit 3 if any batch failed. */
  private int toSolr() throws Exception {
    if (watch) {
      throw new IllegalArgumentException("--watch is not supported with --solr yet: run `notesearch index DIR --solr URL` again instead");
    }
    if (noIgnore) {
      throw new IllegalArgumentException("--no-ignore is not supported with --solr: its staging index reads the ignore files");
    }
    if (shards < 1 || replicas < 1) {
      throw new IllegalArgumentException("--shards and --replicas must be at least 1");
    }
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    List<Path> roots = folders.stream().map(parent.cwd::resolve).toList();
    IndexMode mode = full ? IndexMode.FULL : IndexMode.DEFAULT;
    SolrIndexer.Report report;
    try (SolrCollection target = SolrCollection.at(solr, collection)) {
      Path staging = index != null ? parent.cwd.resolve(index) : stagingIndex(target);
      long started = System.nanoTime();
      try (ProgressBar bar = new ProgressBar(err, parent.tty && !quiet)) {
        report = SolrIndexer.index(target, staging, UserConfig.files(parent.env), roots, mode, bar, shards, replicas);
      }
      if (!quiet) {
        out.println(summary(report.local(), staging));
        out.printf(Locale.ROOT, "solr: %s%d notes sent (%d sections), %d removed in %.2f s (staging index included) → %s collection %s%n",
            report.created() ? "collection created; " : "", report.sent(), report.sections(), report.removed(),
            (System.nanoTime() - started) / 1e9, target.url(), target.name());
      }
    }
    print(err, "skipped", report.local().skipped(), quiet ? 0 : verbose ? Integer.MAX_VALUE : LISTED_PROBLEMS);
    if (verbose) {
      print(err, "warning", report.local().warnings(), Integer.MAX_VALUE);
    }
    for (SolrIndexer.Failed f : report.failed()) {
      err.println("notesearch: " + f.reason() + "; not indexed (sent again next run): " + String.join(", ", f.notes()));
    }
    out.flush();
    err.flush();
    return report.failed().isEmpty() ? ExitCodes.OK : ExitCodes.INDEX;
  }

  /** The staging index of a collection: beside the default local index, one per cluster and collection. */
  private Path stagingIndex(SolrCollection target) {
    Path local = IndexLocation.resolve(null, parent.env, parent.cwd).path();
    java.net.URI uri = java.net.URI.create(target.url().split(",")[0]); // the first node names the cluster
    String name = "solr-" + uri.getHost() + (uri.getPort() < 0 ? "" : "-" + uri.getPort()) + "-" + target.name();
    return local.resolveSibling(name.replaceAll("[^A-Za-z0-9._-]", "_"));
  }

  /** Indexes each batch of changes until a root disappears (exit 3) or the process is stopped. */
  private int watch(NoteIndexer indexer, List<Path> roots, PrintWriter out, PrintWriter err) throws Exception {
    FolderWatcher started;
    try {
      started = new FolderWatcher(roots);
    } catch (java.io.IOException e) {
      if (!roots.stream().allMatch(java.nio.file.Files::isDirectory)) {
        return rootGone(roots, err); // renamed or deleted before the watch began
      }
      throw e;
    }
    try (FolderWatcher watcher = started) {
      while (true) {
        java.util.Set<Path> changed = watcher.next();
        if (!watcher.rootsExist()) {
          return rootGone(roots, err);
        }
        if (changed.isEmpty()) {
          return ExitCodes.OK;
        }
        // Events were lost (the watcher handed over a whole root): compare everything, deletions too.
        boolean overflow = changed.stream().anyMatch(roots::contains);
        IndexReport r;
        try {
          r = overflow ? indexer.index(roots, IndexMode.DEFAULT) : indexer.update(roots, changed);
        } catch (java.io.IOException | IllegalArgumentException e) {
          if (!watcher.rootsExist()) {
            return rootGone(roots, err); // renamed or deleted while this batch was read
          }
          throw e;
        }
        if (!quiet) {
          out.printf(java.util.Locale.ROOT, "%s updated %s (%d new, %d changed, %d removed) in %.2f s%n",
              java.time.LocalTime.now().withNano(0), count(r.notes(), "note"), r.added(), r.updated(), r.deleted(),
              r.took().toNanos() / 1e9);
          out.flush();
        }
        print(err, "skipped", r.skipped(), quiet ? 0 : LISTED_PROBLEMS);
      }
    }
  }

  private static int rootGone(List<Path> roots, PrintWriter err) {
    err.println("notesearch: a watched folder was deleted or renamed " + roots + "; stopped watching (the index keeps what it had)");
    err.flush();
    return ExitCodes.INDEX;
  }

  /** {@code 1 note}, {@code 2 notes}. */
  static String count(long n, String noun) {
    return n + " " + noun + (n == 1 ? "" : "s");
  }

  static String summary(IndexReport r, Path location) {
    double seconds = r.took().toNanos() / 1e9;
    double mb = r.bytes() / 1e6;
    StringBuilder s = new StringBuilder();
    s.append(String.format(Locale.ROOT, "indexed %s (%d new, %d changed, %d unchanged, %d removed%s): ",
        count(r.notes(), "note"), r.added(), r.updated(), r.unchanged(), r.deleted(), r.rebuilt() ? "; rebuilt" : ""));
    s.append(String.format(Locale.ROOT, "%s, %.2f MB in %.2f s", count(r.sections(), "section"), mb, seconds));
    if (seconds > 0 && r.bytes() > 0) {
      s.append(String.format(Locale.ROOT, " (%.0f notes/s, %.2f MB/s)", (r.added() + r.updated()) / seconds, mb / seconds));
    }
    s.append("; ").append(r.skipped().size()).append(" skipped");
    if (!r.warnings().isEmpty()) {
      s.append(", ").append(count(r.warnings().size(), "warning"));
    }
    s.append(" → ").append(location);
    return s.toString();
  }

  private static void print(PrintWriter err, String label, List<Problem> problems, int max) {
    if (max == 0 && !problems.isEmpty()) {
      // --quiet: one line, so a skipped file is not missed, and none listed.
      err.println(label + ": " + problems.size() + (problems.size() == 1 ? " file" : " files") + " (use --verbose to list them)");
      return;
    }
    int shown = 0;
    for (Problem p : problems) {
      if (shown++ >= max) {
        err.println("  … and " + (problems.size() - max) + " more " + label + " (use --verbose)");
        break;
      }
      err.println(label + ": " + p);
    }
  }
}
