package io.notesearch.core.analysis;

import io.notesearch.core.schema.IndexFolder;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import org.apache.lucene.analysis.synonym.SynonymMap;
import org.apache.lucene.store.ByteArrayDataInput;
import org.apache.lucene.store.ByteBuffersDataOutput;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.BytesRefHash;
import org.apache.lucene.util.Version;
import org.apache.lucene.util.fst.ByteSequenceOutputs;
import org.apache.lucene.util.fst.FST;

/**
 * The glossary's synonym map, saved beside an index. Building it analyses every glossary term with
 * Nori, which must first decode its dictionaries: a cold search waited ~100 ms for that before it
 * could even open the index. Loading the saved map takes a few milliseconds and needs no Nori.
 *
 * <p>The file is keyed by everything the map is made of: the glossary groups, the user dictionary,
 * the bytes of the analysis classes and Lucene's version. A key that does not match, or a file
 * that cannot be read, is a miss; a folder that cannot be written is only a slower start.
 */
final class SynonymCache {
  private static final String MAGIC = "notesearch-synonyms-1";

  /** The classes whose code decides how glossary terms are analysed. */
  private static final List<Class<?>> ANALYSIS_CODE = List.of(
      NoteAnalyzers.class, TechTermFilter.class, PartOfSpeechDropFilter.class, LightEnglishStemFilter.class,
      Glossary.class, SynonymCache.class);

  private SynonymCache() {}

  /**
   * The part of a key that does not depend on the glossary: a digest of Lucene's version, the
   * analysis code and the user dictionary. Hashing them takes ~10 ms in a fresh JVM, so the built-in
   * dictionary's is made once on a preload thread ({@link NoteAnalyzers}).
   *
   * @return the digest (callers do not change it), or null when the code cannot be read: then no
   *     key matches
   */
  static byte[] prefix(String dictionaryText) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      sha.update(Version.LATEST.toString().getBytes(StandardCharsets.UTF_8));
      for (Class<?> top : ANALYSIS_CODE) {
        // With its nested and anonymous classes: the chains are built in NoteAnalyzers$N.
        for (Class<?> c : top.getNestMembers()) {
          String file = c.getName().substring(c.getName().lastIndexOf('.') + 1) + ".class";
          sha.update(classIdentity(top, file));
        }
      }
      sha.update(dictionaryText.getBytes(StandardCharsets.UTF_8));
      return sha.digest();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    } catch (IOException e) {
      return null;
    }
  }

  /** The key of the map built from these groups, after a {@link #prefix}. */
  static String key(byte[] prefix, List<List<String>> groups) {
    if (prefix == null) {
      return "unreadable-code-" + System.nanoTime(); // never matches a saved file
    }
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      sha.update(prefix);
      for (List<String> group : groups) {
        sha.update((byte) 0);
        for (String term : group) {
          sha.update(term.getBytes(StandardCharsets.UTF_8));
          sha.update((byte) 1);
        }
      }
      return HexFormat.of().formatHex(sha.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }

  /**
   * What identifies a class file's bytes: in a jar, the size and CRC its directory records (no
   * inflating at every start); in a folder (tests, IDEs), the bytes themselves.
   */
  private static byte[] classIdentity(Class<?> top, String file) throws IOException {
    java.net.URL url = top.getResource(file);
    if (url == null) {
      throw new IOException("no class file " + file);
    }
    java.net.URLConnection connection = url.openConnection();
    if (connection instanceof java.net.JarURLConnection jar) {
      java.util.jar.JarEntry entry = jar.getJarEntry();
      if (entry != null && entry.getCrc() >= 0 && entry.getSize() >= 0) {
        return (file + "/" + entry.getSize() + "/" + entry.getCrc()).getBytes(StandardCharsets.UTF_8);
      }
    }
    try (InputStream in = connection.getInputStream()) {
      return in.readAllBytes();
    }
  }

  /** {@return the saved map for this key, or null when there is none or it cannot be read} */
  static SynonymMap load(Path folder, String key) {
    Path file = folder.resolve(IndexFolder.SYNONYM_CACHE);
    try {
      if (!Files.isRegularFile(file)) {
        return null;
      }
      ByteArrayDataInput in = new ByteArrayDataInput(Files.readAllBytes(file));
      if (!MAGIC.equals(in.readString()) || !key.equals(in.readString())) {
        return null;
      }
      int maxHorizontalContext = in.readVInt();
      int count = in.readVInt();
      BytesRefHash words = new BytesRefHash();
      for (int i = 0; i < count; i++) {
        byte[] word = new byte[in.readVInt()];
        in.readBytes(word, 0, word.length);
        if (words.add(new BytesRef(word)) != i) { // the FST's outputs name words by these ids
          return null;
        }
      }
      FST<BytesRef> fst = null;
      if (in.readByte() == 1) {
        fst = new FST<>(FST.readMetadata(in, ByteSequenceOutputs.getSingleton()), in);
      }
      return new SynonymMap(fst, words, maxHorizontalContext);
    } catch (IOException | RuntimeException e) {
      return null; // damaged or from another version: rebuilt and saved again
    }
  }

  /** Saves the map for this key; a folder that cannot be written is ignored. */
  static void store(Path folder, String key, SynonymMap map) {
    Path tmp = null;
    try {
      ByteBuffersDataOutput out = new ByteBuffersDataOutput();
      out.writeString(MAGIC);
      out.writeString(key);
      out.writeVInt(map.maxHorizontalContext);
      out.writeVInt(map.words.size());
      BytesRef scratch = new BytesRef();
      for (int i = 0; i < map.words.size(); i++) {
        map.words.get(i, scratch);
        out.writeVInt(scratch.length);
        out.writeBytes(scratch.bytes, scratch.offset, scratch.length);
      }
      out.writeByte((byte) (map.fst == null ? 0 : 1));
      if (map.fst != null) {
        map.fst.save(out, out);
      }
      // Written aside and moved into place: a reader in another process never sees half a file.
      tmp = Files.createTempFile(folder, IndexFolder.SYNONYM_CACHE, ".tmp");
      Files.write(tmp, out.toArrayCopy());
      try {
        Files.move(tmp, folder.resolve(IndexFolder.SYNONYM_CACHE), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, folder.resolve(IndexFolder.SYNONYM_CACHE), StandardCopyOption.REPLACE_EXISTING);
      }
      tmp = null;
    } catch (IOException | RuntimeException e) {
      // read-only index folder, full disk: the next start builds the map again
    } finally {
      if (tmp != null) {
        try {
          Files.deleteIfExists(tmp);
        } catch (IOException ignored) {
          // nothing more to do
        }
      }
    }
  }
}
