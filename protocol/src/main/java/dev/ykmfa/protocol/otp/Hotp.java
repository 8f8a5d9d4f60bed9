package dev.ykmfa.protocol.otp;

import java.security.DigestException;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * HMAC-based one-time passwords, RFC 4226: {@code Truncate(HMAC(K, C)) mod 10^digits}.
 *
 * <p>Instances are immutable and thread-safe. Each thread reuses its own HMAC engine (a {@link MessageDigest} with
 * the padded key blocks computed once) and output buffers, so {@link #generate(long)} allocates nothing once warm. The key is copied at construction; the caller
 * may clear its own array afterwards.
 *
 * <pre>{@code
 * Hotp hotp = Hotp.of(HashAlgorithm.SHA1, "12345678901234567890".getBytes(US_ASCII), 6);
 * int code = hotp.generate(0);            // 755224
 * String text = hotp.format(code);        // "755224"
 * }</pre>
 *
 * <p>Limits: digits 6 to 8 (what YubiKeys and AWS use); any key length, including empty (HMAC pads short keys
 * with zeros, so an empty key behaves as one zero byte).
 */
public final class Hotp {
    /** Smallest number of digits accepted. */
    public static final int MIN_DIGITS = 6;
    /** Largest number of digits accepted. */
    public static final int MAX_DIGITS = 8;

    private static final int DECIMAL = 10;
    private static final int[] POWERS_OF_TEN = {1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000};

    private final HashAlgorithm algorithm;
    private final int digits;
    private final int modulus;
    private final byte[] key;
    private final ThreadLocal<Engine> engines;

    private Hotp(HashAlgorithm algorithm, byte[] key, int digits) {
        this.algorithm = Objects.requireNonNull(algorithm, "algorithm");
        Objects.requireNonNull(key, "key");
        this.digits = checkDigits(digits);
        this.modulus = POWERS_OF_TEN[digits];
        this.key = key.clone();
        this.engines = ThreadLocal.withInitial(this::newEngine);
        engines.get(); // fail now, not on first use, if the JDK lacks the algorithm
    }

    /**
     * Creates a generator.
     *
     * @param algorithm the HMAC hash
     * @param key the shared secret (copied)
     * @param digits 6, 7 or 8
     * @return the generator
     * @throws IllegalArgumentException if {@code digits} is outside 6–8
     */
    public static Hotp of(HashAlgorithm algorithm, byte[] key, int digits) {
        return new Hotp(algorithm, key, digits);
    }

    static int checkDigits(int digits) {
        if (digits < MIN_DIGITS || digits > MAX_DIGITS) {
            throw new IllegalArgumentException(
                    "an OTP has 6, 7 or 8 digits, not " + digits + ": choose a value from 6 to 8");
        }
        return digits;
    }

    /** @return the HMAC hash */
    public HashAlgorithm algorithm() {
        return algorithm;
    }

    /** @return the number of digits of each code */
    public int digits() {
        return digits;
    }

    /**
     * Computes the code for a counter value.
     *
     * @param counter the moving factor (for TOTP, the time step)
     * @return the code as a number in {@code [0, 10^digits)}; see {@link #format(int)}
     */
    public int generate(long counter) {
        return truncate(engines.get().hmac(counter)) % modulus;
    }

    /**
     * Computes the code for a counter value as text, left-padded with zeros to {@link #digits()} characters.
     *
     * @param counter the moving factor
     * @return the code text
     */
    public String generateString(long counter) {
        return format(generate(counter));
    }

    /**
     * Renders a code as text with leading zeros.
     *
     * @param code a value from {@link #generate(long)}
     * @return exactly {@link #digits()} decimal digits
     */
    public String format(int code) {
        return formatCode(code, digits);
    }

    /**
     * Renders a code value as a zero-padded decimal string.
     *
     * @param code the value, {@code 0 <= code < 10^digits}
     * @param digits the width
     * @return the text
     */
    public static String formatCode(int code, int digits) {
        char[] out = new char[digits];
        int v = code;
        for (int i = digits - 1; i >= 0; i--) {
            out[i] = (char) ('0' + v % 10);
            v /= 10;
        }
        return new String(out);
    }

    /**
     * Dynamic truncation (RFC 4226 §5.3): 31 bits taken at the offset named by the low nibble of the last byte.
     *
     * @param hmac an HMAC value of at least 20 bytes
     * @return the 31-bit value
     */
    public static int truncate(byte[] hmac) {
        int offset = hmac[hmac.length - 1] & 0x0f;
        return ((hmac[offset] & 0x7f) << 24)
                | ((hmac[offset + 1] & 0xff) << 16)
                | ((hmac[offset + 2] & 0xff) << 8)
                | (hmac[offset + 3] & 0xff);
    }

    /**
     * Checks a code against the counters {@code counter … counter + lookAhead} and tells which one matched.
     * Every candidate is compared in constant time and all candidates are always compared.
     *
     * @param code the code as typed, exactly {@link #digits()} digits
     * @param counter the first counter to try
     * @param lookAhead how many further counters to try (0 or more)
     * @return the matching counter, or {@code -1} when none matches
     */
    public long verify(CharSequence code, long counter, int lookAhead) {
        if (lookAhead < 0) {
            throw new IllegalArgumentException("lookAhead must be 0 or more, not " + lookAhead);
        }
        long matched = matchRange(code, counter, counter + lookAhead);
        return matched == NO_MATCH ? -1 : matched;
    }

    /** What {@link #matchRange} answers when no counter matches. */
    static final long NO_MATCH = Long.MIN_VALUE;

    /** Constant-time search of {@code code} among the counters {@code from…to} (inclusive); NO_MATCH if absent. */
    long matchRange(CharSequence code, long from, long to) {
        if (!isDecimal(code)) {
            // The shape of a code is not secret; refusing early also stops chars such as U+0131 from aliasing '1'
            // when narrowed to a byte.
            return NO_MATCH;
        }
        int length = code.length();
        long matched = NO_MATCH;
        boolean found = false;
        for (long c = from; c <= to; c++) {
            // Compare every digit without an early exit and without building strings (no allocation).
            int value = generate(c);
            int diff = length ^ digits;
            for (int i = digits - 1, j = length - 1; i >= 0; i--, j--) {
                int expected = '0' + value % DECIMAL;
                value /= DECIMAL;
                diff |= expected ^ (j >= 0 ? code.charAt(j) : 0);
            }
            boolean equal = diff == 0;
            if (equal & !found) {
                matched = c;
            }
            found |= equal;
        }
        return matched;
    }

    private static boolean isDecimal(CharSequence code) {
        for (int i = 0; i < code.length(); i++) {
            char ch = code.charAt(i);
            if (ch < '0' || ch > '9') {
                return false;
            }
        }
        return code.length() > 0;
    }

    private Engine newEngine() {
        try {
            return new Engine(MessageDigest.getInstance(algorithm.digestName()), key, algorithm.blockSize(),
                    algorithm.outputLength());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this JDK cannot compute " + algorithm.macName(), e);
        }
    }

    @Override
    public String toString() {
        return "Hotp[" + algorithm + ", " + digits + " digits]";
    }

    /**
     * One thread's reusable HMAC state: HMAC (RFC 2104) written over a reused {@link MessageDigest} with the padded
     * key blocks computed once and {@code digest(buf, off, len)} into reused buffers, so a code allocates nothing
     * ({@code javax.crypto.Mac.doFinal} allocates the inner digest on every call). Same four compressions as the
     * JDK's own HMAC.
     */
    private static final class Engine {
        private static final byte IPAD = 0x36;
        private static final byte OPAD = 0x5c;

        private final MessageDigest digest;
        private final byte[] innerPad;
        private final byte[] outerPad;
        private final byte[] message = new byte[Long.BYTES];
        private final byte[] inner;
        private final byte[] output;

        Engine(MessageDigest digest, byte[] key, int blockSize, int outputLength) {
            this.digest = digest;
            byte[] k = key.length > blockSize ? digest.digest(key) : key;
            innerPad = new byte[blockSize];
            outerPad = new byte[blockSize];
            for (int i = 0; i < blockSize; i++) {
                byte b = i < k.length ? k[i] : 0;
                innerPad[i] = (byte) (b ^ IPAD);
                outerPad[i] = (byte) (b ^ OPAD);
            }
            inner = new byte[outputLength];
            output = new byte[outputLength];
        }

        byte[] hmac(long counter) {
            for (int i = Long.BYTES - 1; i >= 0; i--) {
                message[i] = (byte) counter;
                counter >>>= Byte.SIZE;
            }
            try {
                digest.update(innerPad);
                digest.update(message);
                digest.digest(inner, 0, inner.length);
                digest.update(outerPad);
                digest.update(inner);
                digest.digest(output, 0, output.length);
            } catch (DigestException e) {
                throw new IllegalStateException(e);
            }
            return output;
        }
    }

    /**
     * Computes one HMAC with a fresh {@link Mac}; for callers that need the raw value (full-response CALCULATE).
     *
     * @param algorithm the hash
     * @param key the key
     * @param message the message
     * @return the HMAC bytes
     */
    public static byte[] hmac(HashAlgorithm algorithm, byte[] key, byte[] message) {
        try {
            Mac mac = Mac.getInstance(algorithm.macName());
            mac.init(new SecretKeySpec(key.length == 0 ? new byte[1] : key, algorithm.macName()));
            return mac.doFinal(message);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this JDK cannot compute " + algorithm.macName(), e);
        }
    }
}
