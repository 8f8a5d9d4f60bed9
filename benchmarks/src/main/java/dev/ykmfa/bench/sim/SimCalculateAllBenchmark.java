package dev.ykmfa.bench.sim;

import dev.ykmfa.protocol.ykoath.CalculateAllEntry;
import dev.ykmfa.protocol.ykoath.OathSession;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/** CALCULATE ALL (with response chaining past 256 bytes) over a simulated key holding {@code credentials} TOTP credentials. */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class SimCalculateAllBenchmark {
    /** How many credentials the key holds. */
    @Param({"1", "8", "32", "64", "128", "200"})
    public int credentials;

    OathSession session;
    Instant time = SimKeys.TIME;

    /** Fills the key and checks every returned code against the host's. */
    @Setup
    public void setUp() {
        session = OathSession.open(SimKeys.filledKey(credentials));
        SimKeys.checkAll(credentials, session.calculateAll(time));
    }

    /** @return every credential with its code */
    @Benchmark
    public List<CalculateAllEntry> calculateAll() {
        return session.calculateAll(time);
    }
}
