package dev.ykmfa.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Collection;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * CI smoke run: every JMH benchmark of the module runs once in this JVM (no fork, no warm-up, one ~50 ms
 * iteration, smallest parameter), so a benchmark whose {@code @Setup} check fails or that throws breaks the build.
 * The figures mean nothing; scripts/bench takes the real measurements.
 */
class JmhSmokeIT {
    private static final Set<String> EXPECTED = Set.of(
            "dev.ykmfa.bench.totp.TotpGenerateBenchmark.macFloor",
            "dev.ykmfa.bench.totp.TotpGenerateBenchmark.digestHmac",
            "dev.ykmfa.bench.totp.TotpGenerateBenchmark.ykmfaInt",
            "dev.ykmfa.bench.totp.TotpGenerateBenchmark.ykmfaString",
            "dev.ykmfa.bench.totp.TotpGenerateBenchmark.javaOtp",
            "dev.ykmfa.bench.totp.TotpGenerateBenchmark.googleauth",
            "dev.ykmfa.bench.totp.TotpGenerateBenchmark.samstevens",
            "dev.ykmfa.bench.totp.TotpVerifyBenchmark.macFloor",
            "dev.ykmfa.bench.totp.TotpVerifyBenchmark.ykmfa",
            "dev.ykmfa.bench.totp.TotpVerifyBenchmark.javaOtp",
            "dev.ykmfa.bench.totp.TotpVerifyBenchmark.googleauth",
            "dev.ykmfa.bench.totp.TotpVerifyBenchmark.samstevens",
            "dev.ykmfa.bench.sim.SimKeyOpsBenchmark.select",
            "dev.ykmfa.bench.sim.SimKeyOpsBenchmark.calculate",
            "dev.ykmfa.bench.sim.SimKeyOpsBenchmark.put",
            "dev.ykmfa.bench.sim.SimCalculateAllBenchmark.calculateAll",
            "dev.ykmfa.bench.sim.SimListBenchmark.list",
            "dev.ykmfa.bench.flow.EnrollAndAssumeBenchmark.enrollAndAssume");

    @Test
    void everyBenchmark_runsOnce_andProducesAScore() throws RunnerException {
        Options options = new OptionsBuilder()
                .include("dev\\.ykmfa\\.bench\\..*")
                .forks(0)
                .warmupIterations(0)
                .measurementIterations(1)
                .measurementTime(TimeValue.milliseconds(50))
                .param("credentials", "8")
                .shouldFailOnError(true)
                .build();

        Collection<RunResult> results = new Runner(options).run();

        Set<String> ran = new TreeSet<>();
        for (RunResult r : results) {
            String name = r.getParams().getBenchmark();
            double score = r.getPrimaryResult().getScore();
            assertTrue(score > 0 && Double.isFinite(score), name + " produced no usable score: " + score);
            ran.add(name);
        }
        assertFalse(ran.isEmpty(), "JMH ran no benchmark: is META-INF/BenchmarkList generated?");
        assertEquals(new TreeSet<>(EXPECTED), ran, "the benchmarks that ran differ from the expected set");
    }
}
