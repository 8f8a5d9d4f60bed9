package dev.ykmfa.protocol.ykoath;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.util.HexFormat;

/** Test helpers for writing APDUs as readable hex. */
final class Hex {
    private static final HexFormat HEX = HexFormat.of().withUpperCase();

    private Hex() {
    }

    static String clean(String hex) {
        return hex.replaceAll("\\s+", "").toUpperCase();
    }

    static byte[] bytes(String hex) {
        return HEX.parseHex(clean(hex));
    }

    static String ascii(String text) {
        return HEX.formatHex(text.getBytes(UTF_8));
    }

    static String hex(byte[] b) {
        return HEX.formatHex(b);
    }
}
