package dev.ykmfa.bench.sim;

import dev.ykmfa.protocol.ykoath.Credential;
import dev.ykmfa.protocol.ykoath.OathSession;
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

/** LIST (chained with SEND REMAINING past 256 bytes) over a simulated key holding {@code credentials} credentials. */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class SimListBenchmark {
    /** How many credentials the key holds. */
    @Param({"1", "8", "32", "64", "128", "200"})
    public int credentials;

    OathSession session;

    /** Fills the key and checks LIST returns every credential. */
    @Setup
    public void setUp() {
        session = OathSession.open(SimKeys.filledKey(credentials));
        List<Credential> all = session.list();
        if (all.size() != credentials) {
            throw new IllegalStateException("LIST returned " + all.size() + " credentials, the key holds "
                    + credentials);
        }
        for (int i = 0; i < credentials; i++) {
            int n = i;
            if (all.stream().noneMatch(c -> c.id().equals(SimKeys.id(n)))) {
                throw new IllegalStateException("LIST lacks " + SimKeys.id(n).displayName());
            }
        }
    }

    /** @return every credential */
    @Benchmark
    public List<Credential> list() {
        return session.list();
    }
}
