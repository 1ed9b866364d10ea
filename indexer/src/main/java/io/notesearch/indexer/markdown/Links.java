package io.notesearch.indexer.markdown;

import com.vladsch.flexmark.ast.Link;
import com.vladsch.flexmark.ext.wikilink.WikiImage;
import com.vladsch.flexmark.ext.wikilink.WikiLink;
import com.vladsch.flexmark.util.ast.Node;
import io.notesearch.core.schema.IndexSchema;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The links of a note to other notes, as {@link IndexSchema#LINK} keys. Not API.
 *
 * <ul>
 *   <li>{@code [[Git 정리]]}, {@code [[folder/git#branch|깃]]} (Obsidian): by name, the last part of
 *       the page, its heading and alias left off.
 *   <li>{@code [설정](../aws/ec2.md#보안-그룹)}: by path, resolved against the note's folder.
 *   <li>{@code [Git](/git/)} and {@code [Git](../git/)} (Gatsby, Jekyll and Hugo sites): by name, the
 *       last part of the address, which is the target's slug, file or folder name.
 * </ul>
 *
 * Addresses with a scheme ({@code https:}, {@code mailto:}), anchors in the same note ({@code #x})
 * and files that are not notes ({@code diagram.png}) are not links between notes.
 */
final class Links {
  private static final Pattern SCHEME = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]*:.*");
  private static final Pattern NOTE_FILE = Pattern.compile("(?i).*\\.(md|markdown)$");
  private static final Pattern OTHER_FILE = Pattern.compile("(?i).*\\.[a-z0-9]{1,5}$");

  private Links() {}

  /** A link met in the text: its 1-based line and what it points to. */
  record Found(int line, String target) {}

  /**
   * Adds the links of a parsed chunk.
   *
   * @param chunk the chunk's document
   * @param firstLine the file's line of the chunk's first line
   * @param file the note, whose folder relative links start from
   * @param out where the links go
   */
  static void collect(com.vladsch.flexmark.util.ast.Document chunk, int firstLine, Path file, List<Found> out) {
    // By parent and sibling links, without recursion, as InlineText walks (nesting is as deep as the input).
    Node n = chunk.getFirstChild();
    while (n != null) {
      String target = null;
      if (n instanceof WikiLink wiki && !(n instanceof WikiImage)) {
        target = IndexSchema.nameLink(wiki.getPageRef().toString());
      } else if (n instanceof Link link) {
        target = target(link.getUrl().toString(), file);
      }
      if (target != null && !target.isEmpty()) {
        out.add(new Found(firstLine + chunk.getLineNumber(n.getStartOffset()), target));
      }
      if (n.getFirstChild() != null) {
        n = n.getFirstChild();
        continue;
      }
      while (n != null && n != chunk && n.getNext() == null) {
        n = n.getParent();
      }
      n = n == null || n == chunk ? null : n.getNext();
    }
  }

  /** The key of a Markdown link's address, or null when it is not a link to a note. */
  static String target(String url, Path file) {
    String u = url.strip();
    if (u.startsWith("<") && u.endsWith(">")) {
      u = u.substring(1, u.length() - 1);
    }
    int cut = indexOfAny(u, '#', '?');
    if (cut >= 0) {
      u = u.substring(0, cut);
    }
    if (u.isEmpty() || SCHEME.matcher(u).matches() || u.startsWith("//")) {
      return null;
    }
    try {
      u = URLDecoder.decode(u.replace("+", "%2B"), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      // a lone '%': keep it as written
    }
    if (NOTE_FILE.matcher(u).matches() && !u.startsWith("/")) {
      Path folder = file == null ? null : file.toAbsolutePath().getParent();
      if (folder == null) {
        return IndexSchema.nameLink(u);
      }
      try {
        return IndexSchema.pathLink(folder.resolve(u).normalize().toString());
      } catch (InvalidPathException e) {
        return null;
      }
    }
    String last = u.endsWith("/") ? u.substring(0, u.length() - 1) : u;
    last = last.substring(last.lastIndexOf('/') + 1);
    if (!NOTE_FILE.matcher(last).matches() && OTHER_FILE.matcher(last.toLowerCase(Locale.ROOT)).matches()
        && !last.toLowerCase(Locale.ROOT).matches(".*\\.html?$")) {
      return null; // an image, a PDF, a zip
    }
    return IndexSchema.nameLink(u);
  }

  private static int indexOfAny(String s, char a, char b) {
    int i = s.indexOf(a);
    int j = s.indexOf(b);
    return i < 0 ? j : j < 0 ? i : Math.min(i, j);
  }
}
