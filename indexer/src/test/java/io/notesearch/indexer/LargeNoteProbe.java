package io.notesearch.indexer;

import io.notesearch.indexer.markdown.Note;
import io.notesearch.indexer.markdown.NoteParser;
import io.notesearch.indexer.markdown.TextDecoder;
import java.io.BufferedWriter;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads and parses one large generated note the way the indexer does, in a JVM of its own (started
 * by {@link LargeNoteMemoryTest} with a small {@code -Xmx}), and prints what it measured on one line.
 */
final class LargeNoteProbe {
  private LargeNoteProbe() {}

  /**
   * Writes the note if missing, then reads, decodes and parses it.
   *
   * @param args the note's path and its size in MB
   */
  public static void main(String[] args) throws Exception {
    Path file = Path.of(args[0]);
    long bytes = Long.parseLong(args[1]) << 20;
    if (!Files.exists(file)) {
      write(file, bytes);
    }
    String text = TextDecoder.decode(Files.readAllBytes(file)).text();
    long start = System.nanoTime();
    Note note = new NoteParser().parse(text, file);
    long millis = (System.nanoTime() - start) / 1_000_000;
    text = null; // what the indexer keeps while writing is the note, not its text
    System.gc();
    long retained = Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory();
    long peak = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        peak += pool.getPeakUsage().getUsed();
      }
    }
    long chars = note.sections().stream().mapToLong(s -> s.text().length() + s.code().length()).sum();
    System.out.printf(
        "parsed %d MB into %d sections (%d chars of text and code) in %d ms; retained %d MB after GC; heap pools' peaks add up to %d MB; max heap %d MB%n",
        Files.size(file) >> 20, note.sections().size(), chars, millis, retained >> 20, peak >> 20, Runtime.getRuntime().maxMemory() >> 20);
  }

  /** A long mixed Korean/English study note: headed sections of a few KB, lists, code, tables. */
  private static void write(Path file, long bytes) throws IOException {
    try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      out.write("---\ntitle: 아주 긴 노트\ntags: [big]\n---\n\n# 아주 긴 노트\n\n");
      long written = 0;
      for (int i = 0; written < bytes; i++) {
        StringBuilder part = new StringBuilder();
        part.append("## ").append(i).append(". 람다와 EC2 정리\n\n");
        for (int p = 0; p < 6; p++) {
          part.append(p == 0 ? "**핵심 정리**\n" : "")
              .append("AWS Lambda는 서버를 관리하지 않고 코드를 실행하는 서비스다. EC2 인스턴스와 달리 요청이 올 때만 ")
              .append("과금되며, 콜드 스타트(cold start)가 생길 수 있다. node.js와 Python 런타임을 쓴다.\n\n");
        }
        part.append("- **장점**\n  - 관리 부담이 적다\n  - 자동으로 확장된다\n- 단점: 실행 시간 제한\n\n");
        part.append("```js\nexports.handler = async (event) => ({ statusCode: 200, body: '").append(i).append("' });\n```\n\n");
        part.append("| 서비스 | 특징 |\n|---|---|\n| Lambda | 서버리스 |\n| EC2 | 가상 서버 |\n\n");
        String s = part.toString();
        out.write(s);
        written += s.getBytes(StandardCharsets.UTF_8).length;
      }
    }
  }
}
