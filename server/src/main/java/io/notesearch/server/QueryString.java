package io.notesearch.server;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The parameters of a query string ({@code q=%EB%9E%8C%EB%8B%A4&tag=aws&tag=lambda}), UTF-8, in
 * order, repeatable.
 *
 * @param values each name's values in the order given
 */
record QueryString(Map<String, List<String>> values) {
  /**
   * Parses a raw (still percent-encoded) query string.
   *
   * @param raw the query string, or null for none
   * @throws IllegalArgumentException naming the bad part when an escape is malformed
   */
  static QueryString parse(String raw) {
    Map<String, List<String>> out = new LinkedHashMap<>();
    if (raw != null && !raw.isEmpty()) {
      for (String part : raw.split("&")) {
        if (part.isEmpty()) {
          continue;
        }
        int eq = part.indexOf('=');
        String name = decode(eq < 0 ? part : part.substring(0, eq), part);
        String value = eq < 0 ? "" : decode(part.substring(eq + 1), part);
        out.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
      }
    }
    return new QueryString(out);
  }

  private static String decode(String s, String part) {
    try {
      return URLDecoder.decode(s, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("bad escape in query string [" + part + "]", e);
    }
  }

  /** Fails on a parameter not in {@code known}, so that a typo ({@code tga=aws}) is not silently ignored. */
  void onlyKnown(Set<String> known, String list) {
    for (String name : values.keySet()) {
      if (!known.contains(name)) {
        throw new IllegalArgumentException("unknown parameter [" + name + "]; known: " + list);
      }
    }
  }

  /** The one value of a parameter, or null when absent. */
  String single(String name) {
    List<String> v = values.get(name);
    if (v == null) {
      return null;
    }
    if (v.size() > 1) {
      throw new IllegalArgumentException("parameter [" + name + "] given " + v.size() + " times; give it once");
    }
    return v.getFirst();
  }

  /** All values of a parameter. */
  List<String> all(String name) {
    return values.getOrDefault(name, List.of());
  }
}
