package io.notesearch.solr;

import io.notesearch.core.analysis.Glossary;
import io.notesearch.core.analysis.NoteAnalyzers;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.lucene.util.ResourceLoader;

/**
 * The {@link NoteAnalyzers} of a config set: the very chains local notesearch indexes and searches
 * with (built from searcher's own sources), with the shipped user dictionary and glossary extended
 * by the config set's {@value #USER_DICTIONARY} and {@value #USER_GLOSSARY} when it has them (as a
 * local user's {@code userdict.txt} and {@code glossary.txt} extend them). One instance per
 * distinct pair of files in this JVM: Nori's dictionaries and the synonym map are built once.
 */
final class NoteAnalysis {
  /** The user's Nori dictionary entries, in the config set (optional). */
  static final String USER_DICTIONARY = "notesearch-userdict.txt";

  /** The user's glossary, in the config set (optional). */
  static final String USER_GLOSSARY = "notesearch-glossary.txt";

  private static final Map<String, NoteAnalyzers> BY_FILES = new ConcurrentHashMap<>();

  private NoteAnalysis() {}

  /** The analyzers of the config set a resource loader reads. */
  static NoteAnalyzers of(ResourceLoader loader) {
    String dictionary = read(loader, USER_DICTIONARY);
    String glossary = read(loader, USER_GLOSSARY);
    String key = (dictionary == null ? "-" : dictionary) + "\u0000" + (glossary == null ? "-" : glossary);
    return BY_FILES.computeIfAbsent(key, k -> build(dictionary, glossary));
  }

  /** The shipped dictionary and glossary only. */
  static NoteAnalyzers standard() {
    return BY_FILES.computeIfAbsent("-\u0000-", k -> build(null, null));
  }

  private static NoteAnalyzers build(String dictionary, String glossary) {
    try {
      Glossary g = Glossary.builtIn();
      if (glossary != null) {
        g = g.with(Glossary.parse(new StringReader(glossary), USER_GLOSSARY));
      }
      if (dictionary == null) {
        return NoteAnalyzers.with(g);
      }
      // NoteAnalyzers reads a user dictionary from a file, as locally.
      Path file = Files.createTempFile("notesearch-userdict", ".txt");
      try {
        Files.writeString(file, dictionary, StandardCharsets.UTF_8);
        return NoteAnalyzers.with(g, file);
      } finally {
        Files.deleteIfExists(file);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A config set file as text, or null when the config set has none. */
  private static String read(ResourceLoader loader, String name) {
    try (InputStream in = loader.openResource(name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      return null; // absent (SolrResourceNotFoundException is an IOException): the shipped files only
    }
  }
}
