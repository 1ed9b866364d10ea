package io.notesearch.indexer.markdown;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.representer.Representer;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * The front matter of a note: YAML between {@code ---} lines (Jekyll, Gatsby, Hexo, Obsidian) or TOML
 * between {@code +++} lines (Hugo), at the top of the file.
 *
 * <p>Every scalar is read as a string (no implicit dates or numbers) and interpreted here, field by
 * field, so that one impossible value ({@code date: 2014-09-31}) costs that field only.
 *
 * @param fields the top-level mapping, values as strings or lists of strings
 * @param bodyStart index in the text where the Markdown after the front matter begins
 * @param bodyLine 1-based line where the Markdown after the front matter begins
 * @param warnings problems met while reading
 */
record FrontMatter(Map<String, Object> fields, int bodyStart, int bodyLine, List<String> warnings) {
  /** Longest front matter looked for, in lines. */
  static final int MAX_LINES = 10_000;

  private static final Pattern YAML_KEY = Pattern.compile("(\"[^\"]*\"|'[^']*'|[^\\s:#>\\[{|*`-][^:]*):(\\s|$)|---|\\.\\.\\.|%");
  private static final Pattern TOML_KEY = Pattern.compile("(\"[^\"]*\"|'[^']*'|[A-Za-z0-9_.-]+)\\s*=|\\[");
  private static final Pattern DATE = Pattern.compile("(\\d{4})-(\\d{1,2})-(\\d{1,2})");

  /** No front matter: the body is the whole text from {@code from}. */
  static FrontMatter none(int from) {
    return new FrontMatter(Map.of(), from, 1, List.of());
  }

  /**
   * Splits the front matter off a note's text.
   *
   * @param text the whole note
   * @param from where the note starts in {@code text} (past a byte order mark)
   */
  static FrontMatter read(String text, int from) {
    boolean toml = text.startsWith("+++", from);
    if (!toml && !text.startsWith("---", from)) {
      return none(from);
    }
    String fence = toml ? "+++" : "---";
    int firstEol = text.indexOf('\n', from);
    if (firstEol < 0 || !text.substring(from, firstEol).strip().equals(fence)) {
      return none(from);
    }
    int line = 2;
    int at = firstEol + 1;
    while (at <= text.length()) {
      int eol = text.indexOf('\n', at);
      int end = eol < 0 ? text.length() : eol;
      // Front matter is a few lines; a closing fence this far down means there is none.
      if (line > MAX_LINES) {
        break;
      }
      String l = text.substring(at, end).strip();
      if (l.equals(fence) || (!toml && l.equals("..."))) {
        String inner = text.substring(firstEol + 1, at);
        if (!startsWithKey(inner, toml)) {
          // "---", prose, "---": two thematic breaks around text, not front matter.
          return none(from);
        }
        int bodyStart = eol < 0 ? text.length() : eol + 1;
        return toml ? parseToml(inner, bodyStart, line + 1) : parse(inner, bodyStart, line + 1);
      }
      if (eol < 0) {
        break;
      }
      at = eol + 1;
      line++;
    }
    // No closing fence: not front matter, just a thematic break at the top.
    return none(from);
  }

  /** Whether the first line that is not blank or a comment names a key, as front matter does. */
  private static boolean startsWithKey(String inner, boolean toml) {
    for (String line : inner.lines().toList()) {
      String l = line.strip();
      if (l.isEmpty() || l.startsWith("#")) {
        continue;
      }
      return (toml ? TOML_KEY : YAML_KEY).matcher(l).lookingAt();
    }
    return true;
  }

  private static FrontMatter parseToml(String toml, int bodyStart, int bodyLine) {
    List<String> warnings = new ArrayList<>();
    Map<String, Object> fields = TomlFields.read(toml, warnings);
    return new FrontMatter(fields, bodyStart, bodyLine, warnings);
  }

  private static FrontMatter parse(String yaml, int bodyStart, int bodyLine) {
    List<String> warnings = new ArrayList<>();
    try {
      Object loaded = YAML.get().load(yaml);
      if (loaded == null) {
        return new FrontMatter(Map.of(), bodyStart, bodyLine, warnings);
      }
      if (!(loaded instanceof Map<?, ?> map)) {
        warnings.add("front matter is not a mapping; ignored");
        return new FrontMatter(Map.of(), bodyStart, bodyLine, warnings);
      }
      Map<String, Object> fields = new java.util.LinkedHashMap<>();
      map.forEach((k, v) -> fields.put(String.valueOf(k).toLowerCase(Locale.ROOT), v));
      return new FrontMatter(fields, bodyStart, bodyLine, warnings);
    } catch (YAMLException e) {
      String reason = e.getMessage() == null ? "unreadable" : e.getMessage().lines().findFirst().orElse("");
      warnings.add("front matter is not valid YAML (" + reason + "); indexed without it");
      return new FrontMatter(Map.of(), bodyStart, bodyLine, warnings);
    }
  }

  /** A Yaml instance is not thread-safe but can load many documents: one per indexing thread. */
  private static final ThreadLocal<Yaml> YAML = ThreadLocal.withInitial(FrontMatter::newYaml);

  private static Yaml newYaml() {
    LoaderOptions options = new LoaderOptions();
    options.setAllowDuplicateKeys(true);
    options.setMaxAliasesForCollections(10);
    options.setCodePointLimit(1 << 20);
    // Strings only: dates and numbers are interpreted per field, where a bad value can be dropped.
    Resolver stringsOnly =
        new Resolver() {
          @Override
          protected void addImplicitResolvers() {}
        };
    return new Yaml(
        new SafeConstructor(options), new Representer(new DumperOptions()), new DumperOptions(), options, stringsOnly);
  }

  /** The first of the keys present, as a trimmed string (a list gives its first item). */
  String string(String... keys) {
    for (String key : keys) {
      Object v = fields.get(key);
      if (v instanceof Collection<?> c) {
        v = c.isEmpty() ? null : c.iterator().next();
      }
      if (v != null && !(v instanceof Map<?, ?>)) {
        String s = String.valueOf(v).strip();
        if (!s.isEmpty()) {
          return s;
        }
      }
    }
    return "";
  }

  /**
   * All values of the keys present: YAML lists, comma-separated strings, or, as Jekyll reads a
   * string of tags, space-separated words ({@code tag: vim quickfix clojure}).
   */
  List<String> list(String... keys) {
    return values(true, keys);
  }

  /**
   * The values of the keys present: a YAML list's items, or a string split at commas, and, when
   * {@code orSpaces}, at spaces when it has no comma.
   */
  private List<String> values(boolean orSpaces, String... keys) {
    List<String> out = new ArrayList<>();
    for (String key : keys) {
      Object v = fields.get(key);
      if (v instanceof Collection<?> c) {
        for (Object item : c) {
          if (item != null && !(item instanceof Map<?, ?>) && !(item instanceof Collection<?>)) {
            add(out, String.valueOf(item));
          }
        }
      } else if (v != null && !(v instanceof Map<?, ?>)) {
        String text = String.valueOf(v).strip();
        for (String part : text.contains(",") || !orSpaces ? text.split(",") : text.split("\\s+")) {
          add(out, unquoted(part.strip()));
        }
      }
    }
    return out;
  }

  /** {@code "vpc"} → {@code vpc}: YAML reads {@code tags: aws, "vpc"} as one string, quotes kept. */
  private static String unquoted(String part) {
    if (part.length() >= 2 && (part.charAt(0) == '"' || part.charAt(0) == '\'') && part.charAt(part.length() - 1) == part.charAt(0)) {
      return part.substring(1, part.length() - 1);
    }
    return part;
  }

  private static void add(List<String> out, String value) {
    String s = value.strip();
    if (s.startsWith("#")) {
      s = s.substring(1);
    }
    if (!s.isEmpty() && !out.contains(s)) {
      out.add(s);
    }
  }

  /**
   * The note's categories: {@code categories} as a list (YAML's, or a string split at commas, else at
   * spaces, as Jekyll reads it), else {@code category}: a YAML list, or one category however many
   * words it has ({@code category: Web Development}).
   */
  List<String> categories() {
    List<String> out = list("categories");
    if (!out.isEmpty() || fields.get("category") instanceof Collection<?>) {
      return out.isEmpty() ? list("category") : out;
    }
    String one = string("category");
    return one.isEmpty() ? List.of() : List.of(one);
  }

  /**
   * Other names of the note, searched like its title: Obsidian's {@code aliases} (a YAML list, or
   * a string of names split at commas; a name keeps its spaces) or {@code alias}.
   */
  List<String> aliases() {
    return values(false, "aliases", "alias");
  }

  /** The {@code date} field as a day, or null (with a warning when present but impossible). */
  LocalDate date(List<String> warn) {
    String raw = string("date");
    if (raw.isEmpty()) {
      return null;
    }
    Matcher m = DATE.matcher(raw);
    if (!m.lookingAt()) {
      warn.add("date [" + raw + "] is not a date; ignored");
      return null;
    }
    try {
      return LocalDate.of(
          Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
    } catch (DateTimeException e) {
      warn.add("date [" + raw + "] does not exist; ignored");
      return null;
    }
  }

  /** The {@code draft} field: true only for a YAML true. */
  boolean draft(List<String> warn) {
    String raw = string("draft").toLowerCase(Locale.ROOT);
    return switch (raw) {
      case "true", "yes", "on" -> true;
      case "", "false", "no", "off" -> false;
      default -> {
        warn.add("draft [" + raw + "] is not true or false; taken as false");
        yield false;
      }
    };
  }
}
