package io.notesearch.solr.client;

import io.notesearch.core.NoteIndexException;
import io.notesearch.core.UserFiles;
import io.notesearch.core.schema.IndexFolder;
import io.notesearch.core.schema.IndexSchema;
import io.notesearch.core.schema.NoteFields;
import io.notesearch.core.schema.SectionRecord;
import io.notesearch.indexer.IndexMode;
import io.notesearch.indexer.IndexReport;
import io.notesearch.indexer.NoteIndexer;
import io.notesearch.indexer.Progress;
import io.notesearch.indexer.markdown.NoteParser;
import io.notesearch.indexer.markdown.NoteSections;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.lucene.analysis.core.KeywordAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.solr.client.solrj.SolrQuery;
import org.apache.solr.client.solrj.SolrServerException;
import org.apache.solr.client.solrj.request.UpdateRequest;
import org.apache.solr.client.solrj.response.QueryResponse;
import org.apache.solr.client.solrj.util.ClientUtils;
import org.apache.solr.common.SolrDocument;
import org.apache.solr.common.SolrInputDocument;
import org.apache.solr.common.params.CursorMarkParams;

/**
 * {@code notesearch index DIR --solr URL}: brings a SolrCloud collection up to date with notes
 * folders, incrementally by the same content hashes as local mode.
 *
 * <p>A local index (the staging index) is brought up to date first, by {@link NoteIndexer} itself:
 * the same walk, skip rules, hashes and report as local mode. Then every note whose hash (with the
 * index format, {@link #FORMAT}) differs from what the collection holds is sent again, whole (in
 * the same request, its sections of any other version are deleted), in batches of about {@link #BATCH_SECTIONS} sections;
 * a batch that fails is sent again up to {@link #ATTEMPTS} times, then reported with its notes. The
 * collection's own hashes are the record of what is indexed, so a note that Solr did not acknowledge
 * is sent again by the next run.
 */
public final class SolrIndexer {
  /** Sections per update request, about. */
  static final int BATCH_SECTIONS = 500;

  /** Tries per batch. */
  static final int ATTEMPTS = 3;

  /** What a Solr document's format depends on: the index schema and the Markdown parser. */
  static final String FORMAT = IndexSchema.VERSION + "/" + NoteParser.VERSION;

  private SolrIndexer() {}

  /**
   * A batch that Solr did not take after {@link #ATTEMPTS} tries.
   *
   * @param notes the paths of its notes (none of them counts as indexed)
   * @param reason the last error
   */
  public record Failed(List<String> notes, String reason) {}

  /**
   * What a run did.
   *
   * @param local the staging index's report (notes, sections, skipped files)
   * @param sent notes sent to Solr and acknowledged
   * @param sections sections in those notes
   * @param removed notes deleted from the collection (no longer in the staging index)
   * @param failed batches Solr did not take
   * @param created whether the collection was created by this run
   */
  public record Report(IndexReport local, int sent, int sections, int removed, List<Failed> failed, boolean created) {}

  /**
   * Indexes notes folders into a collection.
   *
   * @param solr the collection (created with notesearch's config set if missing)
   * @param staging the local staging index folder
   * @param files the user's glossary and dictionary: the staging index's, and a new collection's config set's
   * @param roots folders of notes
   * @param mode incremental, or a full rebuild (of the staging index, and every note sent again)
   * @param progress told after each note of the local pass
   * @param shards shards of a new collection
   * @param replicas replicas per shard of a new collection
   */
  public static Report index(SolrCollection solr, Path staging, UserFiles files, List<Path> roots, IndexMode mode,
      Progress progress, int shards, int replicas) throws IOException {
    boolean created = solr.createIfMissing(shards, replicas, files);
    IndexReport local;
    try (NoteIndexer indexer = NoteIndexer.open(staging, files, mode)) {
      local = indexer.index(roots, mode, progress);
    }
    Map<String, String> want = stagedHashes(staging);
    Map<String, String> have = mode == IndexMode.FULL ? Map.of() : solrHashes(solr);
    // Notes of a batch that did not finish (failed, or the run was killed): Solr applies a batch's
    // documents one by one over several shards, so a note's first section (whose hash the
    // collection is compared by) may be there without the rest. They are sent again whole.
    Pending pending = Pending.at(staging);
    List<String> send = new ArrayList<>();
    for (Map.Entry<String, String> e : want.entrySet()) {
      if (!stamp(e.getValue()).equals(have.get(e.getKey())) || pending.contains(e.getKey())) {
        send.add(e.getKey());
      }
    }
    List<String> remove = new ArrayList<>();
    Map<String, String> inSolr = mode == IndexMode.FULL ? solrHashes(solr) : have;
    for (String path : inSolr.keySet()) {
      if (!want.containsKey(path)) {
        remove.add(path);
      }
    }
    for (String path : pending.paths()) {
      if (!want.containsKey(path) && !remove.contains(path)) {
        remove.add(path); // gone from the folder after a half-sent batch: its sections must go too
      }
    }
    List<Failed> failed = new ArrayList<>();
    List<String> sentNotes = new ArrayList<>();
    int sent = 0;
    int sections = 0;
    UpdateRequest batch = new UpdateRequest();
    List<String> batchNotes = new ArrayList<>();
    int batchSections = 0;
    for (String path : send) {
      List<SectionRecord> records;
      try {
        records = NoteSections.read(Path.of(path), want.get(path));
      } catch (IOException | RuntimeException e) {
        failed.add(new Failed(List.of(path), "cannot read (" + e.getMessage() + ")"));
        continue;
      }
      if (have.containsKey(path) || mode == IndexMode.FULL) {
        // The note's sections that this version does not have. Written for either order: SolrJ
        // sends a request's adds before its deletes, and this deletes none of the new sections.
        batch.deleteByQuery("+" + IndexSchema.PATH + ":" + ClientUtils.escapeQueryChars(path)
            + " -" + IndexSchema.NOTE_HASH + ":" + ClientUtils.escapeQueryChars(stamp(want.get(path))));
      }
      for (SectionRecord r : records) {
        batch.add(document(r, r == records.getFirst() ? IndexSchema.InNote.FIRST : IndexSchema.InNote.LATER));
      }
      batchNotes.add(path);
      batchSections += records.size();
      if (batchSections >= BATCH_SECTIONS) {
        if (send(solr, batch, batchNotes, failed, pending)) {
          sent += batchNotes.size();
          sections += batchSections;
          sentNotes.addAll(batchNotes);
        }
        batch = new UpdateRequest();
        batchNotes = new ArrayList<>();
        batchSections = 0;
      }
    }
    if (!batchNotes.isEmpty() && send(solr, batch, batchNotes, failed, pending)) {
      sent += batchNotes.size();
      sections += batchSections;
      sentNotes.addAll(batchNotes);
    }
    int removed = 0;
    for (int i = 0; i < remove.size(); i += 100) {
      List<String> some = remove.subList(i, Math.min(remove.size(), i + 100));
      UpdateRequest deletes = new UpdateRequest();
      some.forEach(p -> deletes.deleteByQuery("{!term f=" + IndexSchema.PATH + "}" + p));
      if (send(solr, deletes, some, failed, pending)) {
        removed += some.size();
        sentNotes.addAll(some);
      }
    }
    if (!sentNotes.isEmpty() || removed > 0) {
      try {
        solr.client().commit(solr.name(), true, true);
      } catch (SolrServerException | IOException | RuntimeException e) {
        // Taken but not visible: the collection still shows the old hashes, so the next run sends these again.
        failed.add(new Failed(List.copyOf(sentNotes), solr.failure("Solr did not commit", e).getMessage()));
        return new Report(local, 0, 0, 0, failed, created);
      }
    }
    // Committed: what is left pending is what failed this time.
    pending.keepOnly(failed.stream().flatMap(f -> f.notes().stream()).toList());
    return new Report(local, sent, sections, removed, failed, created);
  }

  /** Sends one batch, retrying; false (and the batch listed) when Solr never took it. */
  private static boolean send(SolrCollection solr, UpdateRequest batch, List<String> notes, List<Failed> failed, Pending pending)
      throws IOException {
    pending.add(notes); // before anything is sent: a kill from here on leaves them pending
    Exception last = null;
    for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
      try {
        batch.process(solr.client(), solr.name());
        return true;
      } catch (SolrServerException | IOException | RuntimeException e) {
        last = e;
        try {
          Thread.sleep(SolrCollection.retryPause(attempt).toMillis());
        } catch (InterruptedException interrupted) {
          Thread.currentThread().interrupt();
          break;
        }
      }
    }
    if (last != null && FailoverSolrClient.unreachable(last)) {
      // Not this batch's fault: every further batch would wait out its retries too.
      throw solr.failure("cannot reach the Solr cluster; nothing more was sent (run again when it is up)", last);
    }
    String reason = solr.failure("Solr refused the batch", last).getMessage();
    failed.add(new Failed(List.copyOf(notes), reason));
    return false;
  }

  /** The hash and the format together: what the collection records per note. */
  static String stamp(String hash) {
    return hash + "|" + FORMAT;
  }

  /**
   * A section as a Solr document: the fields of {@link IndexSchema#toDocument}, by the same names,
   * with the derived keyword fields (initials, glosses, draft) taken from the Lucene document it
   * makes, so they cannot drift.
   */
  static SolrInputDocument document(SectionRecord r, IndexSchema.InNote place) {
    Document lucene = IndexSchema.toDocument(r, NoteFields.of(r, new KeywordAnalyzer()));
    SolrInputDocument d = new SolrInputDocument();
    d.addField(IndexSchema.ID, r.path() + "#" + r.anchor());
    d.addField(IndexSchema.PATH, r.path());
    d.addField(IndexSchema.NOTE_HASH, stamp(r.noteHash()));
    if (place == IndexSchema.InNote.FIRST) {
      d.addField(IndexSchema.NOTE_FIRST, true);
    }
    d.addField(IndexSchema.TITLE, r.title()); // first: the title hits show
    for (String alias : r.aliases()) {
      d.addField(IndexSchema.TITLE, alias);
    }
    List<String> headings = r.headings();
    d.addField(IndexSchema.HEADING, headings.isEmpty() ? "" : headings.getLast());
    if (headings.size() > 1) {
      d.addField(IndexSchema.PARENTS, String.join("\n", headings.subList(0, headings.size() - 1)));
    }
    d.addField(IndexSchema.HEADINGS_STORED, String.join(IndexSchema.HEADING_SEPARATOR, headings));
    d.addField(IndexSchema.BODY, r.text());
    if (!r.code().isEmpty()) {
      d.addField(IndexSchema.CODE, r.code());
    }
    for (String tag : r.tags()) {
      d.addField(IndexSchema.TAGS_TEXT, tag);
      d.addField(IndexSchema.TAG, tag);
    }
    for (String category : r.categories()) {
      d.addField(IndexSchema.CATEGORY, category);
    }
    if (!r.description().isEmpty()) {
      d.addField(IndexSchema.DESCRIPTION, r.description());
    }
    if (r.date() != null) {
      d.addField(IndexSchema.DATE, r.date().toEpochDay());
    }
    for (String field : List.of(IndexSchema.DRAFT, IndexSchema.HEADING_INITIALS, IndexSchema.INITIALS, IndexSchema.GLOSS,
        IndexSchema.TITLE_KEY, IndexSchema.HEADING_KEY)) {
      for (String value : lucene.getValues(field)) {
        d.addField(field, value);
      }
    }
    for (String field : List.of(IndexSchema.DATE_SOURCE, IndexSchema.MODIFIED)) {
      if (lucene.getField(field) != null) {
        d.addField(field, lucene.getField(field).stringValue() != null ? lucene.getField(field).stringValue()
            : lucene.getField(field).numericValue());
      }
    }
    r.links().forEach(link -> d.addField(IndexSchema.LINK, link));
    r.linkTexts().forEach(t -> d.addField(IndexSchema.LINK_TEXT, IndexSchema.linkText(t)));
    if (place == IndexSchema.InNote.FIRST) {
      r.noteKeys().forEach(key -> d.addField(IndexSchema.LINK_KEY, key));
    }
    d.addField(IndexSchema.LINE, r.line());
    d.addField(IndexSchema.ANCHOR, r.anchor());
    return d;
  }

  /** Path → hash of every note in the staging index (its first section carries it). */
  static Map<String, String> stagedHashes(Path staging) throws IOException {
    return new TreeMap<>(io.notesearch.indexer.internal.KnownNotes.inIndex(staging));
  }

  /** Path → stamp of every note in the collection, from each note's first section. */
  static Map<String, String> solrHashes(SolrCollection solr) throws NoteIndexException {
    Map<String, String> out = new LinkedHashMap<>();
    SolrQuery q = new SolrQuery(IndexSchema.NOTE_FIRST + ":true")
        .setFields(IndexSchema.PATH, IndexSchema.NOTE_HASH)
        .setRows(1000)
        .setSort(IndexSchema.ID, SolrQuery.ORDER.asc);
    String cursor = CursorMarkParams.CURSOR_MARK_START;
    try {
      while (true) {
        q.set(CursorMarkParams.CURSOR_MARK_PARAM, cursor);
        QueryResponse r = solr.client().query(solr.name(), q);
        for (SolrDocument d : r.getResults()) {
          out.put((String) d.getFirstValue(IndexSchema.PATH), (String) d.getFirstValue(IndexSchema.NOTE_HASH));
        }
        String next = r.getNextCursorMark();
        if (next == null || next.equals(cursor)) {
          return out;
        }
        cursor = next;
      }
    } catch (SolrServerException | IOException | RuntimeException e) {
      throw solr.failure("cannot read the collection [" + solr.name() + "]", e);
    }
  }

  /** How many notes and sections the collection holds (for tests and reports). */
  static Map<String, Long> counts(SolrCollection solr) throws NoteIndexException {
    try {
      Map<String, Long> out = new HashMap<>();
      out.put("sections", solr.client().query(solr.name(), new SolrQuery("*:*").setRows(0)).getResults().getNumFound());
      out.put("notes", solr.client().query(solr.name(), new SolrQuery(IndexSchema.NOTE_FIRST + ":true").setRows(0)).getResults().getNumFound());
      return out;
    } catch (SolrServerException | IOException | RuntimeException e) {
      throw solr.failure("cannot read the collection [" + solr.name() + "]", e);
    }
  }

  /**
   * The notes whose batch was started but not committed, one path a line, beside the staging index
   * ({@code solr-pending.txt}): a write-ahead list, appended before a batch is sent and trimmed
   * after the commit.
   */
  static final class Pending {
    private final Path file;
    private final java.util.Set<String> paths;

    private Pending(Path file, java.util.Set<String> paths) {
      this.file = file;
      this.paths = paths;
    }

    static Pending at(Path staging) throws IOException {
      Path file = new IndexFolder(staging).file(IndexFolder.SOLR_PENDING);
      java.util.Set<String> paths = new java.util.LinkedHashSet<>();
      if (java.nio.file.Files.exists(file)) {
        for (String line : java.nio.file.Files.readAllLines(file, java.nio.charset.StandardCharsets.UTF_8)) {
          if (!line.isBlank()) {
            paths.add(line);
          }
        }
      }
      return new Pending(file, paths);
    }

    boolean contains(String path) {
      return paths.contains(path);
    }

    List<String> paths() {
      return List.copyOf(paths);
    }

    void add(List<String> notes) throws IOException {
      StringBuilder lines = new StringBuilder();
      for (String n : notes) {
        if (paths.add(n)) {
          lines.append(n).append('\n');
        }
      }
      if (!lines.isEmpty()) {
        java.nio.file.Files.writeString(file, lines, java.nio.charset.StandardCharsets.UTF_8,
            java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND,
            java.nio.file.StandardOpenOption.DSYNC);
      }
    }

    void keepOnly(List<String> notes) throws IOException {
      paths.retainAll(new java.util.HashSet<>(notes));
      if (paths.isEmpty()) {
        java.nio.file.Files.deleteIfExists(file);
      } else {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        java.nio.file.Files.write(tmp, paths, java.nio.charset.StandardCharsets.UTF_8);
        java.nio.file.Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
            java.nio.file.StandardCopyOption.ATOMIC_MOVE);
      }
    }
  }
}
