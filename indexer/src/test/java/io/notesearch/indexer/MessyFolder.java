package io.notesearch.indexer;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes a notes folder the way real ones are: blog engines' front matter, an Obsidian vault, a
 * VuePress site, and every file that breaks naive indexers (empty, binary, huge, one huge line, deep
 * nesting, unclosed fences, symbolic link loops and duplicates, an unreadable file, punctuation-only
 * names). Says which word must find which file afterwards, which words must find nothing, and which
 * files the indexer must skip and why.
 */
final class MessyFolder {
  /**
   * What the folder holds.
   *
   * @param root the folder
   * @param findable word → the file (absolute, normalized) it must find
   * @param hidden words that must find nothing (template variables, scripts, base64, vendored notes)
   * @param skipped file → the reason the indexer must give for skipping it
   */
  record Layout(Path root, Map<String, Path> findable, Iterable<String> hidden, Map<Path, String> skipped) {}

  private final Path root;
  private final Map<String, Path> findable = new LinkedHashMap<>();
  private final Map<Path, String> skipped = new LinkedHashMap<>();

  private MessyFolder(Path root) {
    this.root = root;
  }

  /**
   * Writes the folder.
   *
   * @param root an empty folder
   * @param largeBytes size of the large note (the 50 MB case is measured on its own)
   */
  static Layout write(Path root, int largeBytes) throws IOException {
    MessyFolder f = new MessyFolder(root.toAbsolutePath().normalize());
    f.blogs();
    f.vault();
    f.constructs();
    f.badFiles(largeBytes);
    f.links();
    f.names();
    return new Layout(
        f.root, f.findable, List.of("secretliquidvar", "hiddenscriptword", "wapitibasesixtyfour", "wapitirawuri", "vendoredword", "obsidianconfigword"), f.skipped);
  }

  private void blogs() throws IOException {
    note("hugo/content/posts/toml.md", """
        +++
        title = "휴고 글"
        date = 2023-04-05T21:30:00+09:00
        tags = ["hugo", "quokkatag"]
        lang = "ko"
        +++

        ## 본문

        quokkatoml 단어가 있는 문단.
        """, "quokkatoml");
    findable.put("quokkatag", file("hugo/content/posts/toml.md"));
    note("jekyll/_posts/2020-01-01-liquid.md", """
        ---
        layout: post
        title: Jekyll 글
        date: 2020-01-01 10:00:00 +0900
        ---

        {% include toc.html %}
        wombatliquid 문장과 {{ site.secretliquidvar }} 변수.
        """, "wombatliquid");
    note("vuepress/docs/README.md", """
        # 문서

        ::: tip platypustitle
        platypusbody 컨테이너 안의 글.
        :::
        """, "platypustitle");
    findable.put("platypusbody", file("vuepress/docs/README.md"));
    write("node_modules/pkg/README.md", "# 패키지\n\nvendoredword\n");
  }

  private void vault() throws IOException {
    write("vault/.obsidian/workspace.md", "obsidianconfigword\n");
    note("vault/Daily/2024-01-01.md", """
        # 일일 노트

        [[Project Plan|axolotlalias]] 링크와 #numbattag 태그.

        > [!note] narwhalcallout
        > 콜아웃 본문.
        """, "axolotlalias");
    findable.put("numbattag", file("vault/Daily/2024-01-01.md"));
    findable.put("narwhalcallout", file("vault/Daily/2024-01-01.md"));
  }

  private void constructs() throws IOException {
    note("til/footnotes-math.md", """
        # 각주와 수식

        본문[^1] 과 $okapiformula^2$ 수식.

        [^1]: tapirfootnote 각주 정의.
        """, "tapirfootnote");
    findable.put("okapiformula", file("til/footnotes-math.md"));
    note("til/html.md", """
        # HTML

        <div><img src="a.png" alt="pangolinalt"></div>

        <script>var hiddenscriptword = 1;</script>

        | 표 | 셀 |
        |---|---|
        | capybaracell | 값 |
        """, "pangolinalt");
    findable.put("capybaracell", file("til/html.md"));
    String zeros = Base64.getEncoder().encodeToString(new byte[30_000]);
    note("til/data-uri.md", "# 데이터\n\n![meerkatalt](data:image/png;base64,wapitibasesixtyfour/" + zeros + ")\n\n"
        + "본문에 붙은 data:image/gif;base64,wapitirawuri/" + zeros + " 끝\n", "meerkatalt");
    note("til/unclosed-fence.md", "# 닫히지 않은 펜스\n\n```python\nlemurcode = 1\n\n## 제목 아님\n", "lemurcode");
  }

  private void badFiles(int largeBytes) throws IOException {
    skip(write("empty.md", ""), "empty file; skipped");
    skip(write("blank.md", "  \n\n\t\r\n"), "empty file; skipped");
    Path binary = root.resolve("binary.md");
    Files.write(binary, new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 0, 0, 13});
    skip(binary, "binary file (NUL bytes); skipped");

    StringBuilder large = new StringBuilder("# 큰 노트\n\n");
    for (int i = 0; large.length() < largeBytes / 2; i++) {
      // Sections of a few KB, as in a long note (Hangul is 3 bytes a char in UTF-8).
      large.append(i % 50 == 0 ? "## 부분 " + i + "\n\n" : "");
      large.append("람다 함수와 EC2 인스턴스, Redis 캐시를 정리한 문단 ").append(i).append(".\n\n");
    }
    note("large.md", large.append("## 끝\n\nibexlarge\n").toString(), "ibexlarge");
    note("one-line.md", "# 한 줄\n\n" + "긴 줄 words ".repeat(1_000_000 / 14) + "yaklongline\n", "yaklongline");
    note("deep-quote.md", "# 깊은 인용\n\n" + "> ".repeat(10_000) + "gazelledeep\n", "gazelledeep");
    skip(write("deep-list.md", "- ".repeat(10_000) + "never\n"), "nesting too deep for the Markdown parser; skipped");

    Path huge = root.resolve("huge.md");
    try (RandomAccessFile sparse = new RandomAccessFile(huge.toFile(), "rw")) {
      sparse.setLength(io.notesearch.indexer.internal.NoteReader.MAX_NOTE_BYTES + (1 << 20)); // sparse: no disk, no reading
    }
    skip(huge, "too large (65 MB; notes over 64 MB are skipped)");

    Path locked = note("locked.md", "# 잠긴 파일\n\nbisonlocked\n", "bisonlocked");
    Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("---------"));
    if (!readable(locked)) {
      // Root reads it anyway; anyone else must see it skipped.
      findable.remove("bisonlocked");
      skip(locked, "cannot read (AccessDeniedException)");
    }
  }

  private void links() throws IOException {
    Path links = Files.createDirectories(root.resolve("links"));
    Files.createSymbolicLink(links.resolve("til-again"), root.resolve("til"));
    Files.createSymbolicLink(links.resolve("dup.md"), root.resolve("til/footnotes-math.md"));
    Files.createSymbolicLink(links.resolve("loop"), links);
    skip(links.resolve("loop"), "symbolic link loop; not followed");
    Files.createSymbolicLink(links.resolve("broken.md"), links.resolve("nowhere.md"));
    skip(links.resolve("broken.md"), "broken symbolic link; skipped");
    Files.createSymbolicLink(links.resolve("self.md"), links.resolve("self.md"));
    skip(links.resolve("self.md"), "broken symbolic link; skipped");
  }

  private void names() throws IOException {
    note("names/!!!.md", "# 느낌표\n\nbeaverbang\n", "beaverbang");
    note("names/---.md", "코요테 coyotedash\n", "coyotedash");
    note("names/()&[].md", "# 괄호\n\ndingobrackets\n", "dingobrackets");
    try {
      note("names/[draft] (1) & ■.md", "# 네모\n\nelandsquare\n", "elandsquare");
    } catch (InvalidPathException e) {
      // A JVM whose file names are not UTF-8 (LANG unset) cannot name this file at all.
    }
  }

  private Path note(String name, String text, String word) throws IOException {
    Path p = write(name, text);
    findable.put(word, p);
    return p;
  }

  private Path write(String name, String text) throws IOException {
    Path p = root.resolve(name);
    Files.createDirectories(p.getParent());
    Files.writeString(p, text, StandardCharsets.UTF_8);
    return p;
  }

  private Path file(String name) {
    return root.resolve(name);
  }

  private void skip(Path file, String reason) {
    skipped.put(file, reason);
  }

  private static boolean readable(Path file) {
    try {
      Files.readAllBytes(file);
      return true;
    } catch (IOException e) {
      return false;
    }
  }
}
