package dev.ykmfa.protocol.ykoath;

import dev.ykmfa.protocol.otp.HashAlgorithm;
import dev.ykmfa.protocol.otp.Hotp;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Objects;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * The access-key (password) arithmetic of YKOATH ({@code spec/ykoath.md} §8): the 16-byte key is
 * PBKDF2-HMAC-SHA1(password as UTF-8, salt from SELECT, 1000 iterations), and both sides of VALIDATE and SET CODE
 * prove possession with HMAC-SHA1(key, challenge).
 */
public final class OathPassword {
    private static final String PBKDF2 = "PBKDF2WithHmacSHA1";
    private static final int BITS_PER_BYTE = 8;

    private OathPassword() {
    }

    /**
     * Derives the access key.
     *
     * @param password the password (not modified; clear it yourself)
     * @param salt the salt from SELECT (tag {@code 71})
     * @return the 16-byte access key
     * @throws IllegalArgumentException if the password is empty
     */
    public static byte[] deriveKey(char[] password, byte[] salt) {
        Objects.requireNonNull(password, "password");
        Objects.requireNonNull(salt, "salt");
        if (password.length == 0) {
            throw new IllegalArgumentException("the OATH password is empty: give a password, or use unsetPassword()"
                    + " to remove protection");
        }
        PBEKeySpec spec = new PBEKeySpec(password, salt, OathConstants.PBKDF2_ITERATIONS,
                OathConstants.ACCESS_KEY_LENGTH * BITS_PER_BYTE);
        try {
            return SecretKeyFactory.getInstance(PBKDF2).generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this JDK cannot compute " + PBKDF2, e);
        } finally {
            spec.clearPassword();
        }
    }

    /**
     * @param accessKey the access key
     * @param challenge a challenge
     * @return HMAC-SHA1(accessKey, challenge), 20 bytes
     */
    public static byte[] response(byte[] accessKey, byte[] challenge) {
        return Hotp.hmac(HashAlgorithm.SHA1, accessKey, challenge);
    }

    /**
     * Checks a response in constant time.
     *
     * @param accessKey the access key
     * @param challenge the challenge that was sent
     * @param response the response received
     * @return whether it equals HMAC-SHA1(accessKey, challenge)
     */
    public static boolean verify(byte[] accessKey, byte[] challenge, byte[] response) {
        return MessageDigest.isEqual(response(accessKey, challenge), response);
    }
}
