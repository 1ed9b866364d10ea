package io.notesearch.core.analysis;

import static io.notesearch.core.analysis.TokenTable.assertTable;
import static io.notesearch.core.analysis.TokenTable.terms;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import java.util.Random;
import org.apache.lucene.analysis.Analyzer;
import org.junit.jupiter.api.Test;

/** Token tables for what Nori alone gets wrong in developers' notes. */
class NoteAnalyzersTest {
  private static final NoteAnalyzers ANALYZERS = NoteAnalyzers.standard();
  private static final Analyzer INDEX = ANALYZERS.index();
  private static final Analyzer QUERY = ANALYZERS.queryPlain();

  @Test
  void lettersAndDigitsStayOneTermAndParticlesGo() {
    // Nori alone: EC2가 -> ec / 2 / 가. The joined term comes first, its parts stacked after it.
    assertTable(INDEX, "EC2가 ELB를 거치면", "ec2 0-3 +1", "ec 0-2 +0", "2 2-3 +1", "elb 5-8 +1", "거치 10-12 +1");
    assertTable(QUERY, "EC2가 ELB를", "ec2 0-3 +1", "elb 5-8 +1");
    assertTable(QUERY, "S3는", "s3 0-2 +1");
    assertEquals(List.of("api", "function"), terms(QUERY, "API들을 Function으로"));
    // Last in the text, Nori reads these particles as nouns or counters: 의 "righteousness", 도 "degrees".
    for (String text : List.of("S3의", "S3도", "S3란", "EC2의", "Java17의", "Redis의", "k8s의", "Node.js의", "IPv6의")) {
      assertEquals(1, terms(QUERY, text).size(), text + " is one term: " + terms(QUERY, text));
      assertTrue(terms(INDEX, text).stream().noneMatch(t -> t.chars().anyMatch(c -> c >= '가')), text + " indexes no Hangul: " + terms(INDEX, text));
    }
    // After a bare number they are numerals and counters, in the index as in queries (the index
    // stacks windows10 on the 10 of Windows 10, which must not make 10 a Latin word).
    assertEquals(List.of("30", "도"), terms(QUERY, "30도"));
    assertEquals(List.of("3", "만"), terms(QUERY, "3만"));
    assertTrue(terms(QUERY, "Windows 10도").contains("도"), terms(QUERY, "Windows 10도").toString());
    assertTrue(terms(INDEX, "Windows 10도").contains("도"), terms(INDEX, "Windows 10도").toString());
  }

  @Test
  void techTermsWithSymbols() {
    assertEquals(
        List.of("node.js", "c++", "c#", "http/2", "3.11", "k8s", "ipv6", "es6", "route53"),
        terms(QUERY, "node.js와 C++ C# HTTP/2 3.11 k8s IPv6 ES6 Route53은"));
    assertTable(INDEX, "node.js와", "node.js 0-7 +1", "node 0-4 +0", "js 5-7 +1");
    assertTable(INDEX, "C++로", "c++ 0-3 +1");
  }

  @Test
  void sentencePunctuationIsNotJoined() {
    assertEquals(List.of("s3", "버킷"), terms(QUERY, "S3. 버킷"));
    assertEquals(List.of("ec2", "인스턴스"), terms(QUERY, "(EC2) 인스턴스"));
    assertEquals(List.of("tcp", "ip"), terms(QUERY, "TCP/IP"));
  }

  @Test
  void route53WithAndWithoutSpaceFindEachOther() {
    // "Route 53" in a note also indexes route53; "Route53" in a note also indexes route and 53.
    assertTable(INDEX, "Route 53", "route 0-5 +1", "53 6-8 +1", "route53 6-8 +0");
    assertTable(INDEX, "Route53", "route53 0-7 +1", "route 0-5 +0", "53 5-7 +1");
    assertEquals(List.of("route", "53"), terms(QUERY, "Route 53"));
  }

  @Test
  void particlesAndEndingsReduceToTheStem() {
    for (String form : List.of("람다는", "람다를", "람다에서", "람다")) {
      assertEquals(List.of("람다"), terms(QUERY, form), form);
    }
    assertEquals(List.of("배포"), terms(QUERY, "배포했다"));
    assertEquals(List.of("배포"), terms(QUERY, "배포하기"));
  }

  @Test
  void questionEndingsGluedToAWordAreNotNouns() {
    assertEquals(List.of("람다", "무엇"), terms(QUERY, "람다란 무엇인가요"));
    assertEquals(List.of("호이스팅"), terms(QUERY, "호이스팅이 뭔가요"));
    assertEquals(List.of("인증", "인가"), terms(QUERY, "인증과 인가"), "apart, 인가 is authorization");
    assertEquals(List.of("oauth", "인가", "코드"), terms(QUERY, "OAuth 인가 코드"));
    for (String text : List.of("인증/인가", "인증(인가)", "인증·인가", "\"인가\"")) {
      assertTrue(terms(QUERY, text).contains("인가"), text + ": after punctuation, the noun");
    }
    for (String text : List.of("인증/인가", "(인가)")) {
      assertTrue(terms(INDEX, text).contains("인가"), text + " indexed");
    }
  }

  @Test
  void questionWordsOnlyRankUnlessTheyMakeAGlossaryTermWithTheirNeighbour() {
    Analyzer content = ANALYZERS.queryContent();
    List<String> elb = terms(content, "ELB가 뭐야");
    assertTrue(elb.contains("elb") && !elb.contains("뭣"), elb.toString());
    assertFalse(terms(content, "let const 차이").contains("차이"));
    assertEquals(List.of("event", "loop"), terms(content, "how does event loop work").stream()
        .filter(t -> t.chars().allMatch(c -> c < 128)).toList());
    assertEquals(List.of("docker", "도커"), terms(content, "how can I use docker").stream().sorted().toList());
    // vs 코드, cap 정리 and 개념 증명 are glossary terms: there their words must reach the synonym filter.
    assertTrue(terms(content, "vs code").contains("vscode"), terms(content, "vs code").toString());
    assertTrue(terms(content, "vs 코드 설정").contains("vscode"), terms(content, "vs 코드 설정").toString());
    assertTrue(terms(content, "개념 증명").contains("poc"), terms(content, "개념 증명").toString());
    assertTrue(terms(content, "CAP 정리란").contains("theorem"), terms(content, "CAP 정리란").toString());
    // Elsewhere the same words only rank.
    assertEquals(List.of("레디스", "redi", "멤캐시드", "memcached"), terms(content, "redis vs memcached"));
    assertEquals(List.of("lambda", "aws", "람다", "lambda"), terms(content, "람다 정리"));
    assertFalse(terms(content, "클로저 개념").contains("개념"), terms(content, "클로저 개념").toString());
    assertFalse(terms(content, "코드 정리").contains("정리"), "정리 kept only after cap");
    // Nori splits these; their parts must not be required (점 was).
    assertEquals(List.of("let", "const"), terms(content, "let const 차이점은"));
    assertEquals(List.of("docker", "도커"), terms(content, "docker 사용법").stream().sorted().toList());
    assertEquals(List.of("redi", "레디스"), terms(content, "redis 장단점").stream().sorted().toList());
  }

  @Test
  void aUserGlossaryTermKeepsItsQuestionWordAsAnalysed() throws IOException {
    // "work items" is analysed as work item: the pair must be too, or work is dropped and the
    // synonym is never recognised.
    Glossary mine = Glossary.parse(new java.io.StringReader("work items, 작업 항목\n"), "test");
    Analyzer content = NoteAnalyzers.with(Glossary.builtIn().with(mine)).queryContent();
    assertTrue(terms(content, "work items").contains("작업"), terms(content, "work items").toString());
    assertFalse(terms(content, "how it works").contains("work"), terms(content, "how it works").toString());
    // pay-as-you-go is one word as written but four as analysed; you (a question word) and as (an
    // English stop word) are kept there, so the glossary term is recognised.
    assertTrue(terms(content, "pay-as-you-go").contains("종량"), terms(content, "pay-as-you-go").toString()); // 종량제
  }

  @Test
  void englishStopWordsOfAGlossaryTermAreKeptThere() {
    Analyzer content = ANALYZERS.queryContent();
    assertTrue(terms(content, "infrastructure as code").contains("iac"), terms(content, "infrastructure as code").toString());
    assertTrue(terms(content, "software as a service").contains("saa"), terms(content, "software as a service").toString()); // saas, stemmed
    assertEquals(List.of("closure", "클로저"), terms(content, "what is a closure").stream().sorted().toList(), "elsewhere they go");
  }

  @Test
  void wordsDefaultStopTagsLoseAreKept() {
    assertEquals(List.of("비동기"), terms(QUERY, "비동기"));
    assertTrue(terms(QUERY, "안 됨").contains("안"), "negation kept");
    assertEquals(List.of("함수"), terms(QUERY, "이 함수는"), "no number filter: 이 is not 2");
  }

  @Test
  void anInflectedVerbIsIndexedAsItsStemNotAsItsSurface() {
    // Nori's mixed mode stacks 줄 (주 + ㄹ, "will give") on 주: the noun 줄 (a line) must not find it.
    assertTable(INDEX, "보여줄 때", "보이 0-2 +1", "주 2-3 +1", "때 4-5 +1");
    assertTable(INDEX, "해 줄 것이다", "하 0-1 +1", "주 2-3 +1", "것 4-5 +1");
    assertTable(INDEX, "여러 줄 문자열", "줄 3-4 +1", "문자열 5-8 +1", "문자 5-7 +0", "열 7-8 +1");
    assertEquals(terms(QUERY, "보여 주다"), terms(INDEX, "보여줄"), "the index keeps what a query is reduced to");
  }

  @Test
  void compoundsAreIndexedWholeAndAsParts() {
    assertTable(INDEX, "로드밸런서", "로드밸런서 0-5 +1", "로드 0-2 +0", "밸런서 2-5 +1");
    assertTable(INDEX, "로드 밸런서", "로드 0-2 +1", "밸런서 3-6 +1");
    assertEquals(List.of("로드", "밸런서"), terms(QUERY, "로드밸런서"));
    assertEquals(List.of("로드밸런서"), terms(ANALYZERS.compounds(), "로드밸런서"));
    assertEquals(List.of("람다", "함수"), terms(QUERY, "람다함수"));
  }

  @Test
  void devWordsNoriCutsIntoOtherWordsStayWhole() {
    // Nori alone: 메서드 → 메 + 서드, 저장소 → 장소 (place), 다형성 → 다 + 형성, 리스너 → 리스 + 넣.
    for (String word : List.of("메서드", "저장소", "다형성", "리스너", "태스크", "마이그레이션", "엔티티")) {
      assertEquals(List.of(word), terms(QUERY, word + "를"), word);
    }
    assertEquals(List.of("마이크로", "태스크"), terms(QUERY, "마이크로태스크"));
    assertTable(INDEX, "코드리뷰", "코드리뷰 0-4 +1", "코드 0-2 +0", "리뷰 2-4 +1");
  }

  @Test
  void englishIsCaseFoldedAndLightlyStemmed() {
    assertEquals(List.of("instance", "policy", "bucket"), terms(QUERY, "Instances POLICIES buckets"));
    // Short words are acronyms, not plurals: ECS must not become EC (the EC of EC2).
    assertEquals(List.of("ecs", "aws", "dns"), terms(QUERY, "ECS AWS DNS"));
  }

  @Test
  void glossaryMakesLoanwordsAndEnglishFindEachOther() {
    Analyzer query = ANALYZERS.query();
    assertTrue(terms(query, "람다").contains("lambda"));
    assertTrue(terms(query, "Lambda").contains("람다"));
    assertTrue(terms(query, "레디스").contains("redi"), "redis, stemmed like the index stems it");
    assertTrue(terms(query, "호이스팅").contains("hoisting"));
    assertTrue(terms(query, "로드 밸런서").contains("elb"));
    assertTrue(terms(query, "ELB").contains("로드"));
    assertTrue(terms(query, "메타데이터").contains("metadata"));
    assertTrue(terms(query, "온프레미스").contains("premise"));
    assertTrue(terms(query, "다이나모DB").contains("dynamodb"), "a loanword with the acronym in Latin letters");
    assertTrue(terms(query, "DynamoDB").contains("다이나모"));
    List<String> arrow = terms(query, "화살표 함수");
    assertTrue(arrow.contains("arrow") && arrow.contains("function"), arrow.toString());
  }

  @Test
  void glossaryIsNotACategoryList() {
    assertFalse(terms(ANALYZERS.query(), "DynamoDB").contains("nosql"));
  }

  @Test
  void builtInGlossaryAndDictionaryLoadCleanly() {
    Glossary glossary = Glossary.builtIn();
    assertEquals(List.of(), glossary.problems());
    assertTrue(glossary.groups().size() >= 300, "hundreds of groups: " + glossary.groups().size());
    assertEquals(List.of(), glossary.unusableTerms(ANALYZERS.queryPlain()), "terms the analyzer cannot use");
  }

  @Test
  void codeKeepsIdentifiersWholeAndSplitsThem() {
    Analyzer code = ANALYZERS.index();
    List<String> terms = TokenTable.of(code, NoteAnalyzers.CODE_FIELD, "const getUserById = (id) => MAX_RETRY_COUNT + s3Client.send(cmd);")
        .stream().map(r -> r.substring(0, r.indexOf(' '))).toList();
    for (String t : List.of("getuserbyid", "get", "user", "by", "id", "max_retry_count", "max", "retry", "count", "s3client.send", "s3client", "send")) {
      assertTrue(terms.contains(t), t + " in " + terms);
    }
  }

  @Test
  void koreanInCodeIsAnalysedAsProse() {
    Analyzer code = ANALYZERS.index();
    String text = "def wrap(fn):  # 원래 함수의 이름을 보존한다\n    print(\"S3버킷 생성 완료\")";
    List<String> rows = TokenTable.of(code, NoteAnalyzers.CODE_FIELD, text);
    List<String> terms = rows.stream().map(r -> r.substring(0, r.indexOf(' '))).toList();
    for (String t : List.of("wrap", "fn", "원래", "함수", "이름", "보존", "s3", "버킷", "완료")) {
      assertTrue(terms.contains(t), t + " in " + terms);
    }
    // The Korean spans give what the same words give in the text.
    for (String span : List.of("원래 함수의 이름을 보존한다", "S3버킷 생성 완료")) {
      assertTrue(terms.containsAll(terms(INDEX, span)), terms(INDEX, span) + " in " + terms);
    }
    for (String t : List.of("함수의", "보존한다", "이름을")) {
      assertTrue(!terms.contains(t), t + " is not a term: " + terms);
    }
    // A very long line of Korean words: cut into runs, not one regex match that overflows the stack
    // (Java's regex engine recurses per repetition; indexing threads have the default stack).
    String longLine = "# " + "함수의 이름을 ".repeat(2_000);
    List<List<String>> result = new java.util.ArrayList<>();
    Thread small = new Thread(null, () -> result.add(TokenTable.of(code, NoteAnalyzers.CODE_FIELD, longLine)), "small-stack", 512 * 1024);
    small.start();
    try {
      small.join();
    } catch (InterruptedException e) {
      throw new AssertionError(e);
    }
    assertEquals(1, result.size(), "analysed on a 512 KB stack");
    assertTrue(result.getFirst().size() >= 4_000, "every word: " + result.getFirst().size());
    // Offsets point into the code: 보존 is where it is written.
    String row = rows.stream().filter(r -> r.startsWith("보존 ")).findFirst().orElseThrow();
    int start = text.indexOf("보존");
    assertTrue(row.contains(" " + start + "-" + (start + 2) + " "), row);
  }

  @Test
  void randomTextNeverBreaksTheChains() {
    Random random = new Random(42);
    String alphabet = "EC2가 S3는 node.js C++ HTTP/2 3.11 로드밸런서 람다 #*-_./+()[]<>\"' \n\t가힣ㄱㅎ①😀";
    for (int i = 0; i < 2000; i++) {
      StringBuilder sb = new StringBuilder();
      int len = random.nextInt(40);
      for (int j = 0; j < len; j++) {
        sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
      }
      String text = sb.toString();
      for (Analyzer a : List.of(INDEX, QUERY, ANALYZERS.query(), ANALYZERS.compounds())) {
        for (String row : TokenTable.of(a, text)) {
          String[] parts = row.split(" ");
          String[] offsets = parts[parts.length - 2].split("-");
          int start = Integer.parseInt(offsets[0]);
          int end = Integer.parseInt(offsets[1]);
          assertTrue(0 <= start && start <= end && end <= text.length(), "offsets " + row + " in [" + text + "]");
        }
      }
    }
  }

  /**
   * A one-syllable glossary term ({@code 깃} for git) must match the word, not a piece Nori cuts off
   * another word: {@code git} found 깃발 (flag) and 깃털 (feather) notes first. Every such term of the
   * glossary is checked against everyday words that hold it; the user dictionary keeps them whole.
   */
  @Test
  void oneSyllableGlossaryTermsAreNotCutFromOtherWords() {
    NoteAnalyzers analyzers = NoteAnalyzers.standard();
    java.util.Map<String, List<String>> words = java.util.Map.of(
        "깃", List.of("깃발", "깃털", "깃대", "옷깃", "깃허브"),
        "큐", List.of("큐브", "큐레이터", "큐시트"),
        "힙", List.of("힙합", "힙스터"),
        "셸", List.of("셸터"),
        "쉘", List.of("쉘터"));
    java.util.Set<String> oneSyllable = new java.util.TreeSet<>();
    for (List<String> group : analyzers.glossary().groups()) {
      group.stream().filter(t -> t.length() == 1 && Hangul.isSyllable(t.charAt(0))).forEach(oneSyllable::add);
    }
    assertEquals(new java.util.TreeSet<>(words.keySet()), oneSyllable, "every one-syllable term of the glossary is checked");
    for (var e : words.entrySet()) {
      for (String word : e.getValue()) {
        assertFalse(NoteAnalyzers.terms(analyzers.index(), word).contains(e.getKey()), word + " indexed with " + e.getKey());
        assertFalse(NoteAnalyzers.terms(analyzers.query(), word).contains(e.getKey()), word + " searched as " + e.getKey());
      }
    }
    assertTrue(NoteAnalyzers.terms(analyzers.query(), "git").contains("깃"), "git still finds 깃 written alone");
  }
}
