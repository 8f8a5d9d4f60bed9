package dev.ykmfa.bench.totp;

import java.nio.charset.StandardCharsets;
import java.util.function.LongToIntFunction;

/**
 * The RFC 6238 appendix B test vectors for HMAC-SHA1, reduced to the 6 digits AWS uses ({@code code mod 10^6}), and
 * the check every TOTP benchmark runs in its {@code @Setup} before anything is timed.
 */
public final class RfcVectors {
    /** The RFC 6238 SHA-1 seed: the ASCII bytes of "12345678901234567890". */
    public static final byte[] SHA1_SEED = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);
    /** {@link #SHA1_SEED} in Base32 (RFC 4648), the form googleauth and samstevens take. */
    public static final String SHA1_SEED_BASE32 = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";
    /** Digits per code in every benchmark. */
    public static final int DIGITS = 6;
    /** Seconds per step. */
    public static final int PERIOD_SECONDS = 30;
    /** The RFC's Unix times. */
    public static final long[] TIMES = {59L, 1111111109L, 1111111111L, 1234567890L, 2000000000L, 20000000000L};
    /** The RFC's 8-digit SHA-1 codes at {@link #TIMES}. */
    public static final int[] CODES_8 = {94287082, 7081804, 14050471, 89005924, 69279037, 65353130};
    /** The time every benchmark computes the code for (an RFC time). */
    public static final long BENCH_TIME = 1111111109L;
    /** The 6-digit code at {@link #BENCH_TIME}. */
    public static final int BENCH_CODE = 81804;

    private static final int SIX_DIGIT_MODULUS = 1_000_000;

    private RfcVectors() {
    }

    /**
     * Throws unless {@code generator} yields the RFC code (6 digits) at every RFC time.
     *
     * @param who the implementation's name, for the message
     * @param generator Unix seconds to 6-digit code
     */
    public static void check(String who, LongToIntFunction generator) {
        for (int i = 0; i < TIMES.length; i++) {
            int expected = CODES_8[i] % SIX_DIGIT_MODULUS;
            int actual = generator.applyAsInt(TIMES[i]);
            if (actual != expected) {
                throw new IllegalStateException(who + " gives " + actual + " at t=" + TIMES[i] + ", RFC 6238 says "
                        + expected + ": refusing to time a wrong implementation");
            }
        }
    }

    /**
     * Throws unless {@code verifier} accepts the RFC code at each RFC time and refuses a wrong one.
     *
     * @param who the implementation's name
     * @param verifier (Unix seconds, 6-digit code) to accepted
     */
    public static void checkVerifier(String who, Verifier verifier) {
        for (int i = 0; i < TIMES.length; i++) {
            int code = CODES_8[i] % SIX_DIGIT_MODULUS;
            if (!verifier.accepts(TIMES[i], code)) {
                throw new IllegalStateException(who + " refuses the RFC 6238 code " + code + " at t=" + TIMES[i]);
            }
            int wrong = (code + 1) % SIX_DIGIT_MODULUS;
            if (verifier.accepts(TIMES[i], wrong)) {
                throw new IllegalStateException(who + " accepts the wrong code " + wrong + " at t=" + TIMES[i]);
            }
        }
    }

    /** A verifier under test. */
    @FunctionalInterface
    public interface Verifier {
        /**
         * @param unixSeconds the verifier's now
         * @param code the code typed
         * @return whether it is accepted (window ±1 step)
         */
        boolean accepts(long unixSeconds, int code);
    }
}
