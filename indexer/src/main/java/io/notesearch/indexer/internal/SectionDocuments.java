package io.notesearch.indexer.internal;

import io.notesearch.core.schema.IndexFolder;
import io.notesearch.core.schema.IndexSchema;
import io.notesearch.core.schema.NoteFields;
import io.notesearch.core.schema.SectionRecord;
import io.notesearch.core.schema.TermImpacts;
import io.notesearch.indexer.markdown.Note;
import io.notesearch.indexer.markdown.NoteSections;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.function.BiConsumer;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;

/**
 * Builds the Lucene documents of a note's sections, with the average lengths the terms' scores are
 * worked out with ({@link TermImpacts}): kept in the commit data, estimated from a sample of the
 * folder when it is built, and estimated again when the folder has grown. Not API.
 */
final class SectionDocuments {
  /** Notes read to estimate the average lengths, spread over the folder. */
  static final int SAMPLE_NOTES = 64;

  /**
   * A folder this many times larger than when the average lengths were estimated has them estimated
   * again, and is rebuilt if they moved by more than {@link #AVERAGES_DRIFT}: a notes folder that
   * began with a few notes gets the averages of what it became, and the rebuilds cost at most a
   * third of the indexing (each one a quarter of the previous size).
   */
  static final int AVERAGES_GROWTH = 4;

  /** How far the estimated averages may move before the folder is rebuilt with the new ones. */
  static final double AVERAGES_DRIFT = 0.2;

  /** What to do after a new walk of the folder. */
  enum Estimate {
    /** The averages hold. */
    KEPT,
    /** New averages moved too far from those the index was written with: rebuild it. */
    REBUILD
  }

  private final Analyzer analyzer;

  /** The average lengths the notes are written with, and the folder's size when estimated. */
  private TermImpacts.Averages averages;

  private int averagedNotes;

  /**
   * @param analyzer the index analyzer, which analyses the note's shared fields
   * @param commit what the last commit recorded (its averages, if any)
   */
  SectionDocuments(Analyzer analyzer, IndexFolder.Commit commit) {
    this.analyzer = analyzer;
    readAverages(commit.averages());
  }

  /** The stored average lengths, or the defaults (as estimated from no notes) when there are none. */
  private void readAverages(String stored) {
    averages = TermImpacts.Averages.DEFAULT;
    averagedNotes = 0;
    if (stored == null) {
      return;
    }
    try {
      String[] parts = stored.split(",");
      averages = new TermImpacts.Averages(Double.parseDouble(parts[0]), Double.parseDouble(parts[1]));
      averagedNotes = Integer.parseInt(parts[2]);
    } catch (RuntimeException e) {
      // Unreadable: estimated again at the next full walk (the growth rule holds from 0 notes).
    }
  }

  /** {@return the averages and the folder size they were estimated at, as the commit data keeps them} */
  String commitData() {
    return averages.section() + "," + averages.note() + "," + averagedNotes;
  }

  /**
   * Estimates the averages of a folder being indexed: always for a build from scratch, and again when
   * it has grown {@link #AVERAGES_GROWTH} times.
   *
   * @param notes the folder's notes
   * @param fromScratch whether the index is being built from scratch
   * @param reader reads the sampled notes
   * @param pool the indexing threads
   * @return whether the index must be rebuilt with the new averages
   */
  Estimate estimate(List<Path> notes, boolean fromScratch, NoteReader reader, ExecutorService pool) throws IOException {
    if (fromScratch) {
      averages = sample(notes, reader, pool);
      averagedNotes = notes.size();
      return Estimate.KEPT;
    }
    if (notes.size() < AVERAGES_GROWTH * Math.max(1, averagedNotes)) {
      return Estimate.KEPT;
    }
    TermImpacts.Averages fresh = sample(notes, reader, pool);
    averagedNotes = notes.size();
    if (fresh.differsFrom(averages, AVERAGES_DRIFT)) {
      averages = fresh;
      return Estimate.REBUILD;
    }
    return Estimate.KEPT;
  }

  /**
   * Average section and note lengths of up to {@link #SAMPLE_NOTES} notes spread over the folder
   * (every note of a small one), analysed as they would be indexed; the defaults when none can be read.
   * The notes are read and analysed on the indexing threads: on one thread the other cores idled
   * through a sample that is 6% of a 1k-note folder's analysis, and all of a small folder's. The
   * lengths are whole numbers, so the sums are the same in any order.
   */
  private TermImpacts.Averages sample(List<Path> notes, NoteReader reader, ExecutorService pool) throws IOException {
    int picks = Math.min(SAMPLE_NOTES, notes.size());
    List<Future<TermImpacts.Sample>> parts = new ArrayList<>(picks);
    for (int i = 0; i < picks; i++) {
      Path file = notes.get((int) ((long) i * notes.size() / picks));
      parts.add(pool.submit(() -> {
        TermImpacts.Sample part = new TermImpacts.Sample();
        try {
          NoteReader.Parsed parsed = reader.read(file, null);
          forEachSection(file.toString(), parsed.hash(), parsed.note(), (record, shared) -> IndexSchema.sample(record, shared, part));
        } catch (NoteReader.Skip | RuntimeException | StackOverflowError e) {
          // reported when it is indexed (a note that cannot be analysed only leaves the sample smaller)
        }
        return part;
      }));
    }
    TermImpacts.Sample sample = new TermImpacts.Sample();
    for (Future<TermImpacts.Sample> part : parts) {
      sample.add(Indexer.await(part));
    }
    return sample.averages();
  }

  /** The documents of a note's sections, its first section first. */
  List<Document> of(String path, String hash, Note note) {
    List<Document> docs = new ArrayList<>();
    forEachSection(path, hash, note, (record, shared) -> docs.add(IndexSchema.toDocument(record, shared,
        docs.isEmpty() ? IndexSchema.InNote.FIRST : IndexSchema.InNote.LATER, averages)));
    return docs;
  }

  /** Each section of a note with the note's fields, analysed once for all of them. */
  private void forEachSection(String path, String hash, Note note, BiConsumer<SectionRecord, NoteFields> action) {
    NoteFields shared = null;
    for (SectionRecord record : NoteSections.records(path, hash, note)) {
      if (shared == null) {
        shared = NoteFields.of(record, analyzer);
      }
      action.accept(record, shared);
    }
  }
}
