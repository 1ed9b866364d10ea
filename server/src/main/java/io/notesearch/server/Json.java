package io.notesearch.server;

import java.util.List;

/** Minimal JSON writing for the CLI's and the HTTP server's output: strings, numbers, string arrays. */
public final class Json {
  private final StringBuilder out = new StringBuilder();
  private boolean first = true;

  /** Starts an object. */
  public Json() {
    out.append('{');
  }

  /** Adds a string, or null. */
  public Json field(String key, String value) {
    key(key);
    if (value == null) {
      out.append("null");
    } else {
      string(value);
    }
    return this;
  }

  /** Adds an integer. */
  public Json field(String key, long value) {
    key(key);
    out.append(value);
    return this;
  }

  /** Adds a number; NaN and infinities become null. */
  public Json field(String key, double value) {
    key(key);
    out.append(Double.isFinite(value) ? Double.toString(value) : "null");
    return this;
  }

  /** Adds an array of strings. */
  public Json field(String key, List<String> values) {
    key(key);
    out.append('[');
    for (int i = 0; i < values.size(); i++) {
      if (i > 0) {
        out.append(',');
      }
      string(values.get(i));
    }
    out.append(']');
    return this;
  }

  /** Adds a value that is JSON already (an object, an array, {@code null}). */
  public Json raw(String key, String json) {
    key(key);
    out.append(json);
    return this;
  }

  /** Closes the object and returns it. */
  public String end() {
    return out.append('}').toString();
  }

  private void key(String key) {
    if (!first) {
      out.append(',');
    }
    first = false;
    string(key);
    out.append(':');
  }

  /** A JSON string literal. */
  public static String quote(String s) {
    Json j = new Json();
    j.out.setLength(0);
    j.string(s);
    return j.out.toString();
  }

  private void string(String s) {
    out.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20 || c == '\u2028' || c == '\u2029') {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    out.append('"');
  }
}
