package dev.ykmfa.sim;

/**
 * Identifiers and defaults of the simulated key: application ids, the ATR, vpcd defaults.
 * See {@code spec/ykoath.md} §1.1 and §13.
 */
public final class SimConstants {
    private SimConstants() {
    }

    /** YKOATH application id (7 bytes); a longer SELECT AID with this prefix also selects it. */
    public static final String OATH_AID = "A0000005272101";
    /** YubiKey management application id. */
    public static final String MANAGEMENT_AID = "A000000527471117";
    /**
     * A YubiKey NFC-style ATR (T0 high nibble 8, so ykman classifies the link as NFC and stays with short APDUs;
     * both ykman 4.0.9 and 5.x accept it, spec §13.1).
     */
    public static final String NFC_ATR = "3B8D80018073C021C057597562694B6579F9";
    /** Default firmware version reported by SELECT and by the management applet (enables every OATH feature). */
    public static final int[] DEFAULT_FIRMWARE = {5, 4, 3};
    /** Default serial number. */
    public static final int DEFAULT_SERIAL = 12345678;
    /** Credential slots of a YubiKey 5 before firmware 5.7. */
    public static final int DEFAULT_CAPACITY = 32;
    /** The most credentials the applet can be installed with (slot indexes are one byte). */
    public static final int MAX_CAPACITY = 254;

    /** vpcd listens here for virtual cards by default (reader slot 0 = "Virtual PCD 00 00"). */
    public static final String VPCD_DEFAULT_HOST = "127.0.0.1";
    /** vpcd's first slot port; slot n listens on this port + n. */
    public static final int VPCD_DEFAULT_PORT = 35963;
    /** The reader name pcscd gives vpcd's slots, followed by the slot number. */
    public static final String VPCD_READER_PREFIX = "Virtual PCD 00 0";

    // ISO 7816 status words used by the simulator layer.
    static final int SW_FILE_NOT_FOUND = 0x6A82;
    static final int SW_WRONG_LENGTH = 0x6700;
    static final int SELECT_CLA = 0x00;
    static final int SELECT_INS = 0xA4;
    static final int SELECT_BY_NAME = 0x04;
    static final int MIN_PARTIAL_AID = 5;
    static final int HEADER_LENGTH = 4;
    static final int OFFSET_LC = 4;
    static final int OFFSET_DATA = 5;
}
