package dev.ykmfa.conformance.protocol;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The conformance oracle: RFC 4226 §5.3 / RFC 6238 §4 written out on the JDK's {@code Mac}, independent of the
 * project's own {@code Totp} (checked against the RFC's Appendix B vectors in {@code Rfc6238Test}).
 */
public final class Rfc6238 {
    private static final int OFFSET_MASK = 0x0F;
    private static final int SIGN_MASK = 0x7F;
    private static final int BYTE = 0xFF;

    private Rfc6238() {
    }

    /**
     * @param macName {@code HmacSHA1}, {@code HmacSHA256} or {@code HmacSHA512}
     * @param key the raw secret
     * @param message the moving factor
     * @return HMAC(key, message)
     */
    public static byte[] hmac(String macName, byte[] key, byte[] message) {
        try {
            Mac mac = Mac.getInstance(macName);
            mac.init(new SecretKeySpec(key.length == 0 ? new byte[1] : key, macName));
            return mac.doFinal(message);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(macName + " unavailable", e);
        }
    }

    /**
     * @param step the time step (or HOTP counter)
     * @return the 8-byte big-endian moving factor
     */
    public static byte[] movingFactor(long step) {
        return ByteBuffer.allocate(Long.BYTES).putLong(step).array();
    }

    /**
     * @param macName the HMAC
     * @param key the secret
     * @param epochSeconds the time
     * @param period the step in seconds
     * @param digits 6..8
     * @return the zero-padded code
     */
    public static String totp(String macName, byte[] key, long epochSeconds, int period, int digits) {
        return hotp(macName, key, Math.floorDiv(epochSeconds, period), digits);
    }

    /**
     * @param macName the HMAC
     * @param key the secret
     * @param counter the counter
     * @param digits 6..8
     * @return the zero-padded code
     */
    public static String hotp(String macName, byte[] key, long counter, int digits) {
        byte[] h = hmac(macName, key, movingFactor(counter));
        int o = h[h.length - 1] & OFFSET_MASK;
        int bin = ((h[o] & SIGN_MASK) << 24) | ((h[o + 1] & BYTE) << 16) | ((h[o + 2] & BYTE) << 8) | (h[o + 3] & BYTE);
        int mod = 1;
        for (int i = 0; i < digits; i++) {
            mod *= 10;
        }
        String s = Integer.toString(bin % mod);
        return "0".repeat(digits - s.length()) + s;
    }
}
