package io.notesearch.core.analysis;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.synonym.SynonymMap;
import org.apache.lucene.util.CharsRef;
import org.apache.lucene.util.CharsRefBuilder;

/**
 * Groups of terms that mean the same thing to a reader of tech notes: a Hangul loanword, its English
 * term, an abbreviation and its long form ({@code 로드 밸런서, load balancer, elb}).
 *
 * <p>The file format is one group per line, terms separated by commas, {@code #} for comments (the
 * equivalence lines of Solr's synonym format). Unlike Solr's parser, a bad line costs only that
 * line: it is recorded in {@link #problems()} so that a user's own glossary never breaks search.
 */
public final class Glossary {
  /** The glossary shipped with notesearch, on the class path. */
  public static final String BUILT_IN = "glossary.txt";

  private final List<List<String>> groups;
  private final List<String> problems;

  private Glossary(List<List<String>> groups, List<String> problems) {
    this.groups = List.copyOf(groups);
    this.problems = List.copyOf(problems);
  }

  /** A glossary without groups. */
  public static Glossary empty() {
    return new Glossary(List.of(), List.of());
  }

  private static final class BuiltIn {
    static final Glossary INSTANCE = read();
  }

  /** The glossary shipped with notesearch (read once per JVM: instances are immutable). */
  public static Glossary builtIn() {
    return BuiltIn.INSTANCE;
  }

  private static Glossary read() {
    try (InputStream in = Glossary.class.getResourceAsStream(BUILT_IN)) {
      if (in == null) {
        throw new IllegalStateException("missing resource [" + BUILT_IN + "] next to " + Glossary.class);
      }
      return parse(new InputStreamReader(in, StandardCharsets.UTF_8), BUILT_IN);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Reads a user's glossary file in the same format as the built-in one.
   *
   * @param file a UTF-8 text file
   */
  public static Glossary read(Path file) throws IOException {
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      return parse(reader, file.toString());
    }
  }

  /**
   * Parses glossary lines.
   *
   * @param reader the text, one group per line
   * @param source a name for problem messages
   */
  public static Glossary parse(Reader reader, String source) throws IOException {
    List<List<String>> groups = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    BufferedReader lines = new BufferedReader(reader);
    String line;
    int number = 0;
    while ((line = lines.readLine()) != null) {
      number++;
      String text = line.strip();
      if (text.isEmpty() || text.startsWith("#")) {
        continue;
      }
      if (text.contains("=>")) {
        problems.add(source + ":" + number + ": one-way rules [=>] are not supported; write a group");
        continue;
      }
      Set<String> terms = new LinkedHashSet<>();
      for (String term : text.split(",")) {
        String t = term.strip().toLowerCase(Locale.ROOT);
        if (!t.isEmpty()) {
          terms.add(t);
        }
      }
      if (terms.size() < 2) {
        problems.add(source + ":" + number + ": a group needs two terms or more [" + text + "]");
        continue;
      }
      groups.add(List.copyOf(terms));
    }
    return new Glossary(groups, problems);
  }

  /** This glossary followed by another's groups. */
  public Glossary with(Glossary other) {
    List<List<String>> all = new ArrayList<>(groups);
    all.addAll(other.groups);
    List<String> allProblems = new ArrayList<>(problems);
    allProblems.addAll(other.problems);
    return new Glossary(all, allProblems);
  }

  /** The groups, each a list of two or more lowercase terms. */
  public List<List<String>> groups() {
    return groups;
  }

  /** Each term's groups, made on the first look-up. */
  private volatile java.util.Map<String, List<String>> byTerm;

  /**
   * The terms a term is a synonym of, itself included.
   *
   * @param term a lowercase term as the glossary writes it ({@code 쿠버네티스}, {@code load balancer})
   * @return its synonyms and itself, or just itself when the glossary does not have it
   */
  public List<String> synonymsOf(String term) {
    java.util.Map<String, List<String>> map = byTerm;
    if (map == null) {
      map = new java.util.HashMap<>();
      for (List<String> group : groups) {
        for (String t : group) {
          map.merge(t, group, (a, b) -> java.util.stream.Stream.concat(a.stream(), b.stream()).distinct().toList());
        }
      }
      byTerm = map;
    }
    return map.getOrDefault(term, List.of(term));
  }

  /** Lines that were skipped, each naming the source, line and reason. */
  public List<String> problems() {
    return problems;
  }

  /**
   * Terms of this glossary that the analyzer reduces to nothing or cannot use as a synonym (e.g. a
   * word made only of particles); they are left out of the synonym map.
   *
   * @param analyzer the linear query analyzer without synonyms
   */
  public List<String> unusableTerms(Analyzer analyzer) {
    SynonymMap.Parser parser = parser(analyzer);
    List<String> out = new ArrayList<>();
    for (List<String> group : groups) {
      for (String term : group) {
        try {
          if (parser.analyze(term, new CharsRefBuilder()).length == 0) {
            out.add(term);
          }
        } catch (IllegalArgumentException | IOException e) {
          out.add(term);
        }
      }
    }
    return out;
  }

  private static SynonymMap.Parser parser(Analyzer analyzer) {
    return new SynonymMap.Parser(true, analyzer) {
      @Override
      public void parse(Reader in) {
        throw new UnsupportedOperationException("use Glossary.parse");
      }
    };
  }

  /**
   * Builds the synonym map, analysing every term with the analyzer the query goes through (so
   * {@code 로드 밸런서} becomes the terms the index holds). A term the analyzer reduces to nothing
   * is left out of its group.
   *
   * @param analyzer a linear (no stacked tokens) query analyzer without synonyms
   */
  SynonymMap toSynonymMap(Analyzer analyzer) throws IOException {
    SynonymMap.Parser parser = parser(analyzer);
    for (List<String> group : groups) {
      List<CharsRef> analysed = new ArrayList<>();
      for (String term : group) {
        try {
          CharsRef ref = parser.analyze(term, new CharsRefBuilder());
          if (ref.length > 0 && !analysed.contains(ref)) {
            analysed.add(ref);
          }
        } catch (IllegalArgumentException e) {
          // Reduced to nothing or to stacked tokens by the analyzer: not a usable synonym.
        }
      }
      for (CharsRef a : analysed) {
        for (CharsRef b : analysed) {
          if (!a.equals(b)) {
            parser.add(a, b, true);
          }
        }
      }
    }
    return parser.build();
  }
}
