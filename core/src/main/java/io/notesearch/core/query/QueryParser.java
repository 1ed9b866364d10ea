package io.notesearch.core.query;

import io.notesearch.core.QuerySyntaxException;
import io.notesearch.core.analysis.EditDistance;
import io.notesearch.core.query.QueryNode.FieldName;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Parses the query language: plain words (all required), {@code "exact phrase"}, {@code -exclude},
 * {@code OR}, parentheses, {@code prefix*}, {@code fuzzy~}, {@code field:value} for title, heading,
 * tag, category, path, code and date, and initial consonants ({@code ㄹㄷ}).
 *
 * <p>Forgiving by design: an unclosed quote or parenthesis closes at the end, a stray {@code )},
 * lone {@code -} or {@code *} is ignored, and {@code word:thing} with an unknown field is plain text
 * (so URLs and {@code C++:} survive). Only a near-miss field name ({@code tga:aws}) or an impossible
 * date is an error, since the user clearly meant something else.
 */
public final class QueryParser {
  private static final Pattern FIELD = Pattern.compile("([A-Za-z]+):(.*)", Pattern.DOTALL);
  private static final Pattern FUZZY = Pattern.compile("(.+)~([12])?");
  private static final Pattern YEAR = Pattern.compile("\\d{4}");
  private static final Pattern MONTH = Pattern.compile("(\\d{4})-(\\d{1,2})");
  private static final Pattern DAY = Pattern.compile("(\\d{4})-(\\d{1,2})-(\\d{1,2})");
  private static final Pattern INITIALS = Pattern.compile("[ㄱ-ㅎ]{2,}");

  private final String text;
  private final List<String> tokens;
  private int at;

  private QueryParser(String text) {
    this.text = text;
    this.tokens = lex(text);
  }

  /**
   * Parses query text.
   *
   * @param text what the user typed (already cleaned of control characters)
   * @return the parsed query, or null when nothing searchable is left
   * @throws QuerySyntaxException when a field name is mistyped or a date is impossible
   */
  public static QueryNode parse(String text) {
    QueryParser p = new QueryParser(text);
    QueryNode node = p.or();
    return node;
  }

  /** Whether the query uses any operator, field or phrase: only plain words fall back to any-word. */
  public static boolean isPlain(QueryNode node) {
    return node instanceof QueryNode.Text;
  }

  private QueryNode or() {
    List<QueryNode> parts = new ArrayList<>();
    QueryNode first = and();
    if (first != null) {
      parts.add(first);
    }
    while (at < tokens.size() && isOr(tokens.get(at))) {
      at++;
      QueryNode next = and();
      if (next != null) {
        parts.add(next);
      }
    }
    if (parts.isEmpty()) {
      return null;
    }
    return parts.size() == 1 ? parts.getFirst() : new QueryNode.Or(parts);
  }

  private QueryNode and() {
    List<QueryNode> parts = new ArrayList<>();
    StringBuilder words = new StringBuilder();
    while (at < tokens.size()) {
      String t = tokens.get(at);
      if (isOr(t)) {
        break;
      }
      if (t.equals(")")) {
        at++;
        if (depth > 0) {
          depth--;
          break;
        }
        continue; // a stray closing parenthesis
      }
      at++;
      QueryNode node = unary(t);
      if (node instanceof QueryNode.Text plain) {
        if (!words.isEmpty()) {
          words.append(' ');
        }
        words.append(plain.text());
      } else if (node != null) {
        flushWords(parts, words);
        parts.add(node);
      }
    }
    flushWords(parts, words);
    if (parts.isEmpty()) {
      return null;
    }
    return parts.size() == 1 ? parts.getFirst() : new QueryNode.And(parts);
  }

  private int depth;

  private static void flushWords(List<QueryNode> parts, StringBuilder words) {
    if (!words.isEmpty()) {
      parts.add(new QueryNode.Text(words.toString()));
      words.setLength(0);
    }
  }

  private QueryNode unary(String t) {
    if (t.equals("(")) {
      depth++;
      return group();
    }
    if (t.length() > 1 && t.charAt(0) == '-') {
      QueryNode inner = t.equals("-(") ? groupAfterNot() : primary(t.substring(1));
      return inner == null ? null : new QueryNode.Not(inner);
    }
    return primary(t);
  }

  private QueryNode groupAfterNot() {
    depth++;
    return group();
  }

  private QueryNode group() {
    int before = depth;
    QueryNode inner = or();
    if (depth == before) {
      depth--; // unclosed: closes at the end
    }
    return inner;
  }

  private QueryNode primary(String t) {
    if (t.startsWith("\"")) {
      String phrase = t.substring(1, t.endsWith("\"") && t.length() > 1 ? t.length() - 1 : t.length()).strip();
      return phrase.isEmpty() ? null : new QueryNode.Phrase(phrase);
    }
    Matcher field = FIELD.matcher(t);
    if (field.matches() && !field.group(2).isEmpty()) {
      FieldName name = fieldName(field.group(1));
      if (name != null) {
        return fieldNode(name, unquote(field.group(2)));
      }
    }
    String word = t;
    if (word.chars().allMatch(c -> c == '*' || c == '-' || c == '~' || c == ':')) {
      return null;
    }
    if (INITIALS.matcher(word).matches()) {
      return new QueryNode.Initials(word);
    }
    if (word.endsWith("*") && word.length() > 1) {
      String prefix = word.replaceAll("\\*+$", "");
      return prefix.isEmpty() ? null : new QueryNode.Prefix(prefix);
    }
    if (endsWithLoneConsonant(word)) {
      return new QueryNode.Prefix(word);
    }
    Matcher fuzzy = FUZZY.matcher(word);
    if (fuzzy.matches() && !fuzzy.group(1).isBlank() && !fuzzy.group(1).endsWith("~")) {
      int edits = fuzzy.group(2) == null ? 2 : Integer.parseInt(fuzzy.group(2));
      return new QueryNode.Fuzzy(fuzzy.group(1), edits);
    }
    return new QueryNode.Text(word);
  }

  /** {@code 람ㄷ}: a word of Hangul syllables ending in a consonant jamo, typed before the vowel. */
  private static boolean endsWithLoneConsonant(String word) {
    if (word.length() < 2) {
      return false;
    }
    char last = word.charAt(word.length() - 1);
    char before = word.charAt(word.length() - 2);
    return last >= 'ㄱ' && last <= 'ㅎ' && before >= '가' && before <= '힣';
  }

  private static String unquote(String value) {
    String v = value.strip();
    if (v.startsWith("\"")) {
      v = v.substring(1);
      if (v.endsWith("\"")) {
        v = v.substring(0, v.length() - 1);
      }
    }
    return v.strip();
  }

  private static FieldName fieldName(String typed) {
    String lower = typed.toLowerCase(Locale.ROOT);
    for (FieldName f : FieldName.values()) {
      if (f.label().equals(lower) || (f == FieldName.TAG && lower.equals("tags"))
          || (f == FieldName.HEADING && lower.equals("headings"))) {
        return f;
      }
    }
    for (FieldName f : FieldName.values()) {
      if (EditDistance.damerau(lower, f.label()) <= (f.label().length() <= 4 ? 1 : 2)) {
        throw new QuerySyntaxException("unknown field [" + typed + "]; did you mean [" + f.label() + ":]? known: "
            + Arrays.stream(FieldName.values()).map(FieldName::label).collect(Collectors.joining(", ")));
      }
    }
    return null;
  }

  private static QueryNode fieldNode(FieldName name, String value) {
    if (value.isEmpty()) {
      return null;
    }
    if (name != FieldName.DATE) {
      return new QueryNode.Field(name, value);
    }
    return dates(value);
  }

  /** {@code 2020}, {@code 2020-04}, {@code 2020-04-01}, {@code >=…}, {@code >…}, {@code <=…}, {@code <…}, {@code a..b}. */
  static QueryNode.Dates dates(String value) {
    try {
      int range = value.indexOf("..");
      if (range >= 0) {
        String a = value.substring(0, range);
        String b = value.substring(range + 2);
        return new QueryNode.Dates(a.isEmpty() ? null : first(a, value), b.isEmpty() ? null : last(b, value));
      }
      if (value.startsWith(">=")) {
        return new QueryNode.Dates(first(value.substring(2), value), null);
      }
      if (value.startsWith(">")) {
        return new QueryNode.Dates(last(value.substring(1), value).plusDays(1), null);
      }
      if (value.startsWith("<=")) {
        return new QueryNode.Dates(null, last(value.substring(2), value));
      }
      if (value.startsWith("<")) {
        return new QueryNode.Dates(null, first(value.substring(1), value).minusDays(1));
      }
      return new QueryNode.Dates(first(value, value), last(value, value));
    } catch (DateTimeException e) {
      throw new QuerySyntaxException("impossible date [" + value + "]; write 2020, 2020-04, 2020-04-01, >=2020-04 or 2020-01..2020-06");
    }
  }

  private static LocalDate first(String s, String whole) {
    if (YEAR.matcher(s).matches()) {
      return LocalDate.of(Integer.parseInt(s), 1, 1);
    }
    Matcher m = MONTH.matcher(s);
    if (m.matches()) {
      return YearMonth.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))).atDay(1);
    }
    Matcher d = DAY.matcher(s);
    if (d.matches()) {
      return LocalDate.of(Integer.parseInt(d.group(1)), Integer.parseInt(d.group(2)), Integer.parseInt(d.group(3)));
    }
    throw new QuerySyntaxException("not a date [" + whole + "]; write 2020, 2020-04, 2020-04-01, >=2020-04 or 2020-01..2020-06");
  }

  private static LocalDate last(String s, String whole) {
    if (YEAR.matcher(s).matches()) {
      return LocalDate.of(Integer.parseInt(s), 12, 31);
    }
    Matcher m = MONTH.matcher(s);
    if (m.matches()) {
      return YearMonth.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))).atEndOfMonth();
    }
    return first(s, whole);
  }

  private static boolean isOr(String token) {
    return token.equals("OR") || token.equals("|") || token.equals("||");
  }

  /** Words, {@code "phrases"}, parentheses; a quote closes at the end when left open. */
  private static List<String> lex(String text) {
    List<String> out = new ArrayList<>();
    int i = 0;
    int n = text.length();
    while (i < n) {
      char c = text.charAt(i);
      if (Character.isWhitespace(c)) {
        i++;
      } else if (c == '(' || c == ')') {
        out.add(String.valueOf(c));
        i++;
      } else if (c == '"') {
        int end = text.indexOf('"', i + 1);
        int stop = end < 0 ? n : end + 1;
        out.add(text.substring(i, stop));
        i = stop;
      } else {
        int start = i;
        while (i < n && !Character.isWhitespace(text.charAt(i)) && text.charAt(i) != '(' && text.charAt(i) != ')') {
          if (text.charAt(i) == '"' && i > start && text.charAt(i - 1) == ':') {
            // field:"quoted value" is one token
            int end = text.indexOf('"', i + 1);
            i = end < 0 ? n : end + 1;
            break;
          }
          i++;
        }
        String word = text.substring(start, i);
        if (word.equals("-") && i < n && text.charAt(i) == '(') {
          out.add("-(");
          i++;
        } else {
          out.add(word);
        }
      }
    }
    return out;
  }

  @Override
  public String toString() {
    return "QueryParser[" + text + "]";
  }
}
