package io.notesearch.bench;

import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.Collection;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/** Runs every benchmark for one short iteration in this JVM, so that none of them rots. */
class BenchmarkSmokeTest {
  @Test
  void everyBenchmarkRunsOnce() throws RunnerException {
    Options options = new OptionsBuilder()
        .include("io\\.notesearch\\.bench\\..*")
        .forks(0)
        .warmupIterations(0)
        .measurementIterations(1)
        .measurementTime(TimeValue.milliseconds(200))
        .param("notes", "200")
        .param("generator", "realistic", "uniform")
        .shouldFailOnError(true)
        .build();
    Collection<RunResult> results = new Runner(options).run();
    assertFalse(results.isEmpty());
  }
}
