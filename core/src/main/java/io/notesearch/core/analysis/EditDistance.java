package io.notesearch.core.analysis;

/** Edit distance with a swap of neighbours counted as one edit (optimal string alignment). */
public final class EditDistance {
  private EditDistance() {}

  /** The distance between two strings, in chars. */
  public static int damerau(String a, String b) {
    return damerau(a.toCharArray(), a.length(), b.toCharArray(), b.length(), Integer.MAX_VALUE - 1, new int[3][b.length() + 1]);
  }

  /**
   * The distance between two char sequences, or {@code max + 1} as soon as it must exceed {@code
   * max}: no row of the table is smaller than the one before it, so a row whose every cell is past
   * {@code max} ends the work.
   *
   * @param rows three rows of at least {@code bLength + 1} cells, reused between calls
   */
  static int damerau(char[] a, int aLength, char[] b, int bLength, int max, int[][] rows) {
    if (Math.abs(aLength - bLength) > max) {
      return max + 1;
    }
    int[] before = rows[0];
    int[] previous = rows[1];
    int[] current = rows[2];
    for (int j = 0; j <= bLength; j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= aLength; i++) {
      current[0] = i;
      int smallest = i;
      for (int j = 1; j <= bLength; j++) {
        int cost = a[i - 1] == b[j - 1] ? 0 : 1;
        int d = Math.min(Math.min(previous[j] + 1, current[j - 1] + 1), previous[j - 1] + cost);
        if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) {
          d = Math.min(d, before[j - 2] + 1);
        }
        current[j] = d;
        smallest = Math.min(smallest, d);
      }
      if (smallest > max) {
        return max + 1;
      }
      int[] spare = before;
      before = previous;
      previous = current;
      current = spare;
    }
    return previous[bLength];
  }
}
