package dev.ykmfa.protocol.ykoath;

import java.util.Arrays;

/** A response APDU split into data field and status word (SW1 SW2). Immutable. */
public final class ResponseApdu {
    private static final int SW_LENGTH = 2;
    private static final int BYTE_MASK = 0xff;
    private static final int BITS_PER_BYTE = 8;

    private final byte[] data;
    private final int statusWord;

    private ResponseApdu(byte[] data, int statusWord) {
        this.data = data;
        this.statusWord = statusWord;
    }

    /**
     * @param raw the bytes a transport returned: data then SW1 SW2
     * @return the split response
     * @throws MalformedResponseException if fewer than 2 bytes arrived
     */
    public static ResponseApdu parse(byte[] raw) {
        if (raw == null || raw.length < SW_LENGTH) {
            throw new MalformedResponseException("the card answered " + (raw == null ? "nothing" : raw.length + " byte(s)")
                    + " instead of a response with a status word: check the reader and the card", OathException.NO_STATUS_WORD);
        }
        int n = raw.length;
        return new ResponseApdu(Arrays.copyOf(raw, n - SW_LENGTH),
                ((raw[n - 2] & BYTE_MASK) << BITS_PER_BYTE) | (raw[n - 1] & BYTE_MASK));
    }

    /** @return a copy of the data field */
    public byte[] data() {
        return data.clone();
    }

    /** @return SW1 SW2 as an int, e.g. {@code 0x9000} */
    public int statusWord() {
        return statusWord;
    }

    /** @return SW1 */
    public int sw1() {
        return statusWord >>> BITS_PER_BYTE;
    }

    @Override
    public String toString() {
        return String.format("ResponseApdu[%d bytes, SW %04X]", data.length, statusWord);
    }
}
