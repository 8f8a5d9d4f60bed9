package dev.ykmfa.sim;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;

/** Raw YKOATH APDU helpers for applet-level tests (independent of the protocol module's codec). */
final class Apdus {
    static final HexFormat HEX = HexFormat.of().withUpperCase();

    private Apdus() {
    }

    static byte[] hex(String s) {
        return HEX.parseHex(s.replace(" ", ""));
    }

    static String hex(byte[] b) {
        return HEX.formatHex(b);
    }

    static int sw(byte[] response) {
        return ((response[response.length - 2] & 0xFF) << 8) | (response[response.length - 1] & 0xFF);
    }

    static byte[] data(byte[] response) {
        return Arrays.copyOf(response, response.length - 2);
    }

    static byte[] apdu(int ins, int p1, int p2, byte[] data) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(0);
        out.write(ins);
        out.write(p1);
        out.write(p2);
        if (data.length > 0) {
            out.write(data.length);
            out.writeBytes(data);
        }
        return out.toByteArray();
    }

    static byte[] tlv(int tag, byte[] value) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(tag);
        if (value.length > 0x7F) {
            out.write(0x81);
        }
        out.write(value.length);
        out.writeBytes(value);
        return out.toByteArray();
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    static byte[] selectOath() {
        return hex("00A4040007A0000005272101");
    }

    static byte[] put(String id, int typeAlg, int digits, byte[] key, boolean touch, Integer imf) {
        byte[] keyTlv = tlv(0x73, concat(new byte[] {(byte) typeAlg, (byte) digits}, key));
        byte[] props = touch ? new byte[] {0x78, 0x02} : new byte[0];
        byte[] imfTlv = imf == null ? new byte[0]
                : tlv(0x7A, new byte[] {(byte) (imf >> 24), (byte) (imf >> 16), (byte) (imf >> 8), (byte) (int) imf});
        return apdu(0x01, 0, 0, concat(tlv(0x71, utf8(id)), keyTlv, props, imfTlv));
    }

    static byte[] calculate(String id, byte[] challenge, boolean truncated) {
        return apdu(0xA2, 0, truncated ? 1 : 0, concat(tlv(0x71, utf8(id)), tlv(0x74, challenge)));
    }

    static byte[] step(long t) {
        byte[] b = new byte[8];
        for (int i = 7; i >= 0; i--) {
            b[i] = (byte) t;
            t >>>= 8;
        }
        return b;
    }

    /** Sends a command and follows 61xx with SEND REMAINING; returns data + final SW. */
    static byte[] transceive(SimulatedYubiKey key, byte[] apdu) {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        byte[] r = key.transmit(apdu);
        while ((sw(r) >> 8) == 0x61) {
            all.writeBytes(data(r));
            r = key.transmit(hex("00A50000"));
        }
        all.writeBytes(r);
        return all.toByteArray();
    }
}
