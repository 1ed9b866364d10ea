package io.notesearch.indexer;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link ConcurrentSearchTest} for 30 s. Not in {@code ./mvnw verify} (surefire runs {@code *Test}
 * only); run it with {@code ./mvnw verify -pl indexer -am -Dtest=ConcurrentSearchIT
 * -Dsurefire.failIfNoSpecifiedTests=false}.
 */
class ConcurrentSearchIT {
  @Test
  void everySearchSeesOneWholeCommitAndNothingLeaksFor30Seconds(@TempDir Path tmp) throws Exception {
    ConcurrentSearchTest.check(ConcurrentSearch.run(tmp, Duration.ofSeconds(30)));
  }
}
