package io.notesearch.core.schema;

import io.notesearch.core.analysis.Glossary;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.MultiBits;
import org.apache.lucene.index.MultiTerms;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.BytesRef;

/**
 * The glossary mined from the notes of one index ({@code 화살표 함수(Arrow Function)} → a synonym
 * pair), kept in a text file beside the index so that a searcher loads it without scanning the
 * index. The indexer rewrites it after every commit.
 */
public final class MinedGlossary {
  private MinedGlossary() {}

  /**
   * A mined pair and how many sections gloss it that way.
   *
   * @param term the glossed term
   * @param gloss its translation or long form
   * @param sections sections that contain the pair
   */
  public record Pair(String term, String gloss, int sections) {}

  /** The pairs in a live index, most used first. */
  public static List<Pair> collect(IndexReader reader) throws IOException {
    Terms terms = MultiTerms.getTerms(reader, IndexSchema.GLOSS);
    List<Pair> out = new ArrayList<>();
    if (terms == null) {
      return out;
    }
    Bits live = MultiBits.getLiveDocs(reader);
    TermsEnum te = terms.iterator();
    for (BytesRef t = te.next(); t != null; t = te.next()) {
      PostingsEnum postings = MultiTerms.getTermPostingsEnum(reader, IndexSchema.GLOSS, t, PostingsEnum.NONE);
      int count = 0;
      for (int d = postings.nextDoc(); d != DocIdSetIterator.NO_MORE_DOCS; d = postings.nextDoc()) {
        if (live == null || live.get(d)) {
          count++;
        }
      }
      if (count > 0) {
        String[] parts = t.utf8ToString().split(IndexSchema.HEADING_SEPARATOR, 2);
        if (parts.length == 2) {
          out.add(new Pair(parts[0], parts[1], count));
        }
      }
    }
    out.sort((a, b) -> a.sections() != b.sections() ? Integer.compare(b.sections(), a.sections()) : a.term().compareTo(b.term()));
    return out;
  }

  /** Writes the pairs of a live index to {@link IndexFolder#MINED_GLOSSARY} in the index folder, atomically. */
  public static void write(Path indexFolder, IndexReader reader) throws IOException {
    StringBuilder text = new StringBuilder("# Pairs mined from the notes of this index: term, gloss  # sections\n");
    for (Pair p : collect(reader)) {
      text.append(p.term().replace(",", " ")).append(", ").append(p.gloss().replace(",", " "))
          .append("\n");
    }
    Path tmp = indexFolder.resolve(IndexFolder.MINED_GLOSSARY + ".tmp");
    Files.writeString(tmp, text, StandardCharsets.UTF_8);
    try {
      Files.move(tmp, indexFolder.resolve(IndexFolder.MINED_GLOSSARY), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(tmp, indexFolder.resolve(IndexFolder.MINED_GLOSSARY), StandardCopyOption.REPLACE_EXISTING);
    }
  }

  /** The mined glossary of an index folder; empty when it has none. */
  public static Glossary read(Path indexFolder) throws IOException {
    Path file = indexFolder.resolve(IndexFolder.MINED_GLOSSARY);
    if (!Files.isRegularFile(file)) {
      return Glossary.parse(new StringReader(""), IndexFolder.MINED_GLOSSARY);
    }
    return Glossary.read(file);
  }
}
