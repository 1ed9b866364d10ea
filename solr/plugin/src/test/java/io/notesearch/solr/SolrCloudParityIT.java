package io.notesearch.solr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.solr.client.solrj.SolrQuery;
import org.apache.solr.client.solrj.impl.CloudSolrClient;
import org.apache.solr.cloud.MiniSolrCloudCluster;
import org.apache.solr.common.cloud.DocCollection;
import org.apache.solr.common.cloud.Replica;
import org.apache.solr.common.cloud.Slice;
import org.apache.solr.embedded.JettySolrRunner;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * notesearch on a real SolrCloud: a 2-node MiniSolrCloudCluster (ZooKeeper included) running this
 * plugin, the collection created by the notesearch command itself (2 shards × 2 replicas), the
 * sample corpus indexed through it, and every judged query run both locally and through Solr.
 *
 * <p>The client side (notesearch index/search --solr, and SolrParity) is the built command-line
 * jar, cli/target/notesearch.jar, run as a process: it carries Lucene 10.5, this JVM Solr's Lucene
 * 9.12, and the two never share a class path.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SolrCloudParityIT {
  private static final String COLLECTION = "notes";
  private static final int DEPTH = 10;

  private Path corpus;
  private Path cliJar;
  private Path work;
  private MiniSolrCloudCluster cluster;
  private String url;
  private int sections;
  private Map<String, Judged> judged;
  private Map<String, List<String>> solrBefore;

  private record Judged(String id, String note, String heading) {}

  @BeforeAll
  void startCluster() throws Exception {
    corpus = Path.of(System.getProperty("notesearch.corpus")).toAbsolutePath().normalize();
    Path cli = Path.of(System.getProperty("notesearch.cli")).toAbsolutePath().normalize();
    cliJar = cli.resolve("notesearch.jar");
    assertTrue(Files.isRegularFile(cliJar) && Files.isDirectory(cli.resolve("lib")),
        "no " + cliJar + " with lib/: build the root project first (./mvnw install -pl cli -am)");
    judged = readJudgments(corpus.resolve("judgments.tsv"));
    work = Files.createTempDirectory("notesearch-solr-it");
    cluster = new MiniSolrCloudCluster.Builder(2, work.resolve("cluster")).build();
    // Both nodes, as a client of a real cluster would name them: the first that answers serves.
    url = cluster.getJettySolrRunner(0).getBaseUrl() + "," + cluster.getJettySolrRunner(1).getBaseUrl();
  }

  @AfterAll
  void stopCluster() throws Exception {
    if (cluster != null) {
      cluster.shutdown();
    }
  }

  @Test
  @Order(1)
  void indexCreatesTheCollectionAndSendsEveryNote() throws Exception {
    Run run = notesearch("index", corpus.resolve("notes").toString(), "--solr", url, "--collection", COLLECTION,
        "--shards", "2", "--replicas", "2", "--index", work.resolve("staging").toString());
    assertEquals(0, run.code(), run.toString());
    System.out.println("INDEX " + run.out());
    Matcher m = Pattern.compile("indexed (\\d+) notes .*?: (\\d+) sections").matcher(run.out());
    assertTrue(m.find(), run.out());
    int notes = Integer.parseInt(m.group(1));
    sections = Integer.parseInt(m.group(2));
    assertEquals(47, notes, run.out());
    assertTrue(run.out().contains("collection created; 47 notes sent (" + sections + " sections)"), run.out());

    cluster.waitForActiveCollection(COLLECTION, 2, 4);
    DocCollection state = cluster.getSolrClient().getClusterState().getCollection(COLLECTION);
    assertEquals(2, state.getSlices().size());
    for (Slice slice : state.getSlices()) {
      Set<String> nodes = new HashSet<>();
      slice.getReplicas().forEach(r -> nodes.add(r.getNodeName()));
      assertEquals(2, slice.getReplicas().size(), slice.toString());
      assertEquals(2, nodes.size(), "both replicas of " + slice.getName() + " on one node: " + nodes);
    }
    assertEquals(sections, count("*:*"));
    assertEquals(47, count(io.notesearch.core.schema.IndexSchema.NOTE_FIRST + ":true"));

    Run again = notesearch("index", corpus.resolve("notes").toString(), "--solr", url, "--collection", COLLECTION,
        "--index", work.resolve("staging").toString());
    assertEquals(0, again.code(), again.toString());
    System.out.println("INDEX AGAIN " + again.out());
    assertTrue(again.out().contains("solr: 0 notes sent (0 sections), 0 removed"), "incremental: " + again.out());
  }

  @Test
  @Order(2)
  void judgedQueriesRankAsLocally() throws Exception {
    Run run = java("io.notesearch.eval.SolrParity", corpus.resolve("judgments.tsv").toString(),
        corpus.resolve("notes").toString(), url, COLLECTION);
    assertEquals(0, run.code(), run.toString());
    System.out.println(run.err());
    Map<String, List<String>> local = new LinkedHashMap<>();
    Map<String, List<String>> solr = new LinkedHashMap<>();
    Map<String, String> localSnippet = new LinkedHashMap<>();
    Map<String, String> solrSnippet = new LinkedHashMap<>();
    parse(run.out(), local, solr, localSnippet, solrSnippet);
    assertEquals(judged.keySet(), solr.keySet());
    double mrrLocal = mrr(local);
    double mrrSolr = mrr(solr);
    int sameTop = 0;
    List<String> differ = new ArrayList<>();
    List<String> snippetsDiffer = new ArrayList<>();
    int snippetsCompared = 0;
    for (String id : judged.keySet()) {
      String l = local.get(id).isEmpty() ? "" : local.get(id).getFirst();
      String s = solr.get(id).isEmpty() ? "" : solr.get(id).getFirst();
      String[] ls = localSnippet.get(id).split("\u001d", 2);
      String[] ss = solrSnippet.get(id).split("\u001d", 2);
      if (ls.length == 2 && ss.length == 2 && ls[0].equals(ss[0])) {
        // One pipeline marks both: the same best section, found by the same reading of the query with
        // the same synonyms, has the same snippet.
        snippetsCompared++;
        if (!ls[1].equals(ss[1])) {
          snippetsDiffer.add(id + ": local " + ls[1] + " | solr " + ss[1]);
        }
      }
      if (l.equals(s)) {
        sameTop++;
      } else {
        differ.add(id + ": local " + l + " | solr " + s);
      }
    }
    System.out.println("PARITY snippets of the same best hit compared: " + snippetsCompared);
    assertEquals(List.of(), snippetsDiffer, "the same best hit with another snippet");
    assertTrue(snippetsCompared >= judged.size() * 0.85, "snippets compared: " + snippetsCompared);
    double agreement = (double) sameTop / judged.size();
    String summary = String.format(Locale.ROOT, "MRR@10 local %.4f, solr %.4f; same top hit %d/%d (%.1f%%)",
        mrrLocal, mrrSolr, sameTop, judged.size(), 100 * agreement);
    System.out.println("PARITY " + summary);
    differ.forEach(d -> System.out.println("  top differs " + d));
    assertTrue(Math.abs(mrrLocal - mrrSolr) <= 0.02, summary);
    assertTrue(agreement >= 0.90, summary);
    solrBefore = solr;
  }

  @Test
  @Order(3)
  void searchPrintsTheSameJsonAsLocal() throws Exception {
    Run solr = notesearch("search", "--solr", url, "--collection", COLLECTION, "--json", "-n", "8", "람다", "콜드", "스타트");
    Run local = notesearch("search", "--index", work.resolve("staging").toString(), "--json", "-n", "8", "람다", "콜드", "스타트");
    assertEquals(0, solr.code(), solr.toString());
    assertEquals(0, local.code(), local.toString());
    List<String> s = solr.out().lines().toList();
    List<String> l = local.out().lines().toList();
    assertEquals(l.size(), s.size(), solr.out() + "\nvs local\n" + local.out());
    // Scores differ (the local index stores each word's section-or-note score with one idf and
    // estimated average lengths; Solr computes it at query time with an idf per side, over
    // distributed statistics, in Lucene 9), so the order below the best hit may differ: how close
    // the rankings are is judgedQueriesRankAsLocally's to measure. Here: the same best hit, and each
    // hit both print is the same JSON apart from its score.
    assertEquals(withoutScore(l.getFirst()), withoutScore(s.getFirst()), "the best hit of\n" + solr.out() + "\nvs local\n" + local.out());
    Map<String, String> localByLine = new LinkedHashMap<>();
    l.forEach(line -> localByLine.put(location(line), withoutScore(line)));
    int compared = 0;
    for (String line : s) {
      String same = localByLine.get(location(line));
      if (same != null) {
        assertEquals(same, withoutScore(line), "the same hit, the same JSON:\n" + solr.out() + "\nvs local\n" + local.out());
        compared++;
      }
    }
    assertTrue(compared >= 3, "at least 3 hits on both pages, " + compared + " of\n" + solr.out() + "\nvs local\n" + local.out());
  }

  /**
   * Words starting with what was typed rank by their most used words in both editions (Lucene 9's
   * rewrite method in the Solr plugin is its own), and an unfinished last word is completed in both.
   */
  @Test
  @Order(3)
  void prefixesAndUnfinishedWordsFindTheSameNoteFirst() throws Exception {
    for (String q : List.of("쿠버", "cloudfor*", "람ㄷ")) {
      Run solr = notesearch("search", "--solr", url, "--collection", COLLECTION, "--json", "-n", "3", q);
      Run local = notesearch("search", "--index", work.resolve("staging").toString(), "--json", "-n", "3", q);
      assertEquals(0, solr.code(), q + ": " + solr);
      assertEquals(0, local.code(), q + ": " + local);
      String solrFirst = location(solr.out().lines().findFirst().orElseThrow());
      String localFirst = location(local.out().lines().findFirst().orElseThrow());
      assertEquals(localFirst.substring(0, localFirst.lastIndexOf(':')), solrFirst.substring(0, solrFirst.lastIndexOf(':')),
          q + ": the same note first\n" + solr.out() + "\nvs local\n" + local.out());
    }
    assertTrue(notesearch("search", "--solr", url, "--collection", COLLECTION, "-n", "1", "쿠버").err().contains("[쿠버*]"),
        "completed in Solr too");
  }

  @Test
  @Order(4)
  void failuresAreOneLineAndExitThree() throws Exception {
    Run down = notesearch("search", "--solr", "http://127.0.0.1:1/solr", "x");
    assertEquals(3, down.code(), down.toString());
    assertEquals(1, down.err().strip().lines().count(), down.err());
    assertTrue(down.err().contains("cannot reach the Solr cluster at [http://127.0.0.1:1/solr]"), down.err());
    Run missing = notesearch("search", "--solr", url, "--collection", "nope", "x");
    assertEquals(3, missing.code(), missing.toString());
    assertEquals(1, missing.err().strip().lines().count(), missing.err());
    assertTrue(missing.err().contains("no collection [nope]"), missing.err());
  }

  @Test
  @Order(5)
  void aBatchSolrRefusesIsReportedAndSentAgainNextRun() throws Exception {
    Path notes = Files.createDirectories(work.resolve("ro-notes"));
    Files.copy(corpus.resolve("notes/python-311-whats-new.md"), notes.resolve("python.md"));
    Files.copy(corpus.resolve("notes/cpp-vs-java-memory.md"), notes.resolve("cpp.md"));
    String[] index = {"index", notes.toString(), "--solr", url, "--collection", "ro", "--index", work.resolve("ro-staging").toString()};
    // A user glossary: uploaded with the new collection's config set, so Solr expands with it.
    Path glossary = Files.writeString(work.resolve("glossary.txt"), "zzreadonly, 전용\n");
    Run first = notesearch(Map.of("NOTESEARCH_GLOSSARY", glossary.toString()), index);
    assertEquals(0, first.code(), first.toString());
    Matcher sent = Pattern.compile("collection created; 2 notes sent \\((\\d+) sections\\)").matcher(first.out());
    assertTrue(sent.find(), first.out());
    int before = Integer.parseInt(sent.group(1));

    org.apache.solr.client.solrj.request.CollectionAdminRequest.modifyCollection("ro", Map.of("readOnly", "true"))
        .process(cluster.getSolrClient());
    Files.writeString(notes.resolve("python.md"), "\n## 새 섹션\n\n읽기 전용 컬렉션에 보내는 변경.\n",
        java.nio.file.StandardOpenOption.APPEND);
    Run refused = notesearch(index);
    assertEquals(3, refused.code(), refused.toString());
    assertTrue(refused.out().contains("solr: 0 notes sent"), refused.out());
    List<String> lines = refused.err().strip().lines().toList();
    assertEquals(1, lines.size(), refused.err());
    assertTrue(lines.getFirst().contains("not indexed (sent again next run): " + notes.resolve("python.md")), refused.err());
    System.out.println("REFUSED " + lines.getFirst());

    org.apache.solr.client.solrj.request.CollectionAdminRequest.modifyCollection("ro", Map.of("readOnly", "false"))
        .process(cluster.getSolrClient());
    Run again = notesearch(index);
    assertEquals(0, again.code(), again.toString());
    assertTrue(again.out().contains("solr: 1 notes sent"), "the refused note is sent again: " + again.out());
    // python-311-whats-new.md is a draft (front matter): searched with --drafts.
    Run found = notesearch("search", "--solr", url, "--collection", "ro", "--drafts", "--json", "읽기", "전용", "컬렉션");
    assertEquals(0, found.code(), found.toString());
    assertTrue(found.out().contains("\"anchor\":\"새-섹션\""), found.out());
    // The user's glossary works on the cluster, though this client does not name it.
    Run synonym = notesearch("search", "--solr", url, "--collection", "ro", "--drafts", "--json", "zzreadonly");
    assertEquals(0, synonym.code(), synonym.toString());
    assertTrue(synonym.out().contains("\"anchor\":\"새-섹션\""), synonym.out());
    assertEquals(1, notesearch("search", "--solr", url, "--collection", COLLECTION, "zzreadonly").code(),
        "the glossary belongs to the collection it was uploaded with");
    // The changed note replaced its old version: one section more, none twice, none lost.
    assertEquals(before + 1, cluster.getSolrClient().query("ro", new SolrQuery("*:*").setRows(0)).getResults().getNumFound());
  }

  @Test
  @Order(6)
  void everyQueryAnswersWithANodeDown() throws Exception {
    assertFalse(solrBefore == null, "judgedQueriesRankAsLocally must run first");
    // The node the client tries first: it must fail over to the other one.
    JettySolrRunner stopped = cluster.stopJettySolrRunner(0);
    cluster.waitForJettyToStop(stopped);
    // Each shard still has a live replica; wait until cluster state says so.
    cluster.getZkStateReader().waitForState(COLLECTION, 60, TimeUnit.SECONDS, (live, c) -> {
      if (c == null) {
        return false;
      }
      for (Slice slice : c.getSlices()) {
        boolean up = false;
        for (Replica r : slice.getReplicas()) {
          up |= r.getState() == Replica.State.ACTIVE && live.contains(r.getNodeName());
        }
        if (!up || slice.getLeader() == null || !live.contains(slice.getLeader().getNodeName())) {
          return false;
        }
      }
      return true;
    });
    try {
      assertEquals(sections, count("*:*"), "sections lost with a node down");
      Run run = java("io.notesearch.eval.SolrParity", corpus.resolve("judgments.tsv").toString(),
          corpus.resolve("notes").toString(), url, COLLECTION, "--solr-only");
      assertEquals(0, run.code(), run.toString());
      Map<String, List<String>> solr = new LinkedHashMap<>();
      parse(run.out(), new HashMap<>(), solr);
      assertEquals(judged.keySet(), solr.keySet());
      int same = 0;
      int sameTop = 0;
      for (String id : judged.keySet()) {
        List<String> now = solr.get(id);
        List<String> before = solrBefore.get(id);
        if (now.equals(before)) {
          same++;
        } else {
          System.out.println("  node down, ranking differs " + id + ":\n    before " + before + "\n    now    " + now);
        }
        sameTop += (now.isEmpty() ? "" : now.getFirst()).equals(before.isEmpty() ? "" : before.getFirst()) ? 1 : 0;
        // Every query answers, and finds as many sections as before (up to the page size): nothing lost.
        assertEquals(before.size(), now.size(), id + " lost hits with a node down");
      }
      System.out.println("NODE DOWN: " + same + "/" + judged.size() + " queries ranked exactly as with both nodes, "
          + sameTop + " with the same top hit");
      // The surviving replicas are other Lucene indexes of the same documents: ties may break the
      // other way (doc order), nothing else may change much.
      assertTrue(sameTop >= 0.95 * judged.size(), "top hits changed with a node down: " + sameTop);
    } finally {
      cluster.startJettySolrRunner(stopped);
      cluster.waitForActiveCollection(COLLECTION, 2, 4);
    }
    assertEquals(sections, count("*:*"));
  }

  private long count(String q) throws Exception {
    CloudSolrClient client = cluster.getSolrClient();
    return client.query(COLLECTION, new SolrQuery(q).setRows(0)).getResults().getNumFound();
  }

  /** MRR@10 on notes, as notesearch eval computes it: rank of the first hit from the judged note. */
  private double mrr(Map<String, List<String>> ranked) {
    double sum = 0;
    for (Judged j : judged.values()) {
      String want = corpus.resolve("notes").resolve(j.note()).normalize() + "#";
      List<String> hits = ranked.get(j.id());
      for (int i = 0; i < Math.min(DEPTH, hits.size()); i++) {
        if (hits.get(i).startsWith(want)) {
          sum += 1.0 / (i + 1);
          break;
        }
      }
    }
    return sum / judged.size();
  }

  private static void parse(String out, Map<String, List<String>> local, Map<String, List<String>> solr) {
    parse(out, local, solr, new LinkedHashMap<>(), new LinkedHashMap<>());
  }

  /** SolrParity's lines: id, each side's ranking, each side's snippet of its best hit. */
  private static void parse(String out, Map<String, List<String>> local, Map<String, List<String>> solr,
      Map<String, String> localSnippet, Map<String, String> solrSnippet) {
    for (String line : out.lines().toList()) {
      String[] cols = line.split("\t", -1);
      if (cols.length != 5) {
        continue;
      }
      local.put(cols[0], cols[1].isEmpty() ? List.of() : List.of(cols[1].split("\u001e")));
      solr.put(cols[0], cols[2].isEmpty() ? List.of() : List.of(cols[2].split("\u001e")));
      localSnippet.put(cols[0], cols[3]);
      solrSnippet.put(cols[0], cols[4]);
    }
  }

  /** A hit's path and line: which section it is. */
  private static String location(String json) {
    Matcher m = Pattern.compile("\"path\":\"([^\"]*)\",\"line\":(\\d+)").matcher(json);
    assertTrue(m.find(), json);
    return m.group(1) + ":" + m.group(2);
  }

  private static String withoutScore(String json) {
    return json.replaceAll("\"score\":[-0-9.eE]+", "\"score\":_");
  }

  private static Map<String, Judged> readJudgments(Path file) throws IOException {
    Map<String, Judged> out = new LinkedHashMap<>();
    for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      String[] cols = line.split("\t", -1);
      if (cols.length < 5 || cols[0].equals("id") || line.startsWith("#")) {
        continue;
      }
      out.put(cols[0], new Judged(cols[0], cols[3], cols[4]));
    }
    return out;
  }

  private record Run(int code, String out, String err) {
    @Override
    public String toString() {
      return "exit " + code + "\nstdout:\n" + out + "\nstderr:\n" + err;
    }
  }

  private Run notesearch(String... args) throws Exception {
    return notesearch(Map.of(), args);
  }

  private Run notesearch(Map<String, String> env, String... args) throws Exception {
    List<String> all = new ArrayList<>();
    all.add("io.notesearch.cli.Main");
    all.addAll(List.of(args));
    return java(env, all.toArray(String[]::new));
  }

  /** The built command-line jar and its libraries, in a JVM of their own (the JDK running this test). */
  private Run java(String... args) throws Exception {
    return java(Map.of(), args);
  }

  private Run java(Map<String, String> env, String... args) throws Exception {
    List<String> cmd = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-XX:+UseSerialGC", "--enable-native-access=ALL-UNNAMED", "-Dfile.encoding=UTF-8", "-Dstdout.encoding=UTF-8",
        "-cp", cliJar + java.io.File.pathSeparator + cliJar.getParent().resolve("lib") + java.io.File.separator + "*"));
    cmd.addAll(List.of(args));
    Path out = Files.createTempFile(work, "out", ".txt");
    Path err = Files.createTempFile(work, "err", ".txt");
    ProcessBuilder builder = new ProcessBuilder(cmd);
    // No user files of whoever runs the build: XDG_CONFIG_HOME points at an empty folder.
    builder.environment().remove("NOTESEARCH_GLOSSARY");
    builder.environment().remove("NOTESEARCH_USERDICT");
    builder.environment().put("XDG_CONFIG_HOME", work.resolve("no-config").toString());
    builder.environment().putAll(env);
    Process p = builder.directory(corpus.toFile())
        .redirectOutput(out.toFile()).redirectError(err.toFile()).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
        .start();
    if (!p.waitFor(5, TimeUnit.MINUTES)) {
      p.destroyForcibly();
      throw new AssertionError("timed out: " + cmd);
    }
    return new Run(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
  }
}
