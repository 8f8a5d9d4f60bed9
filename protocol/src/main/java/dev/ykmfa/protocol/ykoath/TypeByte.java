package dev.ykmfa.protocol.ykoath;

import dev.ykmfa.protocol.otp.HashAlgorithm;

/** The YKOATH type/algorithm byte: high nibble {@link OathType}, low nibble hash (spec §3). */
final class TypeByte {
    private TypeByte() {
    }

    static int encode(OathType type, HashAlgorithm algorithm) {
        return type.code() | algorithmCode(algorithm);
    }

    static int algorithmCode(HashAlgorithm algorithm) {
        switch (algorithm) {
            case SHA1:
                return OathConstants.ALGORITHM_SHA1;
            case SHA256:
                return OathConstants.ALGORITHM_SHA256;
            case SHA512:
                return OathConstants.ALGORITHM_SHA512;
            default:
                throw new IllegalArgumentException("no YKOATH code for " + algorithm);
        }
    }

    static HashAlgorithm algorithm(int typeAlgorithmByte) {
        switch (typeAlgorithmByte & OathConstants.ALGORITHM_MASK) {
            case OathConstants.ALGORITHM_SHA1:
                return HashAlgorithm.SHA1;
            case OathConstants.ALGORITHM_SHA256:
                return HashAlgorithm.SHA256;
            case OathConstants.ALGORITHM_SHA512:
                return HashAlgorithm.SHA512;
            default:
                throw new IllegalArgumentException(String.format(
                        "unknown OATH hash algorithm in byte %02X: the low nibble must be 1, 2 or 3",
                        typeAlgorithmByte & 0xff));
        }
    }
}
