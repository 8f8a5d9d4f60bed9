package dev.ykmfa.bench.totp;

import java.security.GeneralSecurityException;
import javax.crypto.Mac;
import javax.crypto.ShortBufferException;
import javax.crypto.spec.SecretKeySpec;

/**
 * The floor: one reused, initialised JDK {@link Mac}, a reused message and output buffer, RFC 4226 truncation by
 * hand. Nothing cheaper computes a TOTP code with the JDK's HMAC. Not thread-safe (one per benchmark thread).
 */
public final class MacFloor {
    private static final int MODULUS = 1_000_000;
    private static final int SHA1_LENGTH = 20;

    private final Mac mac;
    private final byte[] message = new byte[Long.BYTES];
    private final byte[] output = new byte[SHA1_LENGTH];

    /** @param key the HMAC-SHA1 key */
    public MacFloor(byte[] key) {
        try {
            mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(key, "HmacSHA1"));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * @param unixSeconds the time
     * @return the 6-digit code
     */
    public int code(long unixSeconds) {
        return codeAtStep(unixSeconds / RfcVectors.PERIOD_SECONDS);
    }

    /**
     * @param step the time step
     * @return the 6-digit code of that step
     */
    public int codeAtStep(long step) {
        long c = step;
        for (int i = Long.BYTES - 1; i >= 0; i--) {
            message[i] = (byte) c;
            c >>>= Byte.SIZE;
        }
        mac.update(message);
        try {
            mac.doFinal(output, 0);
        } catch (ShortBufferException e) {
            throw new IllegalStateException(e);
        }
        int offset = output[SHA1_LENGTH - 1] & 0x0f;
        int bits = ((output[offset] & 0x7f) << 24) | ((output[offset + 1] & 0xff) << 16)
                | ((output[offset + 2] & 0xff) << 8) | (output[offset + 3] & 0xff);
        return bits % MODULUS;
    }

    /**
     * Window ±1 around {@code unixSeconds}; all three candidates are always computed (like a constant-time verifier).
     *
     * @param unixSeconds now
     * @param code the code typed
     * @return whether one of the three steps matches
     */
    public boolean verify(long unixSeconds, int code) {
        long step = unixSeconds / RfcVectors.PERIOD_SECONDS;
        int diff = 1;
        for (long s = step - 1; s <= step + 1; s++) {
            diff &= (codeAtStep(s) ^ code) == 0 ? 0 : 1;
        }
        return diff == 0;
    }
}
