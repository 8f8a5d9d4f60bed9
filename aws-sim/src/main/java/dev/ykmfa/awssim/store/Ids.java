package dev.ykmfa.awssim.store;

import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Identifier and credential generation in AWS's formats (spec §3): unique ids {@code AIDA…} (21 chars), access key
 * ids {@code AKIA…}/{@code ASIA…} (20 chars, base32 alphabet), 40-character secrets, opaque session tokens.
 * Uses a per-thread {@link SecureRandom} so the hot path does not contend on one generator.
 */
public final class Ids {
    /** Unique-id prefix of IAM users. */
    public static final String USER = "AIDA";
    /** Unique-id prefix of roles. */
    public static final String ROLE = "AROA";
    /** Unique-id prefix of groups. */
    public static final String GROUP = "AGPA";
    /** Unique-id prefix of managed policies. */
    public static final String POLICY = "ANPA";
    /** Long-term access key prefix. */
    public static final String ACCESS_KEY = "AKIA";
    /** Temporary (STS) access key prefix. */
    public static final String SESSION_KEY = "ASIA";

    private static final char[] BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567".toCharArray();
    private static final int UNIQUE_ID_RANDOM_CHARS = 17;
    private static final int ACCESS_KEY_RANDOM_CHARS = 16;
    private static final int SECRET_BYTES = 30;
    private static final int TOKEN_BYTES = 120;

    private static final ThreadLocal<SecureRandom> RANDOM = ThreadLocal.withInitial(Ids::newRandom);

    private Ids() {
    }

    private static SecureRandom newRandom() {
        try {
            SecureRandom r = SecureRandom.getInstance("SHA1PRNG");
            r.setSeed(new SecureRandom().generateSeed(32));
            return r;
        } catch (NoSuchAlgorithmException e) {
            return new SecureRandom();
        }
    }

    /** @return this thread's secure random generator */
    public static SecureRandom random() {
        return RANDOM.get();
    }

    /**
     * @param prefix e.g. {@link #USER}
     * @return a 21-character unique id
     */
    public static String uniqueId(String prefix) {
        return prefix + base32(UNIQUE_ID_RANDOM_CHARS);
    }

    /**
     * @param prefix {@link #ACCESS_KEY} or {@link #SESSION_KEY}
     * @return a 20-character access key id
     */
    public static String accessKeyId(String prefix) {
        return prefix + base32(ACCESS_KEY_RANDOM_CHARS);
    }

    /** @return a 40-character secret access key {@code [A-Za-z0-9/+]} */
    public static String secretKey() {
        byte[] b = new byte[SECRET_BYTES];
        random().nextBytes(b);
        return Base64.getEncoder().encodeToString(b);
    }

    /** @return an opaque session token (base64 text, no fixed length promised — as AWS says) */
    public static String sessionToken() {
        byte[] b = new byte[TOKEN_BYTES];
        random().nextBytes(b);
        return Base64.getEncoder().encodeToString(b);
    }

    /**
     * @param n bytes
     * @return n random bytes
     */
    public static byte[] randomBytes(int n) {
        byte[] b = new byte[n];
        random().nextBytes(b);
        return b;
    }

    private static String base32(int n) {
        SecureRandom r = random();
        char[] c = new char[n];
        for (int i = 0; i < n; i++) {
            c[i] = BASE32[r.nextInt(BASE32.length)];
        }
        return new String(c);
    }
}
