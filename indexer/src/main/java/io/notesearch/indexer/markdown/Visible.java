package io.notesearch.indexer.markdown;

import java.util.regex.Pattern;

/**
 * Takes out of rendered text what a reader of the published page never sees as words. Not API.
 *
 * <ul>
 *   <li>Liquid, Hugo and Vue template tags ({@code {% include x.html %}}, {@code {{< figure >}}},
 *       {@code {{ page.title }}}): the site replaces them, so their insides are not the note's words.
 *   <li>Base64 data URIs: kilobytes of noise that would flood the index with junk terms.
 *   <li>The marker lines of VuePress/VitePress containers ({@code ::: tip Title} … {@code :::}): the
 *       title and the text inside stay.
 *   <li>Kramdown's attribute lists ({@code {:toc}}, {@code {:.no_toc}}, {@code {:style="color: #ecf1e8"}}),
 *       which Jekyll turns into HTML attributes, and the {@code TOC} placeholder a {@code {:toc}}
 *       replaces with the table of contents: in a Jekyll wiki the first section of every note read
 *       "TOC {:toc}", and related notes were found by that.
 * </ul>
 *
 * <p>Every pattern is bounded, so a megabyte line of unclosed {@code {{} stays linear.
 */
final class Visible {
  private static final Pattern LIQUID_COMMENT =
      Pattern.compile("\\{%-?\\s*comment\\s*-?%\\}.{0,20000}?\\{%-?\\s*endcomment\\s*-?%\\}", Pattern.DOTALL);
  /** Longest template tag taken out; a longer span between braces is more likely prose. */
  static final int MAX_TEMPLATE_TAG = 2_000;
  private static final Pattern DATA_URI =
      Pattern.compile("data:[\\w.+-]{1,100}/[\\w.+;=-]{0,200};base64,[A-Za-z0-9+/=]*+", Pattern.CASE_INSENSITIVE);
  private static final Pattern CONTAINER_LINE =
      Pattern.compile("^[ \\t]*:{3,}[ \\t]*(?:\\{[^}\\n]*\\}|[A-Za-z][\\w-]*)?[ \\t]*", Pattern.MULTILINE);

  /** The list item a {@code {:toc}} replaces ({@code * TOC}, {@code 1. 목차}), then the attribute list. */
  private static final Pattern TOC =
      Pattern.compile("(?:(?<![\\p{L}\\p{N}])(?:TOC|Table of Contents|목차|Contents)\\s*)?\\{:\\s*toc\\s*\\}", Pattern.CASE_INSENSITIVE);

  /** A kramdown inline or block attribute list: {@code {:} up to its brace, bounded. */
  static final Pattern ATTRIBUTE_LIST = Pattern.compile("\\{:[^{}\\n]{0,500}\\}");

  private Visible() {}

  /** Prose without template tags, data URIs and kramdown attribute lists. */
  static String text(String text) {
    String out = text;
    if (out.contains("{%") || out.contains("{{")) {
      out = LIQUID_COMMENT.matcher(out).replaceAll(" ");
      out = withoutTags(out, "{{", "}}");
      out = withoutTags(out, "{%", "%}");
    }
    if (out.contains("{:")) {
      out = ATTRIBUTE_LIST.matcher(TOC.matcher(out).replaceAll(" ")).replaceAll(" ");
    }
    return code(out);
  }

  /**
   * The text with each {@code open … close} span of at most {@link #MAX_TEMPLATE_TAG} chars replaced
   * by a space. Linear: the next closer is searched once and reused by every opener before it.
   */
  private static String withoutTags(String text, String open, String close) {
    StringBuilder out = null;
    int copied = 0;
    int closer = -1;
    for (int at = text.indexOf(open); at >= 0; ) {
      if (closer < at + open.length()) {
        closer = text.indexOf(close, at + open.length());
        if (closer < 0) {
          break;
        }
      }
      if (closer - at > MAX_TEMPLATE_TAG) {
        at = text.indexOf(open, at + 1);
        continue;
      }
      if (out == null) {
        out = new StringBuilder(text.length());
      }
      out.append(text, copied, at).append(' ');
      copied = closer + close.length();
      at = text.indexOf(open, copied);
    }
    return out == null ? text : out.append(text, copied, text.length()).toString();
  }

  /** Code without data URIs; template tags stay, since code samples show them on purpose. */
  static String code(String code) {
    if (!hasBase64Marker(code)) {
      return code;
    }
    return DATA_URI.matcher(code).replaceAll(" ");
  }

  /** A paragraph's text with container marker lines reduced to their titles. */
  static String containerMarkers(String paragraph) {
    if (!paragraph.contains(":::")) {
      return paragraph;
    }
    return CONTAINER_LINE.matcher(paragraph).replaceAll("");
  }

  private static boolean hasBase64Marker(String s) {
    for (int i = s.indexOf(';'); i >= 0; i = s.indexOf(';', i + 1)) {
      if (s.regionMatches(true, i, ";base64,", 0, 8)) {
        return true;
      }
    }
    return false;
  }
}
