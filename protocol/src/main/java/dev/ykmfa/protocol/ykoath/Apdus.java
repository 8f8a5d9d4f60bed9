package dev.ykmfa.protocol.ykoath;

import java.io.ByteArrayOutputStream;
import java.util.List;

/** Builds short APDUs the way ykman 4.x does (spec §2): case 3 without Le when there is data, else case 2 or 1. */
final class Apdus {
    private static final int HEADER_LENGTH = 4;
    private static final int LE_ANY = 0x00;

    private Apdus() {
    }

    /** Case 3: CLA INS P1 P2 Lc data. */
    static byte[] withData(int ins, int p1, int p2, byte[] data) {
        if (data.length == 0 || data.length > OathConstants.MAX_SHORT_DATA) {
            throw new IllegalArgumentException("a short APDU carries 1 to " + OathConstants.MAX_SHORT_DATA
                    + " data bytes, not " + data.length);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(HEADER_LENGTH + 1 + data.length);
        out.write(OathConstants.CLA);
        out.write(ins);
        out.write(p1);
        out.write(p2);
        out.write(data.length);
        out.writeBytes(data);
        return out.toByteArray();
    }

    static byte[] withData(int ins, int p1, int p2, List<Tlv> items) {
        return withData(ins, p1, p2, Tlv.encodeAll(items));
    }

    /** Case 2 with Le = 00 (up to 256 bytes expected). */
    static byte[] expectingData(int ins, int p1, int p2) {
        return new byte[] {(byte) OathConstants.CLA, (byte) ins, (byte) p1, (byte) p2, LE_ANY};
    }

    /** Case 1: header only. */
    static byte[] headerOnly(int ins, int p1, int p2) {
        return new byte[] {(byte) OathConstants.CLA, (byte) ins, (byte) p1, (byte) p2};
    }
}
