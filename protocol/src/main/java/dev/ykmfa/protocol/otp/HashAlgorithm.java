package dev.ykmfa.protocol.otp;

import java.util.Locale;

/**
 * The HMAC hash functions that OATH credentials use (RFC 4226 §5, RFC 6238 §1.2) and that a YubiKey's OATH
 * applet supports, with their JCA names, HMAC block sizes and output lengths.
 */
public enum HashAlgorithm {
    /** HMAC-SHA1: the default of RFC 4226/6238 and the only one AWS virtual MFA devices use. */
    SHA1("HmacSHA1", "SHA-1", 64, 20),
    /** HMAC-SHA256. */
    SHA256("HmacSHA256", "SHA-256", 64, 32),
    /** HMAC-SHA512. */
    SHA512("HmacSHA512", "SHA-512", 128, 64);

    private final String macName;
    private final String digestName;
    private final int blockSize;
    private final int outputLength;

    HashAlgorithm(String macName, String digestName, int blockSize, int outputLength) {
        this.macName = macName;
        this.digestName = digestName;
        this.blockSize = blockSize;
        this.outputLength = outputLength;
    }

    /** @return the JCA {@code Mac} algorithm name, e.g. {@code HmacSHA1} */
    public String macName() {
        return macName;
    }

    /** @return the JCA {@code MessageDigest} algorithm name, e.g. {@code SHA-1} */
    public String digestName() {
        return digestName;
    }

    /** @return the hash function's block size in bytes (64 for SHA-1/SHA-256, 128 for SHA-512) */
    public int blockSize() {
        return blockSize;
    }

    /** @return the HMAC output length in bytes (20, 32 or 64) */
    public int outputLength() {
        return outputLength;
    }

    /**
     * Parses a name as it appears in {@code otpauth://} URIs and on the command line: {@code SHA1}, {@code sha-256},
     * {@code HmacSHA512}… (case-insensitive, dash optional, {@code Hmac} prefix optional).
     *
     * @param name the name to parse
     * @return the algorithm
     * @throws IllegalArgumentException naming the value and the accepted ones
     */
    public static HashAlgorithm parse(String name) {
        if (name != null) {
            String n = name.trim().toUpperCase(Locale.ROOT).replace("-", "");
            if (n.startsWith("HMAC")) {
                n = n.substring(4);
            }
            for (HashAlgorithm a : values()) {
                if (a.name().equals(n)) {
                    return a;
                }
            }
        }
        throw new IllegalArgumentException(
                "unknown OATH hash algorithm '" + name + "': use SHA1, SHA256 or SHA512");
    }
}
