package dev.ykmfa.sim.applet;

import javacard.framework.JCSystem;
import javacard.security.CryptoException;
import javacard.security.MessageDigest;

/**
 * HMAC (RFC 2104) over {@link MessageDigest} for SHA-1, SHA-256 and SHA-512, so it works on any card that has the
 * digests (the {@code Signature} HMAC algorithms are optional and rarely offer SHA-512). Keys are at most one hash
 * block long: the host hashes longer keys (spec §4.1), and the applet refuses longer ones.
 */
final class HmacEngine {
    private static final byte IPAD = (byte) 0x36;
    private static final byte OPAD = (byte) 0x5C;
    private static final short BLOCK_SHA1_SHA256 = (short) 64;
    private static final short BLOCK_SHA512 = (short) 128;
    private static final short LENGTH_SHA1 = (short) 20;
    private static final short LENGTH_SHA256 = (short) 32;
    private static final short LENGTH_SHA512 = (short) 64;

    private final MessageDigest sha1;
    private final MessageDigest sha256;
    private final MessageDigest sha512;
    private final byte[] pad;
    private final byte[] inner;

    HmacEngine() {
        sha1 = MessageDigest.getInstance(MessageDigest.ALG_SHA, false);
        sha256 = MessageDigest.getInstance(MessageDigest.ALG_SHA_256, false);
        sha512 = optional(MessageDigest.ALG_SHA_512);
        pad = JCSystem.makeTransientByteArray(BLOCK_SHA512, JCSystem.CLEAR_ON_RESET);
        inner = JCSystem.makeTransientByteArray(LENGTH_SHA512, JCSystem.CLEAR_ON_RESET);
    }

    private static MessageDigest optional(byte algorithm) {
        try {
            return MessageDigest.getInstance(algorithm, false);
        } catch (CryptoException e) {
            return null;
        }
    }

    /** @return whether {@code alg} (low nibble of the type/algorithm byte) is available on this card */
    boolean supports(byte alg) {
        return digest(alg) != null;
    }

    /** @return the hash block size of {@code alg}, or 0 when unknown */
    static short blockSize(byte alg) {
        if (alg == YkoathConstants.ALG_SHA1 || alg == YkoathConstants.ALG_SHA256) {
            return BLOCK_SHA1_SHA256;
        }
        if (alg == YkoathConstants.ALG_SHA512) {
            return BLOCK_SHA512;
        }
        return (short) 0;
    }

    /** @return the HMAC output length of {@code alg}, or 0 when unknown */
    static short outputLength(byte alg) {
        if (alg == YkoathConstants.ALG_SHA1) {
            return LENGTH_SHA1;
        }
        if (alg == YkoathConstants.ALG_SHA256) {
            return LENGTH_SHA256;
        }
        if (alg == YkoathConstants.ALG_SHA512) {
            return LENGTH_SHA512;
        }
        return (short) 0;
    }

    private MessageDigest digest(byte alg) {
        if (alg == YkoathConstants.ALG_SHA1) {
            return sha1;
        }
        if (alg == YkoathConstants.ALG_SHA256) {
            return sha256;
        }
        if (alg == YkoathConstants.ALG_SHA512) {
            return sha512;
        }
        return null;
    }

    /**
     * Computes HMAC(key, message) into {@code out}; {@code out} may not overlap the key or the message.
     *
     * @return the number of bytes written (the digest length)
     */
    short compute(byte alg, byte[] key, short keyOff, short keyLen,
                  byte[] msg, short msgOff, short msgLen, byte[] out, short outOff) {
        MessageDigest md = digest(alg);
        short block = blockSize(alg);
        short hashLen = outputLength(alg);
        for (short i = 0; i < block; i++) {
            byte k = i < keyLen ? key[(short) (keyOff + i)] : (byte) 0;
            pad[i] = (byte) (k ^ IPAD);
        }
        md.reset();
        md.update(pad, (short) 0, block);
        md.doFinal(msg, msgOff, msgLen, inner, (short) 0);
        for (short i = 0; i < block; i++) {
            pad[i] = (byte) (pad[i] ^ (IPAD ^ OPAD));
        }
        md.update(pad, (short) 0, block);
        md.doFinal(inner, (short) 0, hashLen, out, outOff);
        return hashLen;
    }
}
