package io.notesearch.core.query;

import java.time.LocalDate;
import java.util.List;

/** A parsed query: what the mini-language of {@link QueryParser} means. Not API. */
public sealed interface QueryNode {
  /** Plain words: analysed together (particles dropped, synonyms added), every word required. */
  record Text(String text) implements QueryNode {}

  /** {@code "exact words"}: in this order, next to each other. */
  record Phrase(String text) implements QueryNode {}

  /** {@code word*}: any word starting so; {@code 람ㄷ} (a trailing lone consonant) too. */
  record Prefix(String prefix) implements QueryNode {}

  /** {@code word~} or {@code word~1}: words within that many edits. */
  record Fuzzy(String word, int edits) implements QueryNode {}

  /** {@code field:value}, for a {@link FieldName} other than date. */
  record Field(FieldName field, String value) implements QueryNode {}

  /** {@code date:…}: notes dated in {@code [from, to]}; either end may be null. */
  record Dates(LocalDate from, LocalDate to) implements QueryNode {}

  /** {@code ㄹㄷ}: words whose initial consonants are these. */
  record Initials(String consonants) implements QueryNode {}

  /** {@code -x}: sections that do not match. */
  record Not(QueryNode node) implements QueryNode {}

  /** Every part must match. */
  record And(List<QueryNode> nodes) implements QueryNode {
    /** Copies. */
    public And {
      nodes = List.copyOf(nodes);
    }
  }

  /** {@code a OR b}: any part may match. */
  record Or(List<QueryNode> nodes) implements QueryNode {
    /** Copies. */
    public Or {
      nodes = List.copyOf(nodes);
    }
  }

  /** The fields a query can name. */
  enum FieldName {
    /** The note's title. */
    TITLE,
    /** The section's heading or the headings above it. */
    HEADING,
    /** A tag of the note, exactly. */
    TAG,
    /** The note's category, exactly. */
    CATEGORY,
    /** Part of the note's file path. */
    PATH,
    /** The section's code blocks. */
    CODE,
    /** The note's date: {@code 2020}, {@code >=2020-04}, {@code 2020-01..2020-06}. */
    DATE;

    /** The name as typed in a query. */
    public String label() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }
}
