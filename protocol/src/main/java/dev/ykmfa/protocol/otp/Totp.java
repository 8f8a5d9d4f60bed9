package dev.ykmfa.protocol.otp;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * Time-based one-time passwords, RFC 6238: HOTP over the time step {@code floor((t - T0) / period)}.
 *
 * <p>Immutable and thread-safe; time always enters as an argument, so the same instance serves a real clock, a
 * simulated one and test vectors. The {@code int} path ({@link #generate(Instant)}, {@link #generateAtStep(long)})
 * allocates nothing once warm.
 *
 * <pre>{@code
 * Totp totp = Totp.builder(Base32.decode("JBSWY3DPEHPK3PXP")).build();   // SHA-1, 6 digits, 30 s
 * String code = totp.generateString(Instant.now());
 * OptionalLong step = totp.verify("123456", Instant.now(), 1);          // which step matched, if any
 * }</pre>
 */
public final class Totp {
    /** The period almost everybody uses, and the only one AWS accepts. */
    public static final Duration DEFAULT_PERIOD = Duration.ofSeconds(30);

    private final Hotp hotp;
    private final long periodSeconds;
    private final long t0Seconds;

    private Totp(Builder b) {
        if (b.period.isNegative() || b.period.isZero() || b.period.getNano() != 0) {
            throw new IllegalArgumentException(
                    "a TOTP period is a positive whole number of seconds, not " + b.period + ": use e.g. 30 s");
        }
        this.hotp = Hotp.of(b.algorithm, b.key, b.digits);
        this.periodSeconds = b.period.getSeconds();
        this.t0Seconds = b.t0.getEpochSecond();
    }

    /**
     * Starts a builder for the given shared secret (copied). Defaults: SHA-1, 6 digits, 30 s, T0 = Unix epoch.
     *
     * @param key the shared secret
     * @return a builder
     */
    public static Builder builder(byte[] key) {
        return new Builder(key);
    }

    /** @return the HMAC hash */
    public HashAlgorithm algorithm() {
        return hotp.algorithm();
    }

    /** @return digits per code */
    public int digits() {
        return hotp.digits();
    }

    /** @return the time step length */
    public Duration period() {
        return Duration.ofSeconds(periodSeconds);
    }

    /**
     * The RFC 6238 time step for an instant: {@code floor((t - T0) / period)}.
     *
     * @param time the instant
     * @return the step counter
     */
    public long timeStep(Instant time) {
        return Math.floorDiv(time.getEpochSecond() - t0Seconds, periodSeconds);
    }

    /**
     * @param step a time step
     * @return the instant at which {@code step} starts
     */
    public Instant stepStart(long step) {
        return Instant.ofEpochSecond(t0Seconds + step * periodSeconds);
    }

    /**
     * @param time the instant
     * @return the code valid at {@code time}, as a number
     */
    public int generate(Instant time) {
        return hotp.generate(timeStep(time));
    }

    /**
     * @param step a time step
     * @return the code of that step, as a number
     */
    public int generateAtStep(long step) {
        return hotp.generate(step);
    }

    /**
     * @param time the instant
     * @return the code valid at {@code time}, zero-padded text
     */
    public String generateString(Instant time) {
        return hotp.generateString(timeStep(time));
    }

    /**
     * @param step a time step
     * @return the code of that step, zero-padded text
     */
    public String generateStringAtStep(long step) {
        return hotp.generateString(step);
    }

    /**
     * Checks a code against the steps {@code now - window … now + window}, comparing every candidate in constant
     * time, and reports which step matched so a verifier can refuse that step and every earlier one afterwards.
     *
     * @param code the code as typed
     * @param now the verifier's time
     * @param window how many steps either side of now are accepted (0 or more)
     * @return the step that matched, or empty
     */
    public OptionalLong verify(CharSequence code, Instant now, int window) {
        if (window < 0) {
            throw new IllegalArgumentException("window must be 0 or more steps, not " + window);
        }
        Objects.requireNonNull(code, "code");
        long step = timeStep(now);
        long matched = hotp.matchRange(code, step - window, step + window);
        return matched == Hotp.NO_MATCH ? OptionalLong.empty() : OptionalLong.of(matched);
    }

    @Override
    public String toString() {
        return "Totp[" + hotp.algorithm() + ", " + hotp.digits() + " digits, " + periodSeconds + " s]";
    }

    /** Builder for {@link Totp}; every setter states its default. */
    public static final class Builder {
        private final byte[] key;
        private HashAlgorithm algorithm = HashAlgorithm.SHA1;
        private int digits = 6;
        private Duration period = DEFAULT_PERIOD;
        private Instant t0 = Instant.EPOCH;

        private Builder(byte[] key) {
            this.key = Objects.requireNonNull(key, "key").clone();
        }

        /**
         * @param algorithm the HMAC hash; default SHA-1
         * @return this builder
         */
        public Builder algorithm(HashAlgorithm algorithm) {
            this.algorithm = Objects.requireNonNull(algorithm, "algorithm");
            return this;
        }

        /**
         * @param digits 6, 7 or 8; default 6
         * @return this builder
         */
        public Builder digits(int digits) {
            this.digits = digits;
            return this;
        }

        /**
         * @param period the step length, whole seconds; default 30 s
         * @return this builder
         */
        public Builder period(Duration period) {
            this.period = Objects.requireNonNull(period, "period");
            return this;
        }

        /**
         * @param t0 the instant step 0 starts; default the Unix epoch
         * @return this builder
         */
        public Builder t0(Instant t0) {
            this.t0 = Objects.requireNonNull(t0, "t0");
            return this;
        }

        /** @return the generator */
        public Totp build() {
            return new Totp(this);
        }
    }
}
