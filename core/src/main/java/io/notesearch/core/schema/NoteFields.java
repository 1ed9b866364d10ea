package io.notesearch.core.schema;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;

/**
 * A note's own fields (title, description, tags), analysed once and replayed into each of its
 * section documents: a note has about ten sections, and Nori is the cost of indexing. Also the
 * index analyzer, with which {@link IndexSchema#toDocument} analyses each section's own fields.
 */
public final class NoteFields {
  private final Analyzer analyzer;
  private final Tokens title;
  private final List<Tokens> tags;
  private final Map<String, Integer> noteTerms;
  private final long noteLength;

  private NoteFields(Analyzer analyzer, Tokens title, Tokens description, List<Tokens> tags) {
    this.analyzer = analyzer;
    this.title = title;
    this.tags = tags;
    Map<String, Integer> counts = new HashMap<>();
    title.countInto(counts, IndexSchema.weight(IndexSchema.TITLE));
    description.countInto(counts, IndexSchema.weight(IndexSchema.DESCRIPTION));
    for (Tokens tag : tags) {
      tag.countInto(counts, IndexSchema.weight(IndexSchema.TAGS_TEXT));
    }
    this.noteTerms = Map.copyOf(counts);
    this.noteLength = TermImpacts.length(noteTerms);
  }

  /**
   * Analyses a note's fields.
   *
   * @param section any section of the note (they share these fields)
   * @param analyzer the index analyzer
   */
  public static NoteFields of(SectionRecord section, Analyzer analyzer) {
    List<Tokens> tags = new ArrayList<>();
    for (String tag : section.tags()) {
      tags.add(Tokens.of(analyzer, IndexSchema.TAGS_TEXT, tag));
    }
    return new NoteFields(
        analyzer,
        // The aliases are more names of the note: searched as its title is.
        Tokens.of(analyzer, IndexSchema.TITLE,
            section.aliases().isEmpty() ? section.title() : section.title() + "\n" + String.join("\n", section.aliases())),
        Tokens.of(analyzer, IndexSchema.DESCRIPTION, section.description()),
        tags);
  }

  Analyzer analyzer() {
    return analyzer;
  }

  TokenStream title() {
    return title.replay();
  }

  List<TokenStream> tags() {
    return tags.stream().map(Tokens::replay).toList();
  }

  /** The note's terms with their weighted counts, scored into {@link IndexSchema#TERMS}. */
  Map<String, Integer> noteTerms() {
    return noteTerms;
  }

  /** The sum of {@link #noteTerms()}' counts: the note's weighted length, the same for each section. */
  long noteLength() {
    return noteLength;
  }
}
