package io.notesearch.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * The worst case: a synthetic notes folder in the shape of real Korean developers' notes (Gatsby
 * front matter, {@code ###} headings with {@code <br/>}, bold pseudo-headings in nested lists, mixed
 * Korean/English prose with particles glued to English terms, code blocks, a table now and then,
 * inline HTML) whose words are drawn evenly from ~300, so every query word is common. Deterministic
 * for a seed. {@link RealisticGenerator} is the default; this one stays for the worst case.
 *
 * <pre>{@code
 * scripts/notesearch-bench generate --uniform --notes 10000 --seed 1 /tmp/notes10k
 * }</pre>
 */
public final class NotesGenerator {
  private static final List<String> TERMS = List.of(
      "EC2", "S3", "Lambda", "ELB", "ALB", "Route 53", "CloudFront", "DynamoDB", "RDS", "Aurora", "ElastiCache",
      "Redis", "IAM", "VPC", "Auto Scaling", "ECS", "Fargate", "SQS", "SNS", "CloudWatch", "CloudFormation",
      "Kubernetes", "k8s", "Docker", "Nginx", "Node.js", "React", "GraphQL", "REST API", "HTTP/2", "IPv6",
      "JavaScript", "TypeScript", "Python 3.11", "Java", "Spring", "Git", "CI/CD", "Terraform", "Kafka",
      "closure", "hoisting", "Promise", "async/await", "event loop", "arrow function", "garbage collection");
  private static final List<String> NOUNS = List.of(
      "인스턴스", "버킷", "로드 밸런서", "람다 함수", "보안 그룹", "서브넷", "가용 영역", "리전", "캐시", "데이터베이스",
      "트래픽", "요청", "응답", "비용", "요금", "설정", "배포", "모니터링", "로그", "권한", "정책", "역할", "스토리지",
      "네트워크", "컨테이너", "클러스터", "노드", "파티션 키", "인덱스", "쿼리", "트랜잭션", "스냅샷", "백업", "복제본",
      "함수", "변수", "스코프", "객체", "배열", "메서드", "클래스", "모듈", "패키지", "빌드", "테스트", "에러", "예외");
  private static final List<String> PARTICLES = List.of("는", "가", "를", "에서", "으로", "와", "의", "도", "에", "만");
  private static final List<String> PREDICATES = List.of(
      "사용한다", "설정할 수 있다", "비용이 줄어든다", "자동으로 늘어난다", "주의해야 한다", "문제가 생긴다",
      "빠르게 처리된다", "나중에 자세히 다루겠다!", "공식 문서를 참고하자", "헷갈리기 쉽다", "생각보다 간단하다",
      "성능이 좋아진다", "장애가 나도 버틴다", "로그를 남긴다", "권한이 필요하다");
  private static final List<String> HEADINGS = List.of(
      "개요", "특징", "사용법", "설정 방법", "주의할 점", "비용", "비교", "예제", "정리", "트러블슈팅", "동작 원리",
      "장단점", "실습", "참고", "Best Practice", "FAQ");

  /** The queries these notes are searched with: 14 of their words, every one common. */
  static final List<String> QUERIES = List.of(
      "로드 밸런서", "EC2 인스턴스", "람다 함수 비용", "S3 버킷", "Kubernetes 클러스터", "보안 그룹 설정", "캐시 트래픽",
      "event loop", "Docker 컨테이너 배포", "파티션 키", "Route 53", "IAM 역할 권한", "closure 스코프", "요금");

  private NotesGenerator() {}

  /** What the notes' words are drawn from, one list a line: what {@link Generator#fingerprint} hashes. */
  static String parameters() {
    return String.join("\n", TERMS.toString(), NOUNS.toString(), PARTICLES.toString(), PREDICATES.toString(),
        HEADINGS.toString());
  }

  /**
   * Writes {@code notes} notes into {@code out}, in folders of at most 500.
   *
   * @param notes how many notes
   * @param seed the random seed
   * @param out the folder (created)
   * @return total bytes written
   */
  public static long generate(int notes, long seed, Path out) throws IOException {
    Random random = new Random(seed);
    long bytes = 0;
    for (int i = 0; i < notes; i++) {
      Path folder = out.resolve(String.format(Locale.ROOT, "part-%03d", i / 500));
      Files.createDirectories(folder);
      String text = note(random, i);
      byte[] data = text.getBytes(StandardCharsets.UTF_8);
      Files.write(folder.resolve(String.format(Locale.ROOT, "note-%06d.md", i)), data);
      bytes += data.length;
    }
    return bytes;
  }

  static String note(Random r, int n) {
    String topic = pick(r, TERMS);
    StringBuilder sb = new StringBuilder(4096);
    LocalDate date = LocalDate.of(2018, 1, 1).plusDays(r.nextInt(2200));
    sb.append("---\ntitle: \"").append(topic).append(' ').append(pick(r, NOUNS)).append(" 정리 ").append(n).append("\"\n")
        .append("date: \"").append(date).append("T10:00:00.000Z\"\ntemplate: \"post\"\ndraft: ").append(r.nextInt(50) == 0)
        .append("\nslug: \"note-").append(n).append("\"\ncategory: \"").append(r.nextBoolean() ? "AWS" : "Dev").append("\"\ntags:\n");
    for (int t = 0; t < 2 + r.nextInt(3); t++) {
      sb.append("  - \"").append(pick(r, TERMS)).append("\"\n");
    }
    sb.append("description: \"").append(sentence(r, topic)).append("\"\n---\n\n");
    sb.append("<br/><img src=\"/img/").append(n).append(".png\" alt=\"").append(topic).append(" 구성도\" width=\"800px\">\n\n");
    sb.append(paragraph(r, topic, 2 + r.nextInt(3))).append("\n\n");
    int sections = 2 + r.nextInt(5);
    for (int s = 0; s < sections; s++) {
      sb.append("### ").append(pick(r, TERMS)).append(' ').append(pick(r, HEADINGS)).append(r.nextBoolean() ? "<br/>" : "").append("\n\n");
      sb.append(paragraph(r, topic, 1 + r.nextInt(4))).append("\n\n");
      if (r.nextInt(3) == 0) {
        for (int item = 0; item < 2 + r.nextInt(3); item++) {
          sb.append("* **").append(pick(r, TERMS)).append("**\n");
          for (int sub = 0; sub < 1 + r.nextInt(3); sub++) {
            sb.append("  * ").append(sentence(r, topic)).append("<br/>\n");
          }
        }
        sb.append('\n');
      }
      if (r.nextInt(4) == 0) {
        sb.append("```js\nconst ").append(camel(r)).append(" = async (event) => {\n  const result = await ")
            .append(camel(r)).append("(event.body);\n  return { statusCode: 200, body: JSON.stringify(result) };\n};\n```\n\n");
      }
      if (r.nextInt(8) == 0) {
        sb.append("| 항목 | ").append(pick(r, TERMS)).append(" | ").append(pick(r, TERMS)).append(" |\n|---|---|---|\n");
        for (int row = 0; row < 3; row++) {
          sb.append("| ").append(pick(r, NOUNS)).append(" | ").append(r.nextInt(100)).append(" | ").append(r.nextInt(100)).append(" |\n");
        }
        sb.append('\n');
      }
    }
    return sb.toString();
  }

  private static String paragraph(Random r, String topic, int sentences) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < sentences; i++) {
      sb.append(sentence(r, topic)).append(i % 2 == 1 ? "<br/>\n" : " ");
    }
    return sb.toString().strip();
  }

  private static String sentence(Random r, String topic) {
    String a = r.nextInt(3) == 0 ? topic : pick(r, TERMS);
    return a + pick(r, PARTICLES) + " " + pick(r, NOUNS) + pick(r, PARTICLES) + " "
        + (r.nextBoolean() ? "**" + pick(r, NOUNS) + "**" : pick(r, NOUNS)) + " " + pick(r, PREDICATES);
  }

  private static String camel(Random r) {
    String[] parts = {"get", "handle", "fetch", "update", "user", "order", "item", "cache", "event", "request"};
    return parts[r.nextInt(4)] + Character.toUpperCase(parts[4 + r.nextInt(6)].charAt(0)) + parts[4 + r.nextInt(6)].substring(1);
  }

  private static <T> T pick(Random r, List<T> list) {
    return list.get(r.nextInt(list.size()));
  }
}
