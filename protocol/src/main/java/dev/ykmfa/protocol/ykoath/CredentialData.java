package dev.ykmfa.protocol.ykoath;

import dev.ykmfa.protocol.otp.HashAlgorithm;
import dev.ykmfa.protocol.otp.Hotp;
import dev.ykmfa.protocol.otp.OtpAuthUri;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Objects;

/**
 * Everything PUT programs into the key ({@code spec/ykoath.md} §4.1): id, secret, hash algorithm, digits, HOTP
 * initial counter and the touch property. Immutable; {@link #toString()} never shows the secret.
 *
 * <p>The key is shaped for the card when encoded ({@link #shapedKey()}): a key longer than the hash block size is
 * replaced by its hash, and a key shorter than 14 bytes is padded with zero bytes (pitfall 8). Neither changes the
 * HMAC.
 *
 * <pre>{@code
 * CredentialData data = CredentialData.builder(CredentialId.totp("Amazon Web Services", deviceArn), seed)
 *         .touch(true).build();
 * session.put(data);
 * }</pre>
 */
public final class CredentialData {
    private static final int MAX_COUNTER_BITS = 32;

    private final CredentialId id;
    private final byte[] secret;
    private final HashAlgorithm algorithm;
    private final int digits;
    private final long counter;
    private final boolean touch;

    private CredentialData(Builder b) {
        this.id = b.id;
        this.secret = b.secret.clone();
        this.algorithm = b.algorithm;
        this.digits = b.digits;
        this.counter = b.counter;
        this.touch = b.touch;
    }

    /**
     * Starts a builder. Defaults: SHA1, 6 digits, counter 0, no touch.
     *
     * @param id the credential id (its type decides TOTP or HOTP)
     * @param secret the shared secret (copied), at least one byte
     * @return a builder
     */
    public static Builder builder(CredentialId id, byte[] secret) {
        return new Builder(id, secret);
    }

    /**
     * Takes id, secret, algorithm, digits, period and counter from an {@code otpauth://} URI.
     *
     * @param uri the URI
     * @return the credential data (no touch)
     */
    public static CredentialData fromUri(OtpAuthUri uri) {
        OathType type = uri.type() == OtpAuthUri.Type.TOTP ? OathType.TOTP : OathType.HOTP;
        CredentialId id = CredentialId.of(uri.issuer(), uri.account(), type, uri.period());
        return builder(id, uri.secret()).algorithm(uri.algorithm()).digits(uri.digits()).counter(uri.counter()).build();
    }

    /** @return the id */
    public CredentialId id() {
        return id;
    }

    /** @return a copy of the secret as given */
    public byte[] secret() {
        return secret.clone();
    }

    /** @return the hash algorithm */
    public HashAlgorithm algorithm() {
        return algorithm;
    }

    /** @return the number of digits */
    public int digits() {
        return digits;
    }

    /** @return the HOTP initial counter (IMF) */
    public long counter() {
        return counter;
    }

    /** @return whether the credential requires touch */
    public boolean touch() {
        return touch;
    }

    /** @return the key as sent to the card: hashed if longer than the block size, zero-padded to 14 bytes */
    public byte[] shapedKey() {
        return shapeKey(algorithm, secret);
    }

    /**
     * Shapes a key for the card (§4.1): hash it if it is longer than the hash block size, then pad it with zeros to
     * at least 14 bytes.
     *
     * @param algorithm the hash
     * @param key the key
     * @return the shaped key (a new array)
     */
    public static byte[] shapeKey(HashAlgorithm algorithm, byte[] key) {
        byte[] k = key;
        if (k.length > algorithm.blockSize()) {
            try {
                k = MessageDigest.getInstance(algorithm.digestName()).digest(k);
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("this JDK lacks " + algorithm.digestName(), e);
            }
        }
        return k.length < OathConstants.MIN_KEY_LENGTH ? Arrays.copyOf(k, OathConstants.MIN_KEY_LENGTH) : k.clone();
    }

    /** Describes the credential without its secret. */
    @Override
    public String toString() {
        return "CredentialData[" + id + ", " + algorithm + ", " + digits + " digits"
                + (id.type() == OathType.HOTP ? ", counter " + counter : "") + (touch ? ", touch" : "") + "]";
    }

    /** Builder for {@link CredentialData}; each setter states its default. */
    public static final class Builder {
        private final CredentialId id;
        private final byte[] secret;
        private HashAlgorithm algorithm = HashAlgorithm.SHA1;
        private int digits = Hotp.MIN_DIGITS;
        private long counter;
        private boolean touch;

        private Builder(CredentialId id, byte[] secret) {
            this.id = Objects.requireNonNull(id, "id");
            this.secret = Objects.requireNonNull(secret, "secret").clone();
        }

        /**
         * @param algorithm the hash; default SHA1
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
         * @param counter the HOTP initial counter (0 to 2^32-1); default 0; ignored for TOTP
         * @return this builder
         */
        public Builder counter(long counter) {
            this.counter = counter;
            return this;
        }

        /**
         * @param touch whether each code needs a touch of the key; default false
         * @return this builder
         */
        public Builder touch(boolean touch) {
            this.touch = touch;
            return this;
        }

        /**
         * @return the data
         * @throws IllegalArgumentException on an empty secret, digits outside 6–8 or a counter outside 32 bits
         */
        public CredentialData build() {
            if (secret.length == 0) {
                throw new IllegalArgumentException("the secret of " + id.displayName() + " is empty: give the"
                        + " service's shared secret");
            }
            if (digits < Hotp.MIN_DIGITS || digits > Hotp.MAX_DIGITS) {
                throw new IllegalArgumentException("a YubiKey credential has 6, 7 or 8 digits, not " + digits);
            }
            if (counter < 0 || counter >= (1L << MAX_COUNTER_BITS)) {
                throw new IllegalArgumentException("the HOTP counter must fit in 4 bytes (0 to 4294967295), not "
                        + counter);
            }
            return new CredentialData(this);
        }
    }
}
