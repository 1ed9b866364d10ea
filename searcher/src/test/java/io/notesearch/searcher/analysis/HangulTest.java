package io.notesearch.searcher.analysis;

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
    assertEquals(1, Hangul.jamoDistance("람다", "람따"));
    assertEquals(1, Hangul.jamoDistance("인스턴스", "인스턴츠"));
    assertEquals(0, Hangul.jamoDistance("왜", "왜"));
    assertTrue(Hangul.jamoDistance("람다", "데이터") > 2);
  }

  @Test
  void unfinishedSyllablePrefix() {
    assertTrue(Hangul.endsWithLoneConsonant("람ㄷ"));
    assertFalse(Hangul.endsWithLoneConsonant("ㄹㄷ"));
    assertEquals("람[다-딯].*", Hangul.prefixRegexp("람ㄷ"));
  }
}
