package io.notesearch.indexer;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** Bytes of a note file → text: UTF-8, else Korean legacy CP949, else refused. Not API. */
final class TextDecoder {
  private static final Charset CP949 = Charset.forName("x-windows-949");

  private TextDecoder() {}

  /** A decoded text and, when it was not UTF-8, which encoding it was read as. */
  record Decoded(String text, String legacyEncoding) {}

  /** Thrown for bytes that are not text. */
  static final class NotTextException extends Exception {
    private static final long serialVersionUID = 1L;

    NotTextException(String message) {
      super(message);
    }
  }

  static Decoded decode(byte[] bytes) throws NotTextException {
    int probe = Math.min(bytes.length, 8192);
    for (int i = 0; i < probe; i++) {
      if (bytes[i] == 0) {
        throw new NotTextException("binary file (NUL bytes); skipped");
      }
    }
    try {
      return new Decoded(strict(StandardCharsets.UTF_8, bytes), null);
    } catch (CharacterCodingException notUtf8) {
      try {
        return new Decoded(strict(CP949, bytes), "CP949");
      } catch (CharacterCodingException notKorean) {
        throw new NotTextException("not UTF-8 or CP949 text; skipped");
      }
    }
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
