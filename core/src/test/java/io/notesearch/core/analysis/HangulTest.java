package io.notesearch.core.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class HangulTest {
  @Test
  void initialConsonants() {
    assertEquals("ㄹㄷ", Hangul.initials("람다"));
    assertEquals("ㅇㅌㅅㅋㅇㄹ", Hangul.initials("오토 스케일링"));
    assertEquals("", Hangul.initials("EC2"));
  }

  @Test
  void keyboardLayoutBothWays() {
    assertEquals("람다", Hangul.switchLayout("fkaek"));
    assertEquals("java", Hangul.switchLayout("ㅓㅁㅍㅁ"));
    assertEquals("오토 스케일링", Hangul.switchLayout("dhxh tmzpdlffld"));
    assertEquals("event", Hangul.switchLayout("ㄷㅍ둣"), "what a Korean IME shows for e-v-e-n-t");
    assertEquals("괜찮", Hangul.switchLayout("rhoscksg"), "compound vowel and compound final");
    assertEquals("값이", Hangul.switchLayout("rkqtdl"), "a compound final splits when a vowel follows");
  }

  @Test
  void jamoDistanceCountsJamoNotSyllables() {
    assertEquals(1, new Hangul.Near("람다", 2).distance("람따"));
    assertEquals(1, new Hangul.Near("인스턴스", 2).distance("인스턴츠"));
    assertEquals(0, new Hangul.Near("왜", 2).distance("왜"));
    assertEquals(-1, new Hangul.Near("람다", 2).distance("데이터"), "more than two jamo away");
  }

  @Test
  void jamoSplitsCompoundVowelsAndFinalsAndKeepsOtherChars() {
    assertEquals("ㅇㅗㅐ", Hangul.jamo("왜"));
    assertEquals("ㄷㅏㄹㄱ", Hangul.jamo("닭"));
    assertEquals("ㅗㅏㄱㅅ", Hangul.jamo("ㅘㄳ"));
    assertEquals("s3ㅂㅓㅋㅣㅅ", Hangul.jamo("s3버킷"));
  }

  /**
   * The scan's shortcuts (which jamo a word has, a distance given up on past the most edits) never
   * change a distance within the most edits, nor let a farther word through: checked against the
   * full table on random words near and far, with compound vowels, compound finals and other chars.
   */
  @Test
  void nearWordsAreTheOnesWithinTheMostEdits() {
    java.util.Random random = new java.util.Random(42);
    String alphabet = "람다따딿왜닭뷁값ㅘㄳa1-";
    int near = 0;
    for (int i = 0; i < 20_000; i++) {
      String word = randomWord(random, alphabet);
      String other = random.nextBoolean() ? randomWord(random, alphabet) : mutate(random, word);
      int maxEdits = 1 + random.nextInt(3);
      int full = EditDistance.damerau(Hangul.jamo(word), Hangul.jamo(other));
      int expected = full <= maxEdits ? full : -1;
      assertEquals(expected, new Hangul.Near(word, maxEdits).distance(other), word + " / " + other + " within " + maxEdits);
      near += expected > 0 ? 1 : 0;
    }
    assertTrue(near > 2_000, "enough pairs within reach to mean something: " + near);
  }

  private static String randomWord(java.util.Random random, String alphabet) {
    StringBuilder b = new StringBuilder();
    for (int n = 1 + random.nextInt(4); n > 0; n--) {
      b.append(random.nextInt(3) == 0 ? (char) (0xAC00 + random.nextInt(11172)) : alphabet.charAt(random.nextInt(alphabet.length())));
    }
    return b.toString();
  }

  /** The word with one syllable changed by one jamo (another vowel or final), or two chars swapped. */
  private static String mutate(java.util.Random random, String word) {
    char[] c = word.toCharArray();
    int i = random.nextInt(c.length);
    if (random.nextBoolean() && c.length > 1) {
      int j = i == c.length - 1 ? i - 1 : i + 1;
      char t = c[i];
      c[i] = c[j];
      c[j] = t;
    } else if (Hangul.isSyllable(c[i])) {
      int index = c[i] - 0xAC00;
      c[i] = (char) (0xAC00 + (random.nextBoolean() ? (index / 28 * 28 + random.nextInt(28)) : (index / 588 * 588 + random.nextInt(21) * 28 + index % 28)));
    }
    return new String(c);
  }

  @Test
  void boundedEditDistanceStopsPastTheMost() {
    assertEquals(3, EditDistance.damerau("kitten", "sitting"));
    assertEquals(1, EditDistance.damerau("ab", "ba"));
    int[][] rows = new int[3][8];
    assertEquals(2, EditDistance.damerau("kitten".toCharArray(), 6, "sitting".toCharArray(), 7, 1, rows), "max + 1");
    assertEquals(3, EditDistance.damerau("kitten".toCharArray(), 6, "sitting".toCharArray(), 7, 3, rows));
  }

  @Test
  void unfinishedSyllablePrefix() {
    assertTrue(Hangul.endsWithLoneConsonant("람ㄷ"));
    assertFalse(Hangul.endsWithLoneConsonant("ㄹㄷ"));
    assertEquals("람[다-딯].*", Hangul.prefixRegexp("람ㄷ"));
  }
}
