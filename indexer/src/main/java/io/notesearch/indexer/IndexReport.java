package io.notesearch.indexer;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * What one indexing run did.
 *
 * <pre>{@code
 * IndexReport report = indexer.index(List.of(notes), IndexMode.DEFAULT);
 * System.out.println(report.added() + " new, " + report.updated() + " changed in " + report.took().toMillis() + " ms");
 * report.skipped().forEach(problem -> System.err.println(problem)); // path: reason
 * }</pre>
 *
 * @param notes notes in the index's folders after the run (indexed now or unchanged)
 * @param sections sections written in this run
 * @param added notes new to the index
 * @param updated notes whose content changed
 * @param unchanged notes skipped because their content hash was the same
 * @param deleted notes removed because their file is gone
 * @param bytes bytes of Markdown read and analysed in this run
 * @param skipped files not indexed, with reasons
 * @param warnings files indexed with a loss (e.g. a bad front matter field), with reasons
 * @param rebuilt whether the whole index was rebuilt (asked for, or the schema changed)
 * @param took wall time
 */
public record IndexReport(
    int notes,
    int sections,
    int added,
    int updated,
    int unchanged,
    int deleted,
    long bytes,
    List<Problem> skipped,
    List<Problem> warnings,
    boolean rebuilt,
    Duration took) {
  /** Validates and copies. */
  public IndexReport {
    skipped = List.copyOf(skipped);
    warnings = List.copyOf(warnings);
    Objects.requireNonNull(took, "took");
  }
}
