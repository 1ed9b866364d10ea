package io.notesearch.core.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.notesearch.core.analysis.GlossMiner.Gloss;
import java.util.List;
import org.junit.jupiter.api.Test;

class GlossMinerTest {
  private static List<Gloss> mine(String text) {
    return GlossMiner.mine(text);
  }

  @Test
  void hangulTermWithEnglishGloss() {
    assertEquals(List.of(new Gloss("화살표 함수", "arrow function")), mine("ES6의 화살표 함수(Arrow Function)는 this가 없다."));
    assertEquals(List.of(new Gloss("버킷", "bucket")), mine("S3에서 버킷(Bucket)을 만든다"));
    assertEquals(List.of(new Gloss("스케일링", "scaling")), mine("인스턴스 스케일링(Scaling)"));
    // A number written before the first word belongs to the term; one that ends a Latin word does not.
    assertEquals(List.of(new Gloss("2차 캐시", "second-level cache")), mine("JPA의 2차 캐시(second-level cache)는 공유된다"));
    assertEquals(List.of(new Gloss("버킷", "bucket")), mine("S3버킷(Bucket)을 만든다"));
    assertTrue(mine("1.5차 캐시(second-level cache)").stream().noneMatch(g -> g.term().equals("5차 캐시")), "the whole number");
  }

  @Test
  void englishTermWithHangulGloss() {
    assertEquals(List.of(new Gloss("event loop", "이벤트 루프")), mine("Node.js의 Event Loop(이벤트 루프)는"));
  }

  @Test
  void abbreviationsBothWays() {
    assertEquals(List.of(new Gloss("elb", "elastic load balancing")), mine("ELB(Elastic Load Balancing)는 트래픽을 분배한다"));
    assertEquals(List.of(new Gloss("iam", "identity and access management")), mine("AWS IAM(Identity and Access Management)"));
    assertEquals(List.of(new Gloss("ec2", "elastic compute cloud")), mine("EC2(Elastic Compute Cloud)"));
    assertEquals(List.of(new Gloss("s3", "simple storage service")), mine("Amazon S3(Simple Storage Service)"));
    assertEquals(List.of(new Gloss("tco", "total cost of ownership")), mine("Total Cost of Ownership(TCO)를 계산"));
  }

  @Test
  void aGlossThatIsNotATranslationIsNotAPair() {
    assertEquals(List.of(), mine("DynamoDB(NoSQL)는 서버리스다"));
    assertEquals(List.of(), mine("인스턴스 유형(쉽게 말해 컴퓨터 사양)"));
    assertEquals(List.of(), mine("함수(2020년 기준)"));
    assertEquals(List.of(), mine("Lambda(Node.js)로 작성"));
    assertEquals(List.of(), mine("(괄호만 있는 문장)"));
    assertEquals(List.of(), mine("Lambda(서버리스) 함수"), "an explanation, not a translation");
    assertEquals(List.of(), mine("cgroup(자원 제한)"));
    assertEquals(List.of(), mine("CodeBuild(빌드) 단계"));
    assertEquals(List.of(), mine("PCI DSS(카드 결제) 인증"));
    assertEquals(List.of(), mine("실습(AWS) 정리"));
    assertEquals(List.of(), mine("암호화를 대신 처리할 수 있다(SSL Offloading)."), "a sentence end is not a term");
    assertEquals(List.of(), mine("명시하지 않은 것이 거부(Implicit Deny)"));
  }

  @Test
  void loanwordsAreRecognisedBySound() {
    for (String[] pair : new String[][] {{"bucket", "버킷"}, {"refactoring", "리팩터링"}, {"redis", "레디스"},
        {"lambda", "람다"}, {"instance", "인스턴스"}, {"hoisting", "호이스팅"}, {"closure", "클로저"},
        {"container", "컨테이너"}, {"metadata", "메타데이터"}, {"server", "서버"}, {"service", "서비스"}, {"cipher", "사이퍼"}}) {
      assertTrue(Transliteration.similar(pair[0], pair[1]), pair[0] + " / " + pair[1]);
    }
    for (String[] pair : new String[][] {{"lambda", "서버리스"}, {"namespace", "격리"}, {"javascript", "경량"}, {"function", "함수"}}) {
      assertFalse(Transliteration.similar(pair[0], pair[1]), pair[0] + " / " + pair[1]);
    }
    // An r before a consonant or at the end is not written; a c before e, i or y is an s.
    assertEquals(Transliteration.hangulSkeleton("포트"), Transliteration.latinSkeleton("port"));
    assertEquals(Transliteration.hangulSkeleton("스페이스"), Transliteration.latinSkeleton("space"));
    assertEquals(Transliteration.hangulSkeleton("플러그인"), Transliteration.latinSkeleton("plugin"));
  }
}
