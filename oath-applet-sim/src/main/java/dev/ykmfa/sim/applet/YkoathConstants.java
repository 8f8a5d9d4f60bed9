package dev.ykmfa.sim.applet;

/**
 * The byte values of the YKOATH protocol as the card sees them (see {@code spec/ykoath.md} §3 and §9), plus the
 * layout constants of the applets. Java Card code: only {@code byte} and {@code short} constants.
 */
public final class YkoathConstants {
    private YkoathConstants() {
    }

    // Instructions (spec §3). SELECT and CALCULATE ALL share INS A4 and differ by P1.
    public static final byte INS_PUT = (byte) 0x01;
    public static final byte INS_DELETE = (byte) 0x02;
    public static final byte INS_SET_CODE = (byte) 0x03;
    public static final byte INS_RESET = (byte) 0x04;
    public static final byte INS_RENAME = (byte) 0x05;
    public static final byte INS_LIST = (byte) 0xA1;
    public static final byte INS_CALCULATE = (byte) 0xA2;
    public static final byte INS_VALIDATE = (byte) 0xA3;
    public static final byte INS_CALCULATE_ALL = (byte) 0xA4;
    public static final byte INS_SEND_REMAINING = (byte) 0xA5;
    public static final byte INS_MANAGEMENT_READ_CONFIG = (byte) 0x1D;

    public static final byte P1_SELECT_BY_NAME = (byte) 0x04;
    public static final byte P2_FULL_RESPONSE = (byte) 0x00;
    public static final byte P2_TRUNCATED_RESPONSE = (byte) 0x01;
    public static final byte P1_RESET = (byte) 0xDE;
    public static final byte P2_RESET = (byte) 0xAD;

    // Tags (spec §3).
    public static final byte TAG_NAME = (byte) 0x71;
    public static final byte TAG_NAME_LIST = (byte) 0x72;
    public static final byte TAG_KEY = (byte) 0x73;
    public static final byte TAG_CHALLENGE = (byte) 0x74;
    public static final byte TAG_RESPONSE = (byte) 0x75;
    public static final byte TAG_TRUNCATED_RESPONSE = (byte) 0x76;
    public static final byte TAG_HOTP_NO_RESPONSE = (byte) 0x77;
    public static final byte TAG_PROPERTY = (byte) 0x78;
    public static final byte TAG_VERSION = (byte) 0x79;
    public static final byte TAG_IMF = (byte) 0x7A;
    public static final byte TAG_ALGORITHM = (byte) 0x7B;
    public static final byte TAG_TOUCH_NO_RESPONSE = (byte) 0x7C;

    // BER length prefixes understood in commands.
    public static final byte LENGTH_ONE_BYTE_FOLLOWS = (byte) 0x81;
    public static final byte LENGTH_TWO_BYTES_FOLLOW = (byte) 0x82;
    public static final short LENGTH_SHORT_FORM_MAX = (short) 0x7F;

    // Type/algorithm byte: high nibble type, low nibble hash (spec §3).
    public static final byte TYPE_MASK = (byte) 0xF0;
    public static final byte ALGORITHM_MASK = (byte) 0x0F;
    public static final byte TYPE_HOTP = (byte) 0x10;
    public static final byte TYPE_TOTP = (byte) 0x20;
    public static final byte ALG_SHA1 = (byte) 0x01;
    public static final byte ALG_SHA256 = (byte) 0x02;
    public static final byte ALG_SHA512 = (byte) 0x03;

    // Property bits (spec §3).
    public static final byte PROP_ONLY_INCREASING = (byte) 0x01;
    public static final byte PROP_REQUIRE_TOUCH = (byte) 0x02;
    public static final byte PROP_KNOWN_BITS = (byte) 0x03;

    // Limits.
    public static final short MAX_ID_LENGTH = (short) 64;
    public static final short MAX_CHALLENGE_LENGTH = (short) 64;
    public static final short MIN_DIGITS = (short) 6;
    public static final short MAX_DIGITS = (short) 8;
    public static final short IMF_LENGTH = (short) 4;
    public static final short SALT_LENGTH = (short) 8;
    public static final short SELECT_CHALLENGE_LENGTH = (short) 8;
    public static final short MIN_HOST_CHALLENGE_LENGTH = (short) 8;
    public static final short VERSION_LENGTH = (short) 3;
    public static final short TRUNCATED_LENGTH = (short) 4;
    public static final short DEFAULT_CAPACITY = (short) 32;
    /** Slot indexes are stored in one byte, 0xFF meaning "none": at most 254 credentials. */
    public static final short MAX_CAPACITY = (short) 254;
    /** The largest chunk of response data sent before {@code 61xx} (ykman 4.0.9/5.x verified with 255). */
    public static final short MAX_CHUNK = (short) 255;

    // Status words beyond javacard.framework.ISO7816 (spec §9).
    public static final short SW_MORE_DATA = (short) 0x6100;
    public static final short SW_GENERIC_ERROR = (short) 0x6581;
    public static final short SW_NO_SUCH_OBJECT = (short) 0x6984;
    public static final short SW_WRONG_P1P2 = (short) 0x6B00;

    // Management applet (DeviceInfo TLV tags, read from yubikit's management module documentation).
    public static final byte MGMT_TAG_USB_SUPPORTED = (byte) 0x01;
    public static final byte MGMT_TAG_SERIAL = (byte) 0x02;
    public static final byte MGMT_TAG_USB_ENABLED = (byte) 0x03;
    public static final byte MGMT_TAG_FORM_FACTOR = (byte) 0x04;
    public static final byte MGMT_TAG_VERSION = (byte) 0x05;
    public static final byte MGMT_TAG_DEVICE_FLAGS = (byte) 0x08;
    public static final byte MGMT_TAG_CONFIG_LOCK = (byte) 0x0A;
    public static final byte MGMT_TAG_NFC_SUPPORTED = (byte) 0x0D;
    public static final byte MGMT_TAG_NFC_ENABLED = (byte) 0x0E;
    /** OTP|U2F|OPENPGP|PIV|OATH|FIDO2: what a YubiKey 5 NFC supports. */
    public static final short CAPABILITIES_YUBIKEY_5 = (short) 0x023F;
    /** Only OATH answers on the simulated key, so only OATH is reported enabled. */
    public static final short CAPABILITY_OATH = (short) 0x0020;
    public static final byte FORM_FACTOR_USB_A_KEYCHAIN = (byte) 0x01;
    public static final short SERIAL_LENGTH = (short) 4;
}
