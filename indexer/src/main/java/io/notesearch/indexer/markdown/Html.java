package io.notesearch.indexer.markdown;

import com.vladsch.flexmark.util.sequence.Escaping;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The visible text of HTML inside Markdown: tags dropped, {@code alt} kept, entities decoded. Not API. */
final class Html {
  private static final Pattern TAG = Pattern.compile("<(/?)([a-zA-Z][a-zA-Z0-9-]*)([^>]*+)>|<!--.*?-->", Pattern.DOTALL);
  private static final Pattern ALT = Pattern.compile("\\balt\\s*=\\s*(\"([^\"]*)\"|'([^']*)'|([^\\s>]+))", Pattern.CASE_INSENSITIVE);
  private static final Pattern HIDDEN_BLOCK =
      Pattern.compile("<(script|style|template)\\b[^>]*+>.*?</\\1\\s*>", Pattern.DOTALL | Pattern.CASE_INSENSITIVE);

  /** Tags that sit inside a line of text: removing them must not split a word ({@code <code>bind</code>의}). */
  private static final Set<String> INLINE_TAGS =
      Set.of("a", "abbr", "b", "code", "del", "em", "i", "ins", "kbd", "mark", "q", "s", "samp",
          "small", "span", "strong", "sub", "sup", "u", "var", "font");

  /** Tags that start a new line of text where a browser would. */
  private static final Set<String> LINE_TAGS = Set.of("br", "p", "div", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6");

  private Html() {}

  /** Whether a match of {@link #TAG} is an autolink: a scheme ({@code <https://…>}) or an address ({@code <a@b.c>}). */
  private static boolean isAutolink(Matcher tag) {
    String rest = tag.group(3);
    if (tag.group(2) == null || !tag.group(1).isEmpty() || rest == null) { // a comment, or a closing tag
      return false;
    }
    return (rest.startsWith(":") && rest.length() > 1 && rest.chars().noneMatch(Character::isWhitespace))
        || (rest.indexOf('@') >= 0 && rest.chars().noneMatch(Character::isWhitespace) && rest.indexOf('=') < 0);
  }

  /** Visible text of inline HTML or an HTML block. */
  static String text(CharSequence html) {
    String s = html.toString();
    if (s.indexOf('<') < 0) {
      return Escaping.unescapeHtml(s);
    }
    s = HIDDEN_BLOCK.matcher(s).replaceAll(" ");
    Matcher m = TAG.matcher(s);
    StringBuilder out = new StringBuilder(s.length());
    int at = 0;
    while (m.find()) {
      out.append(s, at, m.start());
      String name = m.group(2) == null ? "" : m.group(2).toLowerCase(Locale.ROOT);
      if (isAutolink(m)) {
        // <https://example.com/post> and <me@example.com> are links, not tags: their text is shown.
        out.append(' ').append(s, m.start() + 1, m.end() - 1).append(' ');
      } else if (name.equals("img") || name.equals("area")) {
        Matcher alt = ALT.matcher(m.group(3));
        if (alt.find()) {
          String value = alt.group(2) != null ? alt.group(2) : alt.group(3) != null ? alt.group(3) : alt.group(4);
          out.append(' ').append(value).append(' ');
        }
      } else if (LINE_TAGS.contains(name)) {
        out.append('\n');
      } else if (!name.isEmpty() && !INLINE_TAGS.contains(name)) {
        out.append(' ');
      }
      at = m.end();
    }
    out.append(s, at, s.length());
    return Escaping.unescapeHtml(out);
  }
}
