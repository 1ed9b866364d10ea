package io.notesearch.solr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionLengthAttribute;
import org.apache.lucene.util.ClasspathResourceLoader;
import org.junit.jupiter.api.Test;

/**
 * The schema's tokenizer emits exactly what NoteAnalyzers' chains emit — terms, positions, position
 * lengths (synonym graphs) and offsets — over every sample note, for prose, code and queries.
 */
class NoteTokenizerFactoryTest {
  private static final Path NOTES = Path.of(System.getProperty("notesearch.corpus", "../../corpus")).resolve("notes");

  @Test
  void indexChainIsNoteAnalyzersIndex() throws IOException {
    compareOverCorpus("index", "body", NoteAnalysis.standard().index());
  }

  @Test
  void codeChainIsNoteAnalyzersCode() throws IOException {
    compareOverCorpus("index", "code", NoteAnalysis.standard().index());
  }

  @Test
  void queryChainIsNoteAnalyzersQueryWithItsSynonymGraph() throws IOException {
    Analyzer schema = schema("query", "body");
    for (String q : List.of("람다는 어떻게 과금되나", "레디스 세션", "EC2가 ELB를 거치면", "node.js 비동기", "로드밸런서")) {
      assertEquals(tokens(NoteAnalysis.standard().query(), "body", q), tokens(schema, "body", q), q);
    }
    assertTrue(tokens(schema, "body", "레디스").stream().anyMatch(t -> t.startsWith("redi/")), "glossary synonyms on the query side (redis, stemmed): " + tokens(schema, "body", "레디스"));
  }

  @Test
  void theConfigSetsUserDictionaryAndGlossaryExtendTheShippedOnes() throws IOException {
    Map<String, String> files = Map.of(
        NoteAnalysis.USER_DICTIONARY, "노트서치엔진\n",
        NoteAnalysis.USER_GLOSSARY, "노트서치엔진, zzengine\n");
    org.apache.lucene.util.ResourceLoader configSet = new org.apache.lucene.util.ResourceLoader() {
      @Override
      public java.io.InputStream openResource(String name) throws IOException {
        String text = files.get(name);
        if (text == null) {
          throw new java.io.FileNotFoundException(name);
        }
        return new java.io.ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
      }

      @Override
      public <T> Class<? extends T> findClass(String cname, Class<T> expectedType) {
        throw new UnsupportedOperationException();
      }
    };
    NoteTokenizerFactory index = new NoteTokenizerFactory(new HashMap<>(Map.of("chain", "index")));
    index.inform(configSet);
    NoteTokenizerFactory query = new NoteTokenizerFactory(new HashMap<>(Map.of("chain", "query")));
    query.inform(configSet);
    List<String> shipped = tokens(schema("index", "body"), "body", "노트서치엔진");
    List<String> withDictionary = tokens(analyzer(index), "body", "노트서치엔진");
    assertTrue(withDictionary.contains("노트서치엔진/1/1/0-6"), withDictionary.toString());
    assertTrue(!shipped.contains("노트서치엔진/1/1/0-6"), shipped.toString());
    assertTrue(tokens(analyzer(query), "body", "zzengine").stream().anyMatch(t -> t.startsWith("노트서치엔진/")),
        "the config set's glossary: " + tokens(analyzer(query), "body", "zzengine"));
  }

  private static Analyzer analyzer(NoteTokenizerFactory factory) {
    return new Analyzer() {
      @Override
      protected TokenStreamComponents createComponents(String fieldName) {
        return new TokenStreamComponents(factory.create());
      }
    };
  }

  private static void compareOverCorpus(String chain, String field, Analyzer expected) throws IOException {
    Analyzer schema = schema(chain, field);
    List<Path> files;
    try (Stream<Path> walk = Files.walk(NOTES)) {
      files = walk.filter(p -> p.toString().endsWith(".md")).sorted().toList();
    }
    assertTrue(files.size() >= 40, "sample notes at " + NOTES);
    for (Path file : files) {
      String text = Files.readString(file, StandardCharsets.UTF_8);
      assertEquals(tokens(expected, field, text), tokens(schema, field, text), file.toString());
    }
  }

  /** An analyzer made of the schema's tokenizer alone, as Solr builds the field type's. */
  private static Analyzer schema(String chain, String field) {
    Map<String, String> args = new HashMap<>(Map.of("chain", chain, "field", field));
    NoteTokenizerFactory factory = new NoteTokenizerFactory(args);
    factory.inform(new ClasspathResourceLoader(NoteTokenizerFactoryTest.class));
    return new Analyzer() {
      @Override
      protected TokenStreamComponents createComponents(String fieldName) {
        Tokenizer t = factory.create();
        return new TokenStreamComponents(t);
      }
    };
  }

  private static List<String> tokens(Analyzer analyzer, String field, String text) throws IOException {
    List<String> out = new ArrayList<>();
    try (TokenStream ts = analyzer.tokenStream(field, text)) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      PositionIncrementAttribute inc = ts.addAttribute(PositionIncrementAttribute.class);
      PositionLengthAttribute len = ts.addAttribute(PositionLengthAttribute.class);
      OffsetAttribute offset = ts.addAttribute(OffsetAttribute.class);
      ts.reset();
      while (ts.incrementToken()) {
        out.add(term + "/" + inc.getPositionIncrement() + "/" + len.getPositionLength() + "/" + offset.startOffset() + "-" + offset.endOffset());
      }
      ts.end();
      out.add("end/" + inc.getPositionIncrement() + "/" + offset.endOffset());
    }
    return out;
  }
}
