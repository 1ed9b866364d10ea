package io.notesearch.indexer.markdown;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The top-level keys of Hugo's TOML front matter ({@code +++} … {@code +++}), read the way {@link
 * FrontMatter} reads YAML: every value as a string or a list of strings, to be interpreted field by
 * field.
 *
 * <p>A small reader rather than a TOML library: front matter needs strings, arrays, booleans, numbers
 * and dates at the top level only, and a value TOML would reject must cost that one field (with a
 * warning), not the whole front matter. Tables ({@code [params]}) and dotted keys are skipped:
 * nothing notesearch reads lives there.
 */
final class TomlFields {
  private static final Pattern BARE_VALUE =
      Pattern.compile(
          "true|false|[+-]?(inf|nan)|[+-]?[0-9][0-9_]*(\\.[0-9_]+)?([eE][+-]?[0-9_]+)?|0x[0-9A-Fa-f_]+|0o[0-7_]+|0b[01_]+"
              + "|\\d{4}-\\d{2}-\\d{2}([Tt ]\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?)?([Zz]|[+-]\\d{2}:\\d{2})?|\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?");

  /** Deepest array nesting read; deeper input is a broken field, not a stack overflow. */
  private static final int MAX_DEPTH = 32;

  private final String text;
  private int at;

  private TomlFields(String text) {
    this.text = text;
  }

  /** Thrown for a value TOML would reject; the message says why. */
  private static final class BadValue extends Exception {
    private static final long serialVersionUID = 1L;

    /** Where reading resumes, or -1 for the line after the error. */
    final int resumeAt;

    BadValue(String message) {
      this(message, -1);
    }

    BadValue(String message, int resumeAt) {
      super(message, null, false, false);
      this.resumeAt = resumeAt;
    }
  }

  /** {@code key =} at the start of a line: inside an array, a sign the array was never closed. */
  private static final Pattern KEY_LINE = Pattern.compile("[ \\t]*[A-Za-z0-9_.-]+[ \\t]*=[^=].*");

  /**
   * Reads the top-level keys.
   *
   * @param toml the text between the {@code +++} lines
   * @param warnings where a key whose value cannot be read is reported (and left out)
   * @return key (lowercased) → string or list of strings, in file order
   */
  static Map<String, Object> read(String toml, List<String> warnings) {
    TomlFields reader = new TomlFields(toml);
    Map<String, Object> fields = new LinkedHashMap<>();
    boolean topLevel = true;
    while (reader.at < toml.length()) {
      reader.skipBlankAndComments();
      if (reader.at >= toml.length()) {
        break;
      }
      if (reader.peek() == '[') {
        // [table] or [[array of tables]]: what follows belongs to it, not to the page.
        topLevel = false;
        reader.skipLine();
        continue;
      }
      int lineStart = reader.at;
      String key;
      try {
        key = reader.key();
      } catch (BadValue e) {
        if (topLevel) {
          warnings.add("front matter line [" + reader.lineAt(lineStart) + "] is not valid TOML (" + e.getMessage() + "); ignored");
        }
        reader.resume(e);
        continue;
      }
      try {
        Object value = reader.value(0);
        reader.endOfLine();
        if (topLevel && key != null) {
          fields.put(key.toLowerCase(Locale.ROOT), value);
        }
      } catch (BadValue e) {
        if (topLevel && key != null) {
          warnings.add("front matter field [" + key + "] is not valid TOML (" + e.getMessage() + "); ignored");
        }
        reader.resume(e);
      }
    }
    return fields;
  }

  /** The key before {@code =}; null for a dotted key, which names a nested table. */
  private String key() throws BadValue {
    StringBuilder key = new StringBuilder();
    boolean dotted = false;
    while (true) {
      skipSpaces();
      char c = peek();
      if (c == '"') {
        key.append(basicString());
      } else if (c == '\'') {
        key.append(literalString());
      } else {
        int start = at;
        while (at < text.length() && isBareKeyChar(text.charAt(at))) {
          at++;
        }
        if (start == at) {
          throw new BadValue("expected a key");
        }
        key.append(text, start, at);
      }
      skipSpaces();
      if (peek() == '.') {
        at++;
        dotted = true;
        key.append('.');
        continue;
      }
      if (peek() != '=') {
        throw new BadValue("expected = after the key");
      }
      at++;
      return dotted ? null : key.toString();
    }
  }

  private static boolean isBareKeyChar(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
  }

  private Object value(int depth) throws BadValue {
    skipSpaces();
    char c = peek();
    if (c == '"') {
      return text.startsWith("\"\"\"", at) ? multiline("\"\"\"", true) : basicString();
    }
    if (c == '\'') {
      return text.startsWith("'''", at) ? multiline("'''", false) : literalString();
    }
    if (c == '[') {
      return array(depth + 1);
    }
    if (c == '{') {
      skipInlineTable();
      return Map.of();
    }
    int start = at;
    while (at < text.length() && ",]}#\r\n".indexOf(text.charAt(at)) < 0) {
      at++;
    }
    String bare = text.substring(start, at).strip();
    if (!BARE_VALUE.matcher(bare).matches()) {
      throw new BadValue(bare.isEmpty() ? "missing value" : "unquoted text [" + abbreviate(bare) + "]");
    }
    return bare;
  }

  private List<String> array(int depth) throws BadValue {
    if (depth > MAX_DEPTH) {
      throw new BadValue("arrays nested too deeply");
    }
    at++; // [
    List<String> items = new ArrayList<>();
    while (true) {
      int before = at;
      skipBlankAndComments();
      if (at >= text.length()) {
        throw new BadValue("unclosed array");
      }
      failIfNextKey(before);
      if (peek() == ']') {
        at++;
        return items;
      }
      Object item = value(depth);
      if (item instanceof String s) {
        items.add(s);
      } else if (item instanceof List<?> nested) {
        nested.forEach(n -> items.add(String.valueOf(n)));
      }
      int afterItem = at;
      skipBlankAndComments();
      failIfNextKey(afterItem);
      if (peek() == ',') {
        at++;
      } else if (peek() != ']') {
        throw new BadValue("expected , or ] in an array");
      }
    }
  }

  /** An array running into the next {@code key = value} line was never closed: resume at that key. */
  private void failIfNextKey(int before) throws BadValue {
    if (at < text.length() && text.lastIndexOf('\n', at - 1) >= before && KEY_LINE.matcher(lineFrom(lineStart(at))).matches()) {
      throw new BadValue("unclosed array", lineStart(at));
    }
  }

  private String basicString() throws BadValue {
    at++; // "
    StringBuilder out = new StringBuilder();
    while (at < text.length()) {
      char c = text.charAt(at++);
      if (c == '"') {
        return out.toString();
      }
      if (c == '\n') {
        break;
      }
      if (c == '\\') {
        escape(out);
      } else {
        out.append(c);
      }
    }
    throw new BadValue("unclosed string");
  }

  private String literalString() throws BadValue {
    int end = text.indexOf('\'', at + 1);
    int eol = text.indexOf('\n', at + 1);
    if (end < 0 || (eol >= 0 && eol < end)) {
      throw new BadValue("unclosed string");
    }
    String s = text.substring(at + 1, end);
    at = end + 1;
    return s;
  }

  private String multiline(String quote, boolean escapes) throws BadValue {
    at += 3;
    if (text.startsWith("\r\n", at)) {
      at += 2;
    } else if (text.startsWith("\n", at)) {
      at++;
    }
    StringBuilder out = new StringBuilder();
    while (at < text.length()) {
      if (text.startsWith(quote, at)) {
        at += 3;
        // Up to two more quotes belong to the string: """a""""" is a"".
        for (int extra = 0; extra < 2 && at < text.length() && text.charAt(at) == quote.charAt(0); extra++) {
          out.append(text.charAt(at++));
        }
        return out.toString();
      }
      char c = text.charAt(at++);
      if (escapes && c == '\\') {
        escape(out);
      } else {
        out.append(c);
      }
    }
    throw new BadValue("unclosed string");
  }

  private void escape(StringBuilder out) throws BadValue {
    if (at >= text.length()) {
      throw new BadValue("unclosed string");
    }
    char e = text.charAt(at++);
    switch (e) {
      case 'b' -> out.append('\b');
      case 't' -> out.append('\t');
      case 'n' -> out.append('\n');
      case 'f' -> out.append('\f');
      case 'r' -> out.append('\r');
      case 'e' -> out.append('\u001b');
      case '"' -> out.append('"');
      case '\\' -> out.append('\\');
      case 'u', 'U' -> {
        int len = e == 'u' ? 4 : 8;
        if (at + len > text.length()) {
          throw new BadValue("short unicode escape");
        }
        try {
          out.appendCodePoint(Integer.parseInt(text.substring(at, at + len), 16));
        } catch (IllegalArgumentException bad) {
          throw new BadValue("bad unicode escape");
        }
        at += len;
      }
      case '\n', ' ', '\t', '\r' -> {
        // Line-ending backslash in a multi-line string: the break and leading blanks go.
        while (at < text.length() && Character.isWhitespace(text.charAt(at))) {
          at++;
        }
      }
      default -> throw new BadValue("unknown escape \\" + e);
    }
  }

  private void skipInlineTable() throws BadValue {
    int depth = 0;
    while (at < text.length()) {
      char c = text.charAt(at);
      if (c == '"') {
        basicString();
        continue;
      }
      if (c == '\'') {
        literalString();
        continue;
      }
      at++;
      if (c == '{') {
        depth++;
      } else if (c == '}' && --depth == 0) {
        return;
      } else if (c == '\n') {
        break;
      }
    }
    throw new BadValue("unclosed inline table");
  }

  private void endOfLine() throws BadValue {
    skipSpaces();
    if (at < text.length() && peek() != '#' && peek() != '\n' && peek() != '\r') {
      throw new BadValue("text after the value");
    }
    skipLine();
  }

  private void skipBlankAndComments() {
    while (at < text.length()) {
      char c = text.charAt(at);
      if (c == '#') {
        skipLine();
      } else if (Character.isWhitespace(c)) {
        at++;
      } else {
        return;
      }
    }
  }

  private void skipSpaces() {
    while (at < text.length() && (text.charAt(at) == ' ' || text.charAt(at) == '\t')) {
      at++;
    }
  }

  private void resume(BadValue e) {
    if (e.resumeAt >= 0) {
      at = e.resumeAt;
    } else {
      skipLine();
    }
  }

  private int lineStart(int offset) {
    return text.lastIndexOf('\n', offset - 1) + 1;
  }

  private String lineFrom(int offset) {
    int eol = text.indexOf('\n', offset);
    return text.substring(offset, eol < 0 ? text.length() : eol);
  }

  private void skipLine() {
    int eol = text.indexOf('\n', at);
    at = eol < 0 ? text.length() : eol + 1;
  }

  private char peek() {
    return at < text.length() ? text.charAt(at) : '\0';
  }

  private String lineAt(int offset) {
    int eol = text.indexOf('\n', offset);
    return abbreviate(text.substring(offset, eol < 0 ? text.length() : eol).strip());
  }

  private static String abbreviate(String s) {
    return s.length() <= 40 ? s : s.substring(0, 40) + "…";
  }
}
