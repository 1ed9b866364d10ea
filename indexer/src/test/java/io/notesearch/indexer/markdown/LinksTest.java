package io.notesearch.indexer.markdown;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What a link in a note points to, in each dialect: the table below is the whole rule. */
class LinksTest {
  private static final Path NOTE = Path.of("/notes/aws/ec2.md");

  @Test
  void addressesToKeys() {
    Map<String, String> expected = new LinkedHashMap<>();
    expected.put("../s3.md", "path:/notes/s3.md");
    expected.put("vpc.md#서브넷", "path:/notes/aws/vpc.md");
    expected.put("./other%20note.md?x=1", "path:/notes/aws/other note.md");
    expected.put("<../a b.markdown>", "path:/notes/a b.markdown");
    expected.put("/git/", "name:git");
    expected.put("../docker-basics/", "name:docker basics");
    expected.put("/posts/2020/hello-world.html", "name:hello world");
    expected.put("/abs/note.md", "name:note");
    expected.put("https://aws.amazon.com/ec2/", null);
    expected.put("mailto:me@example.com", null);
    expected.put("//cdn.example.com/x", null);
    expected.put("#보안-그룹", null);
    expected.put("diagram.png", null);
    expected.put("../files/spec.pdf", null);
    for (Map.Entry<String, String> e : expected.entrySet()) {
      assertEquals(e.getValue(), Links.target(e.getKey(), NOTE), e.getKey());
    }
  }

  @Test
  void wikilinksAndTheirLines() {
    Note note = new NoteParser().parse("""
        ---
        title: t
        ---
        # 제목

        [[Git 정리]] 와 [[notes/Docker#설치|도커]], ![[diagram.png]]

        - [S3](../s3.md)
        """, NOTE);
    assertEquals(List.of(new Note.Link(6, "name:git 정리"), new Note.Link(6, "name:docker"), new Note.Link(8, "path:/notes/s3.md")),
        note.links());
  }
}
