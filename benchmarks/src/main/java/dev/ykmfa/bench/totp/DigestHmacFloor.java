package dev.ykmfa.bench.totp;

import java.security.DigestException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * HMAC-SHA1 (RFC 2104) written directly over a reused {@link MessageDigest}: {@code H((K ^ opad) || H((K ^ ipad) ||
 * m))} with the padded key blocks computed once and {@code digest(buf, off, len)} into reused buffers. It does the
 * same four SHA-1 compressions per code as the JDK's {@code HmacCore}, but allocates nothing, which
 * {@code javax.crypto.Mac} cannot (its {@code doFinal} allocates the inner digest). This shows what the
 * {@code int} path could reach without {@code Mac}; see benchmarks/README.md. Not thread-safe.
 */
public final class DigestHmacFloor {
    private static final int BLOCK = 64;
    private static final int SHA1_LENGTH = 20;
    private static final byte IPAD = 0x36;
    private static final byte OPAD = 0x5c;
    private static final int MODULUS = 1_000_000;

    private final MessageDigest sha1;
    private final byte[] ipadKey = new byte[BLOCK];
    private final byte[] opadKey = new byte[BLOCK];
    private final byte[] message = new byte[Long.BYTES];
    private final byte[] inner = new byte[SHA1_LENGTH];
    private final byte[] output = new byte[SHA1_LENGTH];

    /** @param key the HMAC key (longer than a block: hashed first, as RFC 2104 says) */
    public DigestHmacFloor(byte[] key) {
        try {
            sha1 = MessageDigest.getInstance("SHA-1");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        byte[] k = key.length > BLOCK ? sha1.digest(key) : key;
        for (int i = 0; i < BLOCK; i++) {
            byte b = i < k.length ? k[i] : 0;
            ipadKey[i] = (byte) (b ^ IPAD);
            opadKey[i] = (byte) (b ^ OPAD);
        }
    }

    /**
     * @param unixSeconds the time
     * @return the 6-digit code
     */
    public int code(long unixSeconds) {
        long c = unixSeconds / RfcVectors.PERIOD_SECONDS;
        for (int i = Long.BYTES - 1; i >= 0; i--) {
            message[i] = (byte) c;
            c >>>= Byte.SIZE;
        }
        try {
            sha1.update(ipadKey);
            sha1.update(message);
            sha1.digest(inner, 0, SHA1_LENGTH);
            sha1.update(opadKey);
            sha1.update(inner);
            sha1.digest(output, 0, SHA1_LENGTH);
        } catch (DigestException e) {
            throw new IllegalStateException(e);
        }
        int offset = output[SHA1_LENGTH - 1] & 0x0f;
        int bits = ((output[offset] & 0x7f) << 24) | ((output[offset + 1] & 0xff) << 16)
                | ((output[offset + 2] & 0xff) << 8) | (output[offset + 3] & 0xff);
        return bits % MODULUS;
    }
}
