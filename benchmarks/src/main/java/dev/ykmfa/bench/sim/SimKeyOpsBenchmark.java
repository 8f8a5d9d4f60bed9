package dev.ykmfa.bench.sim;

import dev.ykmfa.protocol.ykoath.Code;
import dev.ykmfa.protocol.ykoath.CredentialData;
import dev.ykmfa.protocol.ykoath.CredentialId;
import dev.ykmfa.protocol.ykoath.OathSession;
import dev.ykmfa.sim.SimulatedYubiKey;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Single YKOATH operations through {@link OathSession} over an in-process {@link SimulatedYubiKey} holding 8 TOTP
 * credentials: SELECT (opening a session), CALCULATE of one code, PUT (overwriting one credential).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class SimKeyOpsBenchmark {
    private static final int CREDENTIALS = 8;
    private static final int TARGET = CREDENTIALS - 1;

    SimulatedYubiKey key;
    OathSession session;
    CredentialId target;
    CredentialData rewrite;
    Instant time = SimKeys.TIME;

    /** Fills a key and checks that CALCULATE gives the host-computed code. */
    @Setup
    public void setUp() {
        key = SimKeys.filledKey(CREDENTIALS);
        session = OathSession.open(key);
        target = SimKeys.id(TARGET);
        rewrite = SimKeys.data(TARGET);
        SimKeys.checkCode(TARGET, session.calculate(target, time));
    }

    /** @return a fresh session: the SELECT APDU and its parsed answer */
    @Benchmark
    public OathSession select() {
        return OathSession.open(key);
    }

    /** @return one TOTP code (CALCULATE, truncated) */
    @Benchmark
    public Code calculate() {
        return session.calculate(target, time);
    }

    /** Overwrites one credential (PUT with the same id). */
    @Benchmark
    public void put() {
        session.put(rewrite);
    }
}
