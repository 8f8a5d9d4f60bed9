package dev.ykmfa.bench.totp;

import com.eatthepath.otp.TimeBasedOneTimePasswordGenerator;
import com.warrenstrange.googleauth.GoogleAuthenticator;
import com.warrenstrange.googleauth.GoogleAuthenticatorConfig;
import dev.samstevens.totp.code.DefaultCodeGenerator;
import dev.samstevens.totp.code.HashingAlgorithm;
import dev.samstevens.totp.exceptions.CodeGenerationException;
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
 * One TOTP code (HMAC-SHA1, 6 digits, 30 s) at the same time with the same key: protocol's {@link Totp} (int and
 * String paths) against a reused-{@code Mac} floor and three published libraries. {@link #setUp()} checks every
 * implementation against RFC 6238 before anything is timed. Run with {@code -prof gc} for bytes per code.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(2)
public class TotpGenerateBenchmark {
    private static final long MILLIS_PER_SECOND = 1000L;

    /** Unix seconds the codes are for (a field, so the JIT cannot fold it). */
    long unixSeconds = RfcVectors.BENCH_TIME;
    Instant now = Instant.ofEpochSecond(RfcVectors.BENCH_TIME);
    String base32 = RfcVectors.SHA1_SEED_BASE32;

    MacFloor floor;
    DigestHmacFloor digestFloor;
    Totp totp;
    TimeBasedOneTimePasswordGenerator javaOtp;
    SecretKeySpec javaOtpKey;
    GoogleAuthenticator googleAuth;
    DefaultCodeGenerator samStevens;

    /** Builds every implementation and checks each against the RFC 6238 vectors; throws on any mismatch. */
    @Setup
    public void setUp() {
        floor = new MacFloor(RfcVectors.SHA1_SEED);
        digestFloor = new DigestHmacFloor(RfcVectors.SHA1_SEED);
        totp = Totp.builder(RfcVectors.SHA1_SEED).digits(RfcVectors.DIGITS).build();
        javaOtp = new TimeBasedOneTimePasswordGenerator(Duration.ofSeconds(RfcVectors.PERIOD_SECONDS),
                RfcVectors.DIGITS, TimeBasedOneTimePasswordGenerator.TOTP_ALGORITHM_HMAC_SHA1);
        javaOtpKey = new SecretKeySpec(RfcVectors.SHA1_SEED, TimeBasedOneTimePasswordGenerator.TOTP_ALGORITHM_HMAC_SHA1);
        googleAuth = new GoogleAuthenticator(new GoogleAuthenticatorConfig.GoogleAuthenticatorConfigBuilder()
                .setCodeDigits(RfcVectors.DIGITS).build());
        samStevens = new DefaultCodeGenerator(HashingAlgorithm.SHA1, RfcVectors.DIGITS);

        RfcVectors.check("MacFloor", floor::code);
        RfcVectors.check("DigestHmacFloor", digestFloor::code);
        RfcVectors.check("ykmfa Totp.generate", t -> totp.generate(Instant.ofEpochSecond(t)));
        RfcVectors.check("ykmfa Totp.generateString",
                t -> Integer.parseInt(totp.generateString(Instant.ofEpochSecond(t))));
        RfcVectors.check("java-otp", t -> javaOtp(Instant.ofEpochSecond(t)));
        RfcVectors.check("googleauth", t -> googleAuth.getTotpPassword(base32, t * MILLIS_PER_SECOND));
        RfcVectors.check("samstevens totp", t -> Integer.parseInt(samStevens(t)));
    }

    private int javaOtp(Instant at) {
        try {
            return javaOtp.generateOneTimePassword(javaOtpKey, at);
        } catch (InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }

    private String samStevens(long seconds) {
        try {
            return samStevens.generate(base32, seconds / RfcVectors.PERIOD_SECONDS);
        } catch (CodeGenerationException e) {
            throw new IllegalStateException(e);
        }
    }

    /** @return the floor: reused Mac, truncation by hand */
    @Benchmark
    public int macFloor() {
        return floor.code(unixSeconds);
    }

    /** @return HMAC over a reused MessageDigest (no Mac): what an allocation-free int path costs */
    @Benchmark
    public int digestHmac() {
        return digestFloor.code(unixSeconds);
    }

    /** @return protocol's int path */
    @Benchmark
    public int ykmfaInt() {
        return totp.generate(now);
    }

    /** @return protocol's String path */
    @Benchmark
    public String ykmfaString() {
        return totp.generateString(now);
    }

    /** @return com.eatthepath:java-otp */
    @Benchmark
    public int javaOtp() {
        return javaOtp(now);
    }

    /** @return com.warrenstrange:googleauth (Base32 secret, time in ms) */
    @Benchmark
    public int googleauth() {
        return googleAuth.getTotpPassword(base32, unixSeconds * MILLIS_PER_SECOND);
    }

    /** @return dev.samstevens.totp:totp (Base32 secret, counter) */
    @Benchmark
    public String samstevens() {
        return samStevens(unixSeconds);
    }
}
