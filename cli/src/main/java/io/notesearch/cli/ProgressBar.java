package io.notesearch.cli;

import io.notesearch.indexer.Progress;
import java.io.PrintWriter;
import java.util.Locale;

/**
 * A one-line progress bar on the terminal's stderr for indexing runs longer than a second: notes
 * done of total, rate and time left. Silent when stderr is not a terminal.
 */
final class ProgressBar implements Progress, AutoCloseable {
  /** Runs shorter than this show no bar at all. */
  private static final long SHOW_AFTER_NANOS = 1_000_000_000L;

  /** The bar is redrawn at most this often. */
  private static final long REDRAW_NANOS = 100_000_000L;

  private final PrintWriter err;
  private final boolean enabled;
  private final long started = System.nanoTime();
  private long lastDraw;
  private boolean drawn;

  ProgressBar(PrintWriter err, boolean enabled) {
    this.err = err;
    this.enabled = enabled;
  }

  @Override
  public synchronized void progress(int done, int total, long bytes) {
    long now = System.nanoTime();
    if (!enabled || now - started < SHOW_AFTER_NANOS || now - lastDraw < REDRAW_NANOS) {
      return;
    }
    lastDraw = now;
    double seconds = (now - started) / 1e9;
    double rate = done / seconds;
    long left = rate > 0 ? Math.round((total - done) / rate) : 0;
    int width = 30;
    int filled = total == 0 ? width : (int) ((long) width * done / total);
    err.printf(Locale.ROOT, "\r[%s%s] %d/%d notes, %.0f notes/s, %.1f MB/s, %d s left ",
        "#".repeat(filled), " ".repeat(width - filled), done, total, rate, bytes / 1e6 / seconds, left);
    err.flush();
    drawn = true;
  }

  @Override
  public synchronized void close() {
    if (drawn) {
      err.print("\r\u001b[2K");
      err.flush();
    }
  }
}
