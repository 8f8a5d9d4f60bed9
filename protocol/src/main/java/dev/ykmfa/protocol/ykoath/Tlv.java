package dev.ykmfa.protocol.ykoath;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * One BER-TLV item as YKOATH uses it ({@code spec/ykoath.md} §2): a one-byte tag, a length in one byte
 * ({@code 00–7F}), {@code 81 nn} or {@code 82 nn nn}, then the value. Immutable.
 *
 * <p>The PUT property item ({@code 78 <byte>}, no length) is not a TLV and is written by {@link PutCommand}
 * itself; responses never contain it.
 *
 * <pre>{@code
 * byte[] bytes = Tlv.encodeAll(List.of(Tlv.of(0x71, id), Tlv.of(0x74, challenge)));
 * List<Tlv> items = Tlv.decodeAll(bytes);
 * }</pre>
 */
public final class Tlv {
    private static final int LONG_FORM_ONE_BYTE = 0x81;
    private static final int LONG_FORM_TWO_BYTES = 0x82;
    private static final int SHORT_FORM_MAX = 0x7F;
    private static final int ONE_BYTE_MAX = 0xFF;

    private final int tag;
    private final byte[] value;

    private Tlv(int tag, byte[] value) {
        if (tag < 0 || tag > ONE_BYTE_MAX) {
            throw new IllegalArgumentException("a YKOATH tag is one byte, not " + tag);
        }
        if (value.length > OathConstants.MAX_TLV_LENGTH) {
            throw new IllegalArgumentException("a TLV value holds at most " + OathConstants.MAX_TLV_LENGTH
                    + " bytes, not " + value.length);
        }
        this.tag = tag;
        this.value = value;
    }

    /**
     * @param tag the tag byte, 0–255
     * @param value the value (copied)
     * @return the item
     */
    public static Tlv of(int tag, byte[] value) {
        return new Tlv(tag, Objects.requireNonNull(value, "value").clone());
    }

    /** @return the tag byte */
    public int tag() {
        return tag;
    }

    /** @return a copy of the value */
    public byte[] value() {
        return value.clone();
    }

    /** @return the value length */
    public int length() {
        return value.length;
    }

    /** @return tag, length and value as bytes */
    public byte[] encode() {
        ByteArrayOutputStream out = new ByteArrayOutputStream(value.length + 4);
        writeTo(out);
        return out.toByteArray();
    }

    void writeTo(ByteArrayOutputStream out) {
        out.write(tag);
        int n = value.length;
        if (n <= SHORT_FORM_MAX) {
            out.write(n);
        } else if (n <= ONE_BYTE_MAX) {
            out.write(LONG_FORM_ONE_BYTE);
            out.write(n);
        } else {
            out.write(LONG_FORM_TWO_BYTES);
            out.write(n >>> 8);
            out.write(n & ONE_BYTE_MAX);
        }
        out.writeBytes(value);
    }

    /**
     * @param items the items, in order
     * @return their encodings, concatenated
     */
    public static byte[] encodeAll(List<Tlv> items) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Tlv t : items) {
            t.writeTo(out);
        }
        return out.toByteArray();
    }

    /**
     * Decodes a sequence of items that fills {@code data} exactly.
     *
     * @param data the encoded items
     * @return the items in order
     * @throws IllegalArgumentException if a length form is unsupported or an item runs past the end, naming the
     *     offset
     */
    public static List<Tlv> decodeAll(byte[] data) {
        List<Tlv> items = new ArrayList<>();
        int pos = 0;
        while (pos < data.length) {
            int tag = data[pos] & ONE_BYTE_MAX;
            int start = pos;
            pos++;
            if (pos >= data.length) {
                throw truncated(tag, start);
            }
            int first = data[pos++] & ONE_BYTE_MAX;
            int length;
            if (first <= SHORT_FORM_MAX) {
                length = first;
            } else if (first == LONG_FORM_ONE_BYTE) {
                if (pos + 1 > data.length) {
                    throw truncated(tag, start);
                }
                length = data[pos++] & ONE_BYTE_MAX;
            } else if (first == LONG_FORM_TWO_BYTES) {
                if (pos + 2 > data.length) {
                    throw truncated(tag, start);
                }
                length = ((data[pos] & ONE_BYTE_MAX) << 8) | (data[pos + 1] & ONE_BYTE_MAX);
                pos += 2;
            } else {
                throw new IllegalArgumentException(String.format(
                        "TLV with tag %02X at offset %d has length byte %02X: YKOATH uses only 00-7F, 81 nn and 82 nn nn",
                        tag, start, first));
            }
            if (pos + length > data.length) {
                throw truncated(tag, start);
            }
            items.add(new Tlv(tag, Arrays.copyOfRange(data, pos, pos + length)));
            pos += length;
        }
        return items;
    }

    private static IllegalArgumentException truncated(int tag, int offset) {
        return new IllegalArgumentException(String.format(
                "TLV with tag %02X at offset %d runs past the end of the data: the response is truncated or corrupt",
                tag, offset));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Tlv && ((Tlv) o).tag == tag && Arrays.equals(((Tlv) o).value, value);
    }

    @Override
    public int hashCode() {
        return 31 * tag + Arrays.hashCode(value);
    }

    /** Shows tag and length only: values may be keys or password responses. */
    @Override
    public String toString() {
        return String.format("Tlv[%02X, %d bytes]", tag, value.length);
    }
}
