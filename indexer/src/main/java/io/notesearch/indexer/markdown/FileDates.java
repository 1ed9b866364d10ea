package io.notesearch.indexer.markdown;

import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A note's date from where it is saved, for a note whose front matter has none: Jekyll's
 * {@code _posts/2016-04-28-title.md}, a journal's {@code 2024-01-05 회고.md}, and dated folders,
 * {@code blog/2016/04-28.md} or {@code 2016/04/28-title.md}.
 */
final class FileDates {
  private static final String SEP = "[-_.]";

  /** {@code 2016-04-28-title.md}, {@code 2024-01-05 회고.md}, {@code 2024.01.05.md}. */
  private static final Pattern FULL = Pattern.compile("((?:19|20)\\d\\d)" + SEP + "(\\d\\d)" + SEP + "(\\d\\d)(?:[-_ .].*)?\\.(?i:md|markdown)");

  /** {@code 04-28.md} in a folder named by the year. */
  private static final Pattern MONTH_DAY = Pattern.compile("(\\d\\d)" + SEP + "(\\d\\d)(?:[-_ .].*)?\\.(?i:md|markdown)");

  /** {@code 28.md} or {@code 28-title.md} in {@code YYYY/MM}. */
  private static final Pattern DAY = Pattern.compile("(\\d\\d)(?:[-_ .].*)?\\.(?i:md|markdown)");

  private static final Pattern YEAR = Pattern.compile("(?:19|20)\\d\\d");

  private static final Pattern MONTH = Pattern.compile("\\d\\d");

  private FileDates() {}

  /** {@return where {@link #of} found a date: {@code file name} when the name has all of it, else {@code folders}} */
  static String source(Path file) {
    return file != null && file.getFileName() != null && FULL.matcher(file.getFileName().toString()).matches()
        ? "file name" : "folders";
  }

  /** The date a note's path gives, or null. */
  static LocalDate of(Path file) {
    if (file == null || file.getFileName() == null) {
      return null;
    }
    String name = file.getFileName().toString();
    Matcher m = FULL.matcher(name);
    if (m.matches()) {
      return date(m.group(1), m.group(2), m.group(3));
    }
    Path parent = file.getParent();
    String up = parent == null || parent.getFileName() == null ? "" : parent.getFileName().toString();
    m = MONTH_DAY.matcher(name);
    if (m.matches() && YEAR.matcher(up).matches()) {
      return date(up, m.group(1), m.group(2));
    }
    m = DAY.matcher(name);
    Path grand = parent == null ? null : parent.getParent();
    String upUp = grand == null || grand.getFileName() == null ? "" : grand.getFileName().toString();
    if (m.matches() && MONTH.matcher(up).matches() && YEAR.matcher(upUp).matches()) {
      return date(upUp, up, m.group(1));
    }
    return null;
  }

  private static LocalDate date(String year, String month, String day) {
    try {
      return LocalDate.of(Integer.parseInt(year), Integer.parseInt(month), Integer.parseInt(day));
    } catch (DateTimeException e) {
      return null; // 2016-13-45-notes.md: a name, not a date
    }
  }
}
