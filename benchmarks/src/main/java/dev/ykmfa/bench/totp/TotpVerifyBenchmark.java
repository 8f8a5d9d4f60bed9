package dev.ykmfa.bench.totp;

import com.eatthepath.otp.TimeBasedOneTimePasswordGenerator;
import com.warrenstrange.googleauth.GoogleAuthenticator;
import com.warrenstrange.googleauth.GoogleAuthenticatorConfig;
import dev.samstevens.totp.code.DefaultCodeGenerator;
import dev.samstevens.totp.code.DefaultCodeVerifier;
import dev.samstevens.totp.code.HashingAlgorithm;
import dev.ykmfa.protocol.otp.Hotp;
import dev.ykmfa.protocol.otp.Totp;
import java.security.InvalidKeyException;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import javax.crypto.spec.SecretKeySpec;
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
 * Verifying a typed 6-digit code with a window of ±1 step (three HMACs), the same code and time for all: protocol's
 * {@link Totp#verify}, the floor, googleauth ({@code authorize}, window 3), samstevens ({@code isValidCode},
 * discrepancy 1) and java-otp (which has no verifier: a ±1 loop over its generator). Each verifier is checked to
 * accept the RFC codes and refuse a wrong one before timing.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(2)
public class TotpVerifyBenchmark {
    private static final long MILLIS_PER_SECOND = 1000L;
    private static final int GOOGLEAUTH_WINDOW_PLUS_MINUS_ONE = 3;

    long unixSeconds = RfcVectors.BENCH_TIME;
    Instant now = Instant.ofEpochSecond(RfcVectors.BENCH_TIME);
    int code = RfcVectors.BENCH_CODE;
    String codeText = Hotp.formatCode(RfcVectors.BENCH_CODE, RfcVectors.DIGITS);
    String base32 = RfcVectors.SHA1_SEED_BASE32;

    MacFloor floor;
    Totp totp;
    TimeBasedOneTimePasswordGenerator javaOtp;
    SecretKeySpec javaOtpKey;
    GoogleAuthenticator googleAuth;
    long samStevensNow;
    DefaultCodeVerifier samStevens;

    /** Builds and checks every verifier; throws on a wrong answer. */
    @Setup
    public void setUp() {
        floor = new MacFloor(RfcVectors.SHA1_SEED);
        totp = Totp.builder(RfcVectors.SHA1_SEED).digits(RfcVectors.DIGITS).build();
        javaOtp = new TimeBasedOneTimePasswordGenerator(Duration.ofSeconds(RfcVectors.PERIOD_SECONDS),
                RfcVectors.DIGITS, TimeBasedOneTimePasswordGenerator.TOTP_ALGORITHM_HMAC_SHA1);
        javaOtpKey = new SecretKeySpec(RfcVectors.SHA1_SEED, TimeBasedOneTimePasswordGenerator.TOTP_ALGORITHM_HMAC_SHA1);
        googleAuth = new GoogleAuthenticator(new GoogleAuthenticatorConfig.GoogleAuthenticatorConfigBuilder()
                .setCodeDigits(RfcVectors.DIGITS).setWindowSize(GOOGLEAUTH_WINDOW_PLUS_MINUS_ONE).build());
        samStevens = new DefaultCodeVerifier(new DefaultCodeGenerator(HashingAlgorithm.SHA1, RfcVectors.DIGITS),
                () -> samStevensNow);
        samStevens.setTimePeriod(RfcVectors.PERIOD_SECONDS);
        samStevens.setAllowedTimePeriodDiscrepancy(1);

        RfcVectors.checkVerifier("MacFloor", floor::verify);
        RfcVectors.checkVerifier("ykmfa Totp.verify", (t, c) ->
                totp.verify(Hotp.formatCode(c, RfcVectors.DIGITS), Instant.ofEpochSecond(t), 1).isPresent());
        RfcVectors.checkVerifier("java-otp ±1 loop", (t, c) -> javaOtpVerify(Instant.ofEpochSecond(t), c));
        RfcVectors.checkVerifier("googleauth", (t, c) -> googleAuth.authorize(base32, c, t * MILLIS_PER_SECOND));
        RfcVectors.checkVerifier("samstevens totp", (t, c) -> {
            samStevensNow = t;
            return samStevens.isValidCode(base32, Hotp.formatCode(c, RfcVectors.DIGITS));
        });
        samStevensNow = unixSeconds;
    }

    private boolean javaOtpVerify(Instant at, int typed) {
        try {
            boolean found = false;
            Duration step = javaOtp.getTimeStep();
            for (int i = -1; i <= 1; i++) {
                found |= javaOtp.generateOneTimePassword(javaOtpKey, at.plus(step.multipliedBy(i))) == typed;
            }
            return found;
        } catch (InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }

    /** @return the floor: three reused-Mac codes, compared without branching on the match */
    @Benchmark
    public boolean macFloor() {
        return floor.verify(unixSeconds, code);
    }

    /** @return protocol's constant-time verifier (returns the matched step) */
    @Benchmark
    public Object ykmfa() {
        return totp.verify(codeText, now, 1);
    }

    /** @return java-otp, ±1 loop around its generator */
    @Benchmark
    public boolean javaOtp() {
        return javaOtpVerify(now, code);
    }

    /** @return googleauth authorize, window 3 */
    @Benchmark
    public boolean googleauth() {
        return googleAuth.authorize(base32, code, unixSeconds * MILLIS_PER_SECOND);
    }

    /** @return samstevens isValidCode, discrepancy 1 */
    @Benchmark
    public boolean samstevens() {
        return samStevens.isValidCode(base32, codeText);
    }
}
