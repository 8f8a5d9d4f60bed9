package dev.ykmfa.protocol.otp;

import java.io.ByteArrayOutputStream;

/**
 * Base32 as RFC 4648 §6 defines it (alphabet {@code A–Z 2–7}), the encoding of OATH secrets in
 * {@code otpauth://} URIs, in AWS's {@code Base32StringSeed} and on the {@code ykman oath accounts add} command line.
 *
 * <p>Decoding is tolerant of what people paste: lower case, spaces, hyphens and missing or partial {@code =}
 * padding. Anything else is refused with an {@link IllegalArgumentException} that names the offending character's
 * position and the character itself, never the rest of the (secret) input.
 */
public final class Base32 {
    private static final char[] ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567".toCharArray();
    private static final int[] VALUES = new int[128];

    static {
        java.util.Arrays.fill(VALUES, -1);
        for (int i = 0; i < ALPHABET.length; i++) {
            VALUES[ALPHABET[i]] = i;
            VALUES[Character.toLowerCase(ALPHABET[i])] = i;
        }
    }

    private Base32() {
    }

    /**
     * Encodes bytes with {@code =} padding to a multiple of 8 characters (RFC 4648 §6).
     *
     * @param data the bytes
     * @return the Base32 text
     */
    public static String encode(byte[] data) {
        return encode(data, true);
    }

    /**
     * Encodes bytes, with or without the trailing {@code =} padding (authenticator apps and AWS omit it).
     *
     * @param data the bytes
     * @param padding whether to pad to a multiple of 8 characters
     * @return the Base32 text
     */
    public static String encode(byte[] data, boolean padding) {
        StringBuilder out = new StringBuilder((data.length + 4) / 5 * 8);
        int buffer = 0;
        int bits = 0;
        for (byte b : data) {
            buffer = (buffer << 8) | (b & 0xff);
            bits += 8;
            while (bits >= 5) {
                out.append(ALPHABET[(buffer >>> (bits - 5)) & 0x1f]);
                bits -= 5;
            }
        }
        if (bits > 0) {
            out.append(ALPHABET[(buffer << (5 - bits)) & 0x1f]);
        }
        if (padding) {
            while (out.length() % 8 != 0) {
                out.append('=');
            }
        }
        return out.toString();
    }

    /**
     * Decodes Base32 text.
     *
     * @param text the text; case, spaces, hyphens and padding are forgiven
     * @return the bytes
     * @throws IllegalArgumentException naming the position and character of the first invalid character, or saying
     *     that the length cannot be valid Base32
     */
    public static byte[] decode(CharSequence text) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(text.length() * 5 / 8);
        int buffer = 0;
        int bits = 0;
        int symbols = 0;
        boolean inPadding = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == ' ' || c == '-' || c == '\t') {
                continue;
            }
            if (c == '=') {
                inPadding = true;
                continue;
            }
            int v = c < 128 ? VALUES[c] : -1;
            if (v < 0 || inPadding) {
                throw new IllegalArgumentException("invalid Base32 at position " + (i + 1) + ": "
                        + describe(c) + (inPadding && v >= 0 ? " after '=' padding" : "")
                        + "; Base32 uses only the letters A-Z and the digits 2-7");
            }
            buffer = (buffer << 5) | v;
            bits += 5;
            symbols++;
            if (bits >= 8) {
                out.write((buffer >>> (bits - 8)) & 0xff);
                bits -= 8;
            }
        }
        int rest = symbols % 8;
        if (rest == 1 || rest == 3 || rest == 6) {
            throw new IllegalArgumentException("invalid Base32: " + symbols + " symbols cannot encode whole bytes"
                    + " (a group of 8 symbols may end after 2, 4, 5 or 7); check that the secret was copied whole");
        }
        return out.toByteArray();
    }

    private static String describe(char c) {
        if (c >= 0x21 && c < 0x7f) {
            return "'" + c + "'";
        }
        return String.format("U+%04X", (int) c);
    }
}
