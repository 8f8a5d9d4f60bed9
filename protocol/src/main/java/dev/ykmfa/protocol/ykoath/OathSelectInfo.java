package dev.ykmfa.protocol.ykoath;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

/**
 * The answer to SELECT ({@code spec/ykoath.md} §1.2): applet version, salt (the device identifier that changes on
 * RESET), and, only when a password is set, the challenge to answer with VALIDATE.
 *
 * <p>The device id is ykman's: Base64 (standard alphabet, no padding) of the first 16 bytes of SHA-256(salt), 22
 * characters.
 */
public final class OathSelectInfo {
    private static final int VERSION_LENGTH = 3;
    private static final int DEVICE_ID_HASH_BYTES = 16;

    private final int major;
    private final int minor;
    private final int patch;
    private final byte[] salt;
    private final byte[] challenge;
    private final int accessKeyAlgorithm;

    private OathSelectInfo(int major, int minor, int patch, byte[] salt, byte[] challenge, int accessKeyAlgorithm) {
        this.major = major;
        this.minor = minor;
        this.patch = patch;
        this.salt = salt;
        this.challenge = challenge;
        this.accessKeyAlgorithm = accessKeyAlgorithm;
    }

    /**
     * Parses the data field of a SELECT response (status word removed).
     *
     * @param data the response data
     * @return the parsed answer
     * @throws MalformedResponseException if the version ({@code 79}, 3 bytes) or salt ({@code 71}) is missing
     */
    public static OathSelectInfo parse(byte[] data) {
        List<Tlv> items = Responses.decode(data, "SELECT");
        byte[] version = Responses.find(items, OathConstants.TAG_VERSION);
        byte[] salt = Responses.find(items, OathConstants.TAG_NAME);
        if (version == null || version.length != VERSION_LENGTH) {
            throw new MalformedResponseException("the SELECT response has no 3-byte version (tag 79): the card is not"
                    + " a YKOATH applet or answered incorrectly", OathConstants.SW_SUCCESS);
        }
        if (salt == null) {
            throw new MalformedResponseException("the SELECT response has no salt (tag 71): the card is not a YKOATH"
                    + " applet or answered incorrectly", OathConstants.SW_SUCCESS);
        }
        byte[] challenge = Responses.find(items, OathConstants.TAG_CHALLENGE);
        byte[] algorithm = Responses.find(items, OathConstants.TAG_ALGORITHM);
        return new OathSelectInfo(version[0] & 0xff, version[1] & 0xff, version[2] & 0xff, salt,
                challenge == null ? new byte[0] : challenge,
                algorithm == null || algorithm.length == 0 ? 0 : algorithm[0] & 0xff);
    }

    /** @return the version as {@code major.minor.patch}, e.g. {@code 5.4.3} */
    public String version() {
        return major + "." + minor + "." + patch;
    }

    /** @return {major, minor, patch} */
    public int[] versionNumbers() {
        return new int[] {major, minor, patch};
    }

    /** @return the major version */
    public int major() {
        return major;
    }

    /** @return the minor version */
    public int minor() {
        return minor;
    }

    /** @return the patch version */
    public int patch() {
        return patch;
    }

    /**
     * @param atLeast {major, minor, patch}
     * @return whether this version is at least the given one
     */
    public boolean isAtLeast(int[] atLeast) {
        int[] mine = versionNumbers();
        for (int i = 0; i < VERSION_LENGTH; i++) {
            if (mine[i] != atLeast[i]) {
                return mine[i] > atLeast[i];
            }
        }
        return true;
    }

    /** @return a copy of the salt (tag {@code 71}), also the PBKDF2 salt of the password */
    public byte[] salt() {
        return salt.clone();
    }

    /** @return a copy of the VALIDATE challenge (tag {@code 74}); empty when no password is set */
    public byte[] challenge() {
        return challenge.clone();
    }

    /** @return the access-key algorithm byte (tag {@code 7B}), 0 when absent; hosts use HMAC-SHA1 regardless */
    public int accessKeyAlgorithm() {
        return accessKeyAlgorithm;
    }

    /** @return whether a password is set, i.e. the SELECT carried a challenge */
    public boolean passwordProtected() {
        return challenge.length > 0;
    }

    /** @return ykman's 22-character device id derived from the salt */
    public String deviceId() {
        return deviceId(salt);
    }

    /**
     * @param salt a SELECT salt
     * @return Base64 (no padding) of the first 16 bytes of SHA-256(salt)
     */
    public static String deviceId(byte[] salt) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(salt);
            return Base64.getEncoder().withoutPadding().encodeToString(Arrays.copyOf(hash, DEVICE_ID_HASH_BYTES));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this JDK lacks SHA-256", e);
        }
    }

    @Override
    public String toString() {
        return "OathSelectInfo[version " + version() + ", device " + deviceId() + ", password "
                + (passwordProtected() ? "set" : "not set") + "]";
    }
}
