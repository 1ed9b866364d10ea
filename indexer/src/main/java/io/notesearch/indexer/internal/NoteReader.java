package io.notesearch.indexer.internal;

import io.notesearch.indexer.markdown.Note;
import io.notesearch.indexer.markdown.NoteParseException;
import io.notesearch.indexer.markdown.NoteParser;
import io.notesearch.indexer.markdown.TextDecoder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.concurrent.TimeUnit;

/**
 * Reads one note file: decides from its size and modification time whether it changed since it was
 * indexed, and otherwise reads, decodes and parses it, or says why it is skipped. Not API.
 */
public final class NoteReader {
  /** Largest note read; a bigger file is skipped (parsing needs a few times its size in memory). */
  public static final long MAX_NOTE_BYTES = 64L << 20;

  /** Reads a file's bytes; a seam so tests can make reading fail, which permissions cannot do for root. */
  @FunctionalInterface
  public interface FileBytes {
    /**
     * Reads a file.
     *
     * @param file the file
     * @return its content
     * @throws IOException when it cannot be read
     */
    byte[] read(Path file) throws IOException;
  }

  /**
   * A note read and parsed.
   *
   * @param note the note, or null when its file is unchanged since it was indexed
   * @param hash its content hash and file stamp, as the index keeps it
   * @param bytes its size (0 when unchanged)
   * @param legacyEncoding the legacy encoding it was read in, or null for UTF-8
   * @param replaced how many malformed UTF-8 sequences were replaced
   */
  record Parsed(Note note, String hash, long bytes, String legacyEncoding, int replaced) {}

  /** Why a file is not indexed; the message is the report's reason. */
  static final class Skip extends Exception {
    private static final long serialVersionUID = 1L;

    Skip(String reason) {
      super(reason, null, false, false);
    }
  }

  private final NoteParser parser = new NoteParser();
  private final FileBytes files;

  NoteReader(FileBytes files) {
    this.files = files;
  }

  /** A file's size and modification time as its hash ends with them ({@code @size:nanos}, base 36). */
  static String stamp(BasicFileAttributes attributes) {
    return "@" + Long.toString(attributes.size(), 36) + ":" + Long.toString(attributes.lastModifiedTime().to(TimeUnit.NANOSECONDS), 36);
  }

  /**
   * Reads, decodes and parses one note. Its bytes and text are dropped on return, so a large note is
   * held once, as sections, while it is written.
   *
   * @param file the note
   * @param knownHash what the index holds for it, or null
   */
  Parsed read(Path file, String knownHash) throws Skip {
    byte[] content;
    String stamp;
    try {
      BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
      long size = attributes.size();
      // Same size and modification time as when indexed: unchanged, without reading the file.
      // Base 36: the key is kept once per note in the index, so every byte is one per note.
      stamp = stamp(attributes);
      if (knownHash != null && knownHash.endsWith(stamp)) {
        return new Parsed(null, knownHash, 0, null, 0);
      }
      if (size > MAX_NOTE_BYTES) {
        throw new Skip("too large (" + size / (1 << 20) + " MB; notes over " + MAX_NOTE_BYTES / (1 << 20) + " MB are skipped)");
      }
      content = files.read(file);
    } catch (IOException e) {
      throw new Skip("cannot read (" + e.getClass().getSimpleName() + ")");
    }
    if (content.length == 0 || isBlank(content)) {
      throw new Skip("empty file; skipped");
    }
    // Same content with a new stamp (touched, checked out, copied): written again so that the
    // stored stamp matches and later runs skip the file without reading it.
    String hash = hash(content) + stamp;
    TextDecoder.Decoded decoded;
    try {
      decoded = TextDecoder.decode(content);
    } catch (TextDecoder.NotTextException e) {
      throw new Skip(e.getMessage());
    }
    try {
      return new Parsed(parser.parse(decoded.text(), file), hash, content.length, decoded.legacyEncoding(), decoded.replaced());
    } catch (NoteParseException e) {
      throw new Skip(e.getMessage() + "; skipped");
    } catch (RuntimeException e) {
      throw new Skip("cannot parse (" + e + "); skipped");
    }
  }

  private static boolean isBlank(byte[] content) {
    for (byte b : content) {
      if (b != ' ' && b != '\n' && b != '\r' && b != '\t') {
        return false;
      }
    }
    return true;
  }

  /** The first 128 bits of SHA-256, in hex: enough to tell edits apart, half the bytes in the index. */
  static String hash(byte[] content) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content), 0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }
}
