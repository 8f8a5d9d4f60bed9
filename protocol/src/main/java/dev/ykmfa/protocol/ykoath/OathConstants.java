package dev.ykmfa.protocol.ykoath;

/**
 * Every byte value of the YKOATH protocol in one place: AID, instruction bytes, P1/P2 values, TLV tags, status
 * words, type and property bits and the protocol's size limits.
 *
 * <p>Source: {@code spec/ykoath.md} §1.1 (AID), §3 (constant tables), §4 (instructions), §8 (access key) and §9
 * (status words).
 */
public final class OathConstants {
    private OathConstants() {
    }

    /**
     * The OATH applet's AID (§1.1).
     *
     * @return a fresh copy of {@code A0 00 00 05 27 21 01}
     */
    public static byte[] aid() {
        return new byte[] {(byte) 0xA0, 0x00, 0x00, 0x05, 0x27, 0x21, 0x01};
    }

    /** Class byte of every YKOATH command. */
    public static final int CLA = 0x00;

    /** SELECT (with {@link #P1_SELECT_BY_AID}). */
    public static final int INS_SELECT = 0xA4;
    /** PUT: add or overwrite a credential. */
    public static final int INS_PUT = 0x01;
    /** DELETE a credential. */
    public static final int INS_DELETE = 0x02;
    /** SET CODE: set or remove the access key (password). */
    public static final int INS_SET_CODE = 0x03;
    /** RESET the applet (needs P1 P2 = DE AD). */
    public static final int INS_RESET = 0x04;
    /** RENAME a credential (firmware 5.3.0 and later). */
    public static final int INS_RENAME = 0x05;
    /** LIST the credentials. */
    public static final int INS_LIST = 0xA1;
    /** CALCULATE one credential. */
    public static final int INS_CALCULATE = 0xA2;
    /** VALIDATE: mutual authentication with the access key. */
    public static final int INS_VALIDATE = 0xA3;
    /** CALCULATE ALL (same INS as SELECT, P1 = 00: pitfall 1). */
    public static final int INS_CALCULATE_ALL = 0xA4;
    /** SEND REMAINING: the next chunk of a chained response (not ISO GET RESPONSE C0). */
    public static final int INS_SEND_REMAINING = 0xA5;

    /** P1 of SELECT: select by AID. */
    public static final int P1_SELECT_BY_AID = 0x04;
    /** P1 of RESET. */
    public static final int P1_RESET = 0xDE;
    /** P2 of RESET. */
    public static final int P2_RESET = 0xAD;
    /** P2 of CALCULATE / CALCULATE ALL asking for the full HMAC. */
    public static final int P2_FULL_RESPONSE = 0x00;
    /** P2 of CALCULATE / CALCULATE ALL asking for the truncated 4-byte value. */
    public static final int P2_TRUNCATED_RESPONSE = 0x01;

    /** Tag: credential id, or the salt in the SELECT response. */
    public static final int TAG_NAME = 0x71;
    /** Tag: one LIST entry (type/algorithm byte + id). */
    public static final int TAG_NAME_LIST = 0x72;
    /** Tag: key (type/algorithm byte, digits, key bytes), or the access key in SET CODE. */
    public static final int TAG_KEY = 0x73;
    /** Tag: challenge. */
    public static final int TAG_CHALLENGE = 0x74;
    /** Tag: full response (digits + HMAC), or an HMAC in VALIDATE/SET CODE. */
    public static final int TAG_RESPONSE = 0x75;
    /** Tag: truncated response (digits + 4 bytes). */
    public static final int TAG_TRUNCATED_RESPONSE = 0x76;
    /** Tag: HOTP credential not computed by CALCULATE ALL. */
    public static final int TAG_HOTP = 0x77;
    /** Tag: PUT property byte, encoded WITHOUT a length byte (pitfall 2). */
    public static final int TAG_PROPERTY = 0x78;
    /** Tag: applet version (3 bytes). */
    public static final int TAG_VERSION = 0x79;
    /** Tag: HOTP initial moving factor (4 bytes big-endian). */
    public static final int TAG_IMF = 0x7A;
    /** Tag: access-key algorithm in the SELECT response. */
    public static final int TAG_ALGORITHM = 0x7B;
    /** Tag: touch-required credential not computed by CALCULATE ALL. */
    public static final int TAG_TOUCH = 0x7C;

    /** Property bit: each challenge must be greater than the previous one. */
    public static final int PROPERTY_ONLY_INCREASING = 0x01;
    /** Property bit: the credential requires a touch of the key. */
    public static final int PROPERTY_REQUIRE_TOUCH = 0x02;

    /** Mask of the type nibble in the type/algorithm byte. */
    public static final int TYPE_MASK = 0xF0;
    /** Mask of the hash algorithm nibble in the type/algorithm byte. */
    public static final int ALGORITHM_MASK = 0x0F;
    /** Algorithm nibble: HMAC-SHA1. */
    public static final int ALGORITHM_SHA1 = 0x01;
    /** Algorithm nibble: HMAC-SHA256. */
    public static final int ALGORITHM_SHA256 = 0x02;
    /** Algorithm nibble: HMAC-SHA512. */
    public static final int ALGORITHM_SHA512 = 0x03;

    /** Success. */
    public static final int SW_SUCCESS = 0x9000;
    /** SW1 meaning "more data: send SEND REMAINING". */
    public static final int SW1_MORE_DATA = 0x61;
    /** Security status not satisfied: locked, or touch timed out. */
    public static final int SW_SECURITY_STATUS_NOT_SATISFIED = 0x6982;
    /** No such object: unknown credential; also SET CODE mismatch and VALIDATE without a password. */
    public static final int SW_NO_SUCH_OBJECT = 0x6984;
    /** Wrong syntax / data; VALIDATE with a wrong response (wrong password). */
    public static final int SW_WRONG_DATA = 0x6A80;
    /** No space left for a new credential. */
    public static final int SW_NO_SPACE = 0x6A84;
    /** Application (AID) not found. */
    public static final int SW_FILE_NOT_FOUND = 0x6A82;
    /** Command aborted; some NEOs report a full store this way. */
    public static final int SW_COMMAND_ABORTED = 0x6F00;
    /** Generic error / memory failure. */
    public static final int SW_GENERIC_ERROR = 0x6581;
    /** Conditions of use not satisfied (e.g. a FIPS key refusing password removal). */
    public static final int SW_CONDITIONS_NOT_SATISFIED = 0x6985;
    /** Wrong P1/P2. */
    public static final int SW_WRONG_P1P2 = 0x6B00;
    /** Instruction not supported. */
    public static final int SW_INS_NOT_SUPPORTED = 0x6D00;
    /** Applet selection failed. */
    public static final int SW_APPLET_SELECT_FAILED = 0x6999;

    /** Largest credential id, in UTF-8 bytes, period prefix and issuer included (§4.1, pitfall 9). */
    public static final int MAX_ID_LENGTH = 64;
    /** Keys shorter than this are padded with zero bytes by the host (§4.1, pitfall 8). */
    public static final int MIN_KEY_LENGTH = 14;
    /** TOTP period the card uses in CALCULATE ALL and that is omitted from ids. */
    public static final int DEFAULT_PERIOD = 30;
    /** Length of the truncated response value. */
    public static final int TRUNCATED_VALUE_LENGTH = 4;
    /** Length of the IMF value. */
    public static final int IMF_LENGTH = 4;
    /** Length of a TOTP challenge (the big-endian time step) and of VALIDATE/SET CODE challenges. */
    public static final int CHALLENGE_LENGTH = 8;
    /** PBKDF2 iterations for the access key (§8). */
    public static final int PBKDF2_ITERATIONS = 1000;
    /** Access key length in bytes (§8). */
    public static final int ACCESS_KEY_LENGTH = 16;
    /** Type/algorithm byte that ykman sends with SET CODE (TOTP | SHA1). */
    public static final int ACCESS_KEY_TYPE = 0x21;
    /** Largest data field of a short APDU. */
    public static final int MAX_SHORT_DATA = 255;
    /** Largest value length this TLV codec encodes ({@code 82 nn nn}). */
    public static final int MAX_TLV_LENGTH = 0xFFFF;
    /** First version with RENAME. */
    public static final int[] RENAME_MIN_VERSION = {5, 3, 0};
}
