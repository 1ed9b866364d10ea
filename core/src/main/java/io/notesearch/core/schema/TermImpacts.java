package io.notesearch.core.schema;

import java.util.HashMap;
import java.util.Map;

/**
 * The score of each of a section's terms without its idf, worked out when the section is written:
 * the value of {@link IndexSchema#TERMS}. A query term is then one postings list whose
 * frequencies are its scores, so Lucene's per-block score bounds skip sections that cannot make the
 * top hits; the section and note BM25F apart were two postings lists and two norms per term, every
 * term a disjunction (JMH on 10k generated notes: p50 0.77 → 0.54 ms, p99 1.82 → 1.13 ms;
 * docs/benchmarks.md).
 *
 * <p>The score is what a term query scored before: BM25F over the section's fields (heading,
 * parents, body, code: {@link IndexSchema#SECTION_WEIGHTS}) and over the note's (title, tags,
 * description: {@link IndexSchema#NOTE_WEIGHTS}), the better of the two plus {@link
 * IndexSchema#NOTE_TIE} of the other. BM25 needs the average lengths, which are the index's, not
 * the section's: the indexer estimates them from a sample of the notes and keeps them with the
 * index ({@link Averages}). What differs from scoring at query time: one idf for both parts (the
 * sections with the term anywhere), the averages of the sample, and rounding to 1/{@link #SCALE}.
 */
public final class TermImpacts {
  /**
   * Scores are stored as whole frequencies in units of 1/SCALE. The index grows with the bits a
   * frequency needs: 1/1024 made it 1.23× the Markdown, 1/128 lost a judged section to rounding.
   */
  public static final int SCALE = 256;

  /** BM25's saturation and length normalisation, Lucene's defaults. */
  static final float K1 = 1.2f;

  static final float B = 0.75f;

  private TermImpacts() {}

  /**
   * The average weighted lengths of sections and of notes, which BM25 compares each length with:
   * the sums of the counts, {@link IndexSchema#SECTION_WEIGHTS} × {@link IndexSchema#SECTION_SCALE}
   * per occurrence in a section's fields, {@link IndexSchema#NOTE_WEIGHTS} in a note's.
   *
   * @param section a section's own fields
   * @param note a note's title, tags and description
   */
  public record Averages(double section, double note) {
    /**
     * For an index of which nothing is known yet (tests, a Solr document, a note indexed by the
     * watcher into an empty index): about what the sample notes and the generated ones measure.
     */
    public static final Averages DEFAULT = new Averages(120, 30);

    /** Checks both are positive. */
    public Averages {
      if (!(section > 0 && note > 0 && Double.isFinite(section) && Double.isFinite(note))) {
        throw new IllegalArgumentException("average lengths must be positive: " + section + ", " + note);
      }
    }

    /** Whether either average is more than {@code share} away from the other's. */
    public boolean differsFrom(Averages other, double share) {
      return Math.abs(section / other.section - 1) > share || Math.abs(note / other.note - 1) > share;
    }
  }

  /** Adds up the lengths of sample sections; not thread-safe. */
  public static final class Sample {
    private double section;
    private double note;
    private int count;

    /** Adds one section: its own weighted length and its note's. */
    public void add(long sectionLength, long noteLength) {
      section += sectionLength;
      note += noteLength;
      count++;
    }

    /** Adds the sections of another sample. */
    public void add(Sample other) {
      section += other.section;
      note += other.note;
      count += other.count;
    }

    /** Sections added. */
    public int count() {
      return count;
    }

    /** The averages of the sections added, or {@link Averages#DEFAULT} when none or empty. */
    public Averages averages() {
      if (count == 0 || section == 0 || note == 0) {
        return Averages.DEFAULT;
      }
      return new Averages(section / count, note / count);
    }
  }

  /** The sum of a term-count map's counts: the weighted length. */
  static long length(Map<String, Integer> counts) {
    long sum = 0;
    for (int c : counts.values()) {
      sum += c;
    }
    return sum;
  }

  /**
   * Each term of the section or its note with its score in 1/{@link #SCALE} units, at least 1.
   *
   * @param section the section's weighted counts (× {@link IndexSchema#SECTION_SCALE})
   * @param note the note's weighted counts
   * @param noteLength the sum of {@code note}'s counts
   */
  static Map<String, Integer> of(Map<String, Integer> section, Map<String, Integer> note, long noteLength, Averages averages) {
    // tf / (tf + k1·(1 − b + b·len/avg)); the section's counts and length are SECTION_SCALE times
    // the weighted ones, so its k1 is too (the ratio is unchanged).
    double sectionNorm = K1 * IndexSchema.SECTION_SCALE * (1 - B + B * length(section) / averages.section());
    double noteNorm = K1 * (1 - B + B * noteLength / averages.note());
    Map<String, Integer> out = new HashMap<>(section.size() + note.size());
    section.forEach((term, tf) -> out.put(term, impact(tf, sectionNorm, note.getOrDefault(term, 0), noteNorm)));
    note.forEach((term, tf) -> out.putIfAbsent(term, impact(0, sectionNorm, tf, noteNorm)));
    return out;
  }

  private static int impact(int sectionTf, double sectionNorm, int noteTf, double noteNorm) {
    double s = sectionTf / (sectionTf + sectionNorm);
    double n = noteTf * IndexSchema.NOTE_BOOST / (noteTf + noteNorm);
    double score = Math.max(s, n) + IndexSchema.NOTE_TIE * Math.min(s, n);
    return Math.max(1, (int) Math.round(score * SCALE));
  }
}
