package io.notesearch.indexer.markdown;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Random Markdown-ish notes, from a fixed seed: parsing never throws, every plain word a generated
 * note holds is in some section's text or heading, section lines strictly increase and heading
 * anchors are unique. A failure prints the seed of the note that broke it.
 */
class MarkdownPropertyTest {
  private static final long SEED = 20_261_127L;
  private static final int NOTES = 400;
  private static final Path FILE = Path.of("random.md");

  private static final String[] WORDS = {
    "람다", "함수", "인스턴스", "로드밸런서", "캐시", "설정", "배포", "컨테이너", "쿠버네티스", "데이터베이스",
    "Lambda", "EC2", "node.js", "C++", "Redis", "S3", "React", "useState", "Spring", "Kafka",
    "🚀", "✔️", "😄", "한글English", "EC2가", "ELB를"
  };

  /** Pieces that make Markdown, HTML, templates and the odd broken construct, glued at random. */
  private static final String[] SOUP = {
    "#", "# ", "## ", "###### ", "**", "*", "_", "__", "`", "``", "```", "~~~", "```js\n", "> ", ">", "- ", "* ", "+ ",
    "1. ", "2) ", "|", "| --- |", "|-|", "---", "***", "===", "<div>", "</div>", "<p>", "<br>", "<!--", "-->",
    "<script>", "</script>", "<pre>", "</pre>", "<img alt=\"그림\" src=x>", "[[", "]]", "[[a|b]]", "![[x.png]]",
    "[", "]", "](", ")", "![", "[^1]", "[^1]: ", "[x]: http://x", "$", "$$", "{{", "}}", "{%", "%}", ":::", "::: tip ",
    "> [!note] ", "\n", "\r\n", "\n\n", "\r", "    ", "\t", "  ", "&amp;", "&#", "&#x41;", "\\", "+++", "---\n",
    "data:image/png;base64,AAAA", "#태그", "C#", "#1", "{#id}", "\u200D", "\uFEFF", "\u0000"
  };

  @Test
  void everyPlainWordIsKeptAndSectionsAreWellFormed() {
    Random seeds = new Random(SEED);
    for (int i = 0; i < NOTES; i++) {
      long seed = seeds.nextLong();
      Generated note = structured(new Random(seed));
      Note parsed = parse(new NoteParser(), note.text(), seed);
      checkInvariants(parsed, note.text(), seed);
      String all = allText(parsed);
      for (String word : note.words()) {
        if (!all.contains(word)) {
          fail("seed " + seed + ": word [" + word + "] lost\n--- note ---\n" + note.text() + "\n--- sections ---\n" + parsed.sections());
        }
      }
      // Parsing in small pieces changes nothing for notes without cross-piece link definitions.
      assertEquals(parsed, parse(new NoteParser(200), note.text(), seed), "seed " + seed + " in pieces");
    }
  }

  @Test
  void markdownSoupNeverThrowsAndSectionsAreWellFormed() {
    Random seeds = new Random(SEED + 1);
    for (int i = 0; i < NOTES; i++) {
      long seed = seeds.nextLong();
      String text = soup(new Random(seed));
      checkInvariants(parse(new NoteParser(), text, seed), text, seed);
      checkInvariants(parse(new NoteParser(300), text, seed), text, seed);
    }
  }

  private static Note parse(NoteParser parser, String text, long seed) {
    try {
      return parser.parse(text, FILE);
    } catch (RuntimeException | StackOverflowError e) {
      throw new AssertionError("seed " + seed + ": " + e + "\n--- note ---\n" + text, e);
    }
  }

  private static void checkInvariants(Note note, String text, long seed) {
    // Line breaks as CommonMark counts them: \r\n, \n or a lone \r.
    int lines = text.replace("\r\n", "\n").replace('\r', '\n').split("\n", -1).length;
    int previous = 0;
    Set<String> anchors = new HashSet<>();
    for (Section s : note.sections()) {
      assertTrue(s.line() > previous, "seed " + seed + ": line " + s.line() + " after " + previous + " in " + note.sections());
      assertTrue(s.line() <= lines, "seed " + seed + ": line " + s.line() + " past the end (" + lines + ")");
      previous = s.line();
      if (!s.headings().isEmpty()) {
        assertTrue(anchors.add(s.anchor()), "seed " + seed + ": anchor [" + s.anchor() + "] twice in " + note.sections());
      }
    }
  }

  private static String allText(Note note) {
    StringBuilder all = new StringBuilder(note.title()).append('\n');
    for (Section s : note.sections()) {
      all.append(String.join("\n", s.headings())).append('\n').append(s.text()).append('\n');
    }
    return all.toString();
  }

  /** A generated note and the words in its prose that must survive parsing. */
  private record Generated(String text, List<String> words) {}

  private static Generated structured(Random r) {
    List<String> words = new ArrayList<>();
    StringBuilder out = new StringBuilder();
    if (r.nextInt(4) == 0) {
      out.append("---\ntitle: ").append(word(r, null)).append("\ntags: [a, b]\n---\n\n");
    }
    int blocks = 1 + r.nextInt(25);
    for (int b = 0; b < blocks; b++) {
      switch (r.nextInt(11)) {
        case 0 -> out.append("#".repeat(1 + r.nextInt(6))).append(' ').append(words(r, 1 + r.nextInt(4), words)).append('\n');
        case 1 -> out.append(words(r, 1 + r.nextInt(3), words)).append('\n').append(r.nextBoolean() ? "===" : "---").append('\n');
        case 2 -> out.append("**").append(words(r, 1 + r.nextInt(3), words)).append("**\n").append(words(r, 3, words)).append('\n');
        case 3 -> {
          int depth = 0;
          for (int item = 0; item < 1 + r.nextInt(5); item++) {
            // A list starts unindented (four spaces after a blank line make code) and deepens by one level.
            depth = item == 0 ? 0 : r.nextInt(depth + 2);
            String indent = "  ".repeat(depth);
            String text = words(r, 1 + r.nextInt(4), words);
            out.append(indent).append(r.nextBoolean() ? "- " : "* ").append(r.nextInt(3) == 0 ? "**" + text + "**" : text).append('\n');
          }
        }
        case 4 -> out.append("```").append(r.nextBoolean() ? "java" : "").append('\n')
            .append("# 코드 안 ").append(r.nextInt(100)).append("\n\nint x = 1;\n```\n");
        case 5 -> out.append("<div>").append(words(r, 3, words)).append("</div>\n");
        case 6 -> {
          out.append("| ").append(words(r, 1, words)).append(" | ").append(words(r, 1, words)).append(" |\n|---|---|\n");
          for (int row = 0; row < 1 + r.nextInt(3); row++) {
            out.append("| ").append(words(r, 2, words)).append(" | ").append(words(r, 1, words)).append(" |\n");
          }
        }
        case 7 -> out.append("> ").append(words(r, 4, words)).append("\n> ").append(words(r, 2, words)).append('\n');
        case 8 -> out.append(r.nextBoolean() ? "---" : "***").append('\n');
        default -> {
          for (int line = 0; line < 1 + r.nextInt(3); line++) {
            out.append(words(r, 2 + r.nextInt(8), words)).append('\n');
          }
        }
      }
      out.append('\n');
    }
    String text = out.toString();
    if (r.nextInt(3) == 0) {
      text = text.replace("\n", "\r\n");
    }
    return new Generated(text, words);
  }

  private static String words(Random r, int n, List<String> into) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < n; i++) {
      if (i > 0) {
        out.append(' ');
      }
      out.append(word(r, into));
    }
    return out.toString();
  }

  private static String word(Random r, List<String> into) {
    String w = WORDS[r.nextInt(WORDS.length)];
    if (into != null) {
      into.add(w);
    }
    return w;
  }

  private static String soup(Random r) {
    StringBuilder out = new StringBuilder();
    int pieces = r.nextInt(400);
    for (int i = 0; i < pieces; i++) {
      out.append(r.nextInt(3) == 0 ? WORDS[r.nextInt(WORDS.length)] : SOUP[r.nextInt(SOUP.length)]);
      if (r.nextInt(4) == 0) {
        out.append(' ');
      }
    }
    return out.toString();
  }
}
