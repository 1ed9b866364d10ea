package io.notesearch.indexer.markdown;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Bytes of a note file → text: UTF-8, else Korean legacy CP949, else UTF-8 with its few bad bytes
 * replaced (a note that is text but for a byte or two, a warning), else refused. Not API.
 */
public final class TextDecoder {
  private static final Charset CP949 = Charset.forName("x-windows-949");

  /** Bytes decoded at a time for a large file. */
  private static final int SLICE = 1 << 20;

  private TextDecoder() {}

  /**
   * At most this share of a file's bytes may be malformed UTF-8 for it to be read as UTF-8 with them
   * replaced (one in a thousand, and at least a few): more is another encoding, or not text.
   */
  static final int BAD_BYTES_PER_MILLE = 1;

  /**
   * A decoded text.
   *
   * @param text the text
   * @param legacyEncoding the encoding it was read as when it was not UTF-8, else null
   * @param replaced how many malformed UTF-8 sequences were replaced by U+FFFD
   */
  public record Decoded(String text, String legacyEncoding, int replaced) {
    /** A text read as it is. */
    Decoded(String text, String legacyEncoding) {
      this(text, legacyEncoding, 0);
    }
  }

  /** Thrown for bytes that are not text. */
  public static final class NotTextException extends Exception {
    private static final long serialVersionUID = 1L;

    NotTextException(String message) {
      super(message);
    }
  }

  public static Decoded decode(byte[] bytes) throws NotTextException {
    int probe = Math.min(bytes.length, 8192);
    for (int i = 0; i < probe; i++) {
      if (bytes[i] == 0) {
        throw new NotTextException("binary file (NUL bytes); skipped");
      }
    }
    if (isUtf8(bytes)) {
      return new Decoded(utf8(bytes), null);
    }
    try {
      return new Decoded(strict(CP949, bytes), "CP949");
    } catch (CharacterCodingException notKorean) {
      // Text but for a byte or two (a bad copy, a truncated character): keep the rest.
      int bad = utf8Errors(bytes);
      if (bad <= Math.max(4, (long) bytes.length * BAD_BYTES_PER_MILLE / 1000)) {
        return new Decoded(new String(bytes, StandardCharsets.UTF_8), null, bad);
      }
      throw new NotTextException("not UTF-8 or CP949 text; skipped");
    }
  }

  /** How many malformed sequences well-formed UTF-8 would not have, each counted once. */
  static int utf8Errors(byte[] b) {
    int errors = 0;
    int i = 0;
    while (i < b.length) {
      int n = sequenceLength(b, i);
      if (n < 0) {
        errors++;
        i++;
      } else {
        i += n;
      }
    }
    return errors;
  }

  /** The length of the well-formed UTF-8 sequence at {@code i}, or -1. */
  private static int sequenceLength(byte[] b, int i) {
    int c = b[i] & 0xFF;
    if (c < 0x80) {
      return 1;
    }
    int n;
    int min2;
    int max2;
    if (c >= 0xC2 && c <= 0xDF) {
      n = 1;
      min2 = 0x80;
      max2 = 0xBF;
    } else if (c >= 0xE0 && c <= 0xEF) {
      n = 2;
      min2 = c == 0xE0 ? 0xA0 : 0x80;
      max2 = c == 0xED ? 0x9F : 0xBF;
    } else if (c >= 0xF0 && c <= 0xF4) {
      n = 3;
      min2 = c == 0xF0 ? 0x90 : 0x80;
      max2 = c == 0xF4 ? 0x8F : 0xBF;
    } else {
      return -1;
    }
    if (i + n >= b.length) {
      return -1;
    }
    int second = b[i + 1] & 0xFF;
    if (second < min2 || second > max2) {
      return -1;
    }
    for (int k = 2; k <= n; k++) {
      if ((b[i + k] & 0xC0) != 0x80) {
        return -1;
      }
    }
    return n + 1;
  }

  /**
   * Decodes checked UTF-8 in slices into a builder of the exact length. A CharsetDecoder, and String
   * itself, first allocate two bytes per input byte (100 MB for a 50 MB note) and then copy.
   */
  private static String utf8(byte[] bytes) {
    if (bytes.length <= SLICE) {
      return new String(bytes, StandardCharsets.UTF_8);
    }
    int chars = 0;
    for (byte b : bytes) {
      if ((b & 0xC0) != 0x80) {
        chars++; // a character starts here
      }
      if ((b & 0xF8) == 0xF0) {
        chars++; // a four-byte character is two chars (a surrogate pair)
      }
    }
    StringBuilder out = new StringBuilder(chars);
    for (int at = 0; at < bytes.length; ) {
      int end = Math.min(bytes.length, at + SLICE);
      while (end < bytes.length && (bytes[end] & 0xC0) == 0x80) {
        end--; // never cut a character in two
      }
      out.append(new String(bytes, at, end - at, StandardCharsets.UTF_8));
      at = end;
    }
    return out.toString();
  }

  /** Whether the bytes are well-formed UTF-8 (no overlong forms, surrogates or code points past U+10FFFF). */
  static boolean isUtf8(byte[] b) {
    for (int i = 0; i < b.length; ) {
      int n = sequenceLength(b, i);
      if (n < 0) {
        return false;
      }
      i += n;
    }
    return true;
  }

  private static String strict(Charset charset, byte[] bytes) throws CharacterCodingException {
    return charset
        .newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT)
        .decode(ByteBuffer.wrap(bytes))
        .toString();
  }
}
