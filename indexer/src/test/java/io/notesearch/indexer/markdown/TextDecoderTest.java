package io.notesearch.indexer.markdown;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The UTF-8 check agrees with the JDK's strict decoder on every input; a stray bad byte costs only itself. */
class TextDecoderTest {
  @Test
  void aNoteWithOneBadByteIsReadWithItReplaced() throws Exception {
    StringBuilder text = new StringBuilder("# 람다 정리\n\n");
    for (int i = 0; i < 40; i++) {
      text.append("람다 콜드 스타트는 첫 요청에서 생긴다. Lambda cold start.\n");
    }
    byte[] good = text.toString().getBytes(StandardCharsets.UTF_8);
    byte[] bad = Arrays.copyOf(good, good.length);
    bad[good.length / 2] = (byte) 0xFF; // one byte broken in the middle of a Hangul character
    TextDecoder.Decoded decoded = TextDecoder.decode(bad);
    assertEquals(null, decoded.legacyEncoding());
    assertTrue(decoded.replaced() >= 1 && decoded.replaced() <= 2, "replaced: " + decoded.replaced());
    assertTrue(decoded.text().startsWith("# 람다 정리") && decoded.text().contains("\uFFFD"), decoded.text());
    assertEquals(0, TextDecoder.decode(good).replaced());
    byte[] noise = new byte[4000];
    new Random(1).nextBytes(noise);
    for (int i = 0; i < noise.length; i++) {
      noise[i] = noise[i] == 0 ? 1 : noise[i];
    }
    assertThrows(TextDecoder.NotTextException.class, () -> TextDecoder.decode(noise), "random bytes are not text");
  }

  @Test
  void utf8CheckAgreesWithTheStrictDecoder() {
    Random random = new Random(42);
    byte[][] edges = {
      {}, {(byte) 0xC0, (byte) 0x80}, {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80},
      {(byte) 0xE0, (byte) 0x9F, (byte) 0xBF}, {(byte) 0xF0, (byte) 0x8F, (byte) 0xBF, (byte) 0xBF}, {(byte) 0xE2, (byte) 0x82},
      "한글 EC2 🚀".getBytes(StandardCharsets.UTF_8)
    };
    for (byte[] b : edges) {
      assertEquals(strictlyUtf8(b), TextDecoder.isUtf8(b), Arrays.toString(b));
    }
    for (int i = 0; i < 20_000; i++) {
      byte[] b;
      if (random.nextBoolean()) {
        b = new byte[random.nextInt(12)];
        random.nextBytes(b);
      } else {
        // Mostly valid text with one byte changed: the near misses.
        b = ("가나 abc " + new String(Character.toChars(0x1F600 + random.nextInt(50)))).getBytes(StandardCharsets.UTF_8);
        b[random.nextInt(b.length)] = (byte) random.nextInt(256);
      }
      assertEquals(strictlyUtf8(b), TextDecoder.isUtf8(b), Arrays.toString(b));
    }
  }

  private static boolean strictlyUtf8(byte[] b) {
    try {
      StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(b));
      return true;
    } catch (CharacterCodingException e) {
      return false;
    }
  }
}
