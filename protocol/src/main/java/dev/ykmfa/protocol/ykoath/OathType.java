package dev.ykmfa.protocol.ykoath;

/**
 * The two OATH credential types, with the high nibble of the YKOATH type/algorithm byte ({@code spec/ykoath.md}
 * §3): HOTP {@code 0x10}, TOTP {@code 0x20}.
 */
public enum OathType {
    /** Counter based, RFC 4226. */
    HOTP(0x10),
    /** Time based, RFC 6238. */
    TOTP(0x20);

    private final int code;

    OathType(int code) {
        this.code = code;
    }

    /** @return the type nibble, already shifted ({@code 0x10} or {@code 0x20}) */
    public int code() {
        return code;
    }

    /**
     * @param typeAlgorithmByte a YKOATH type/algorithm byte, e.g. {@code 0x21}
     * @return the type in its high nibble
     * @throws IllegalArgumentException if the nibble is neither HOTP nor TOTP
     */
    public static OathType fromByte(int typeAlgorithmByte) {
        int nibble = typeAlgorithmByte & OathConstants.TYPE_MASK;
        for (OathType t : values()) {
            if (t.code == nibble) {
                return t;
            }
        }
        throw new IllegalArgumentException(String.format(
                "unknown OATH type in byte %02X: the high nibble must be 1 (HOTP) or 2 (TOTP)",
                typeAlgorithmByte & 0xff));
    }
}
