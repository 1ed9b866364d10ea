package io.notesearch.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/** Which generator writes a benchmark's notes, and the queries they are searched with. */
enum Generator {
  /** Notes fitted to real ones ({@link RealisticGenerator}), searched with 200 seeded queries drawn like their words. */
  REALISTIC,
  /** The worst case ({@link NotesGenerator}): every word drawn evenly from ~300, searched with 14 of them. */
  UNIFORM;

  /** The generator a name picks: {@code realistic} or {@code uniform}. */
  static Generator named(String name) {
    for (Generator g : values()) {
      if (g.name().toLowerCase(Locale.ROOT).equals(name)) {
        return g;
      }
    }
    throw new IllegalArgumentException("generator is realistic or uniform, not " + name);
  }

  /**
   * Writes {@code notes} notes into {@code out}, in folders of at most 500.
   *
   * @return the bytes written
   */
  long generate(int notes, long seed, Path out) throws IOException {
    return this == UNIFORM ? NotesGenerator.generate(notes, seed, out)
        : RealisticGenerator.measured().generate(notes, seed, out, false).bytes();
  }

  /** The fixed query set the benchmarks search these notes with. */
  List<String> queries() {
    return this == UNIFORM ? NotesGenerator.QUERIES : RealisticGenerator.measured().queries(RealisticGenerator.QUERY_SEED, 200);
  }

  /**
   * A short hash of what the generator draws from ({@link RealisticShape#MEASURED} and words.txt;
   * the uniform generator's word lists): notes kept from a generator with other parameters have
   * another one.
   */
  String fingerprint() {
    String parameters = this == UNIFORM ? NotesGenerator.parameters()
        : RealisticShape.MEASURED.java() + "\n" + String.join("\n", WordModel.headWords());
    try {
      byte[] sha = MessageDigest.getInstance("SHA-256").digest(parameters.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(sha, 0, 6);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }
}
