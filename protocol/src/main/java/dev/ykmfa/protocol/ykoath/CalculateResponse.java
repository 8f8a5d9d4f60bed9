package dev.ykmfa.protocol.ykoath;

import dev.ykmfa.protocol.otp.Hotp;
import java.util.Arrays;
import java.util.List;

/**
 * The answer to CALCULATE ({@code spec/ykoath.md} §4.7, §5.2): {@code 76 05 <digits> <4 bytes>} (truncated) or
 * {@code 75 <1+h> <digits> <HMAC>} (full). Also the value part of a CALCULATE ALL pair.
 *
 * <p>{@link #code()} applies the host rule that works on every device family (pitfall 7):
 * {@code (uint32 & 0x7fffffff) mod 10^digits}, zero-padded; for a full response it applies dynamic truncation first.
 */
public final class CalculateResponse {
    private static final int TOP_BIT_MASK = 0x7fffffff;
    private static final int DECIMAL = 10;

    private final int tag;
    private final int digits;
    private final byte[] value;

    private CalculateResponse(int tag, int digits, byte[] value) {
        this.tag = tag;
        this.digits = digits;
        this.value = value;
    }

    /**
     * @param data the response data of CALCULATE
     * @return the parsed response
     * @throws MalformedResponseException when neither {@code 75} nor {@code 76} is present
     */
    public static CalculateResponse parse(byte[] data) {
        List<Tlv> items = Responses.decode(data, "CALCULATE");
        if (items.size() != 1) {
            throw Responses.malformed("the CALCULATE response should hold one TLV, not " + items.size());
        }
        return of(items.get(0));
    }

    static CalculateResponse of(Tlv item) {
        byte[] v = item.value();
        if (item.tag() == OathConstants.TAG_TRUNCATED_RESPONSE) {
            if (v.length != 1 + OathConstants.TRUNCATED_VALUE_LENGTH) {
                throw Responses.malformed("a truncated response (tag 76) has 5 bytes, not " + v.length);
            }
        } else if (item.tag() == OathConstants.TAG_RESPONSE) {
            if (v.length < 1 + OathConstants.TRUNCATED_VALUE_LENGTH) {
                throw Responses.malformed("a full response (tag 75) is too short: " + v.length + " bytes");
            }
        } else {
            throw Responses.malformed(String.format("expected a response tag 75 or 76, got %02X", item.tag()));
        }
        return new CalculateResponse(item.tag(), v[0] & 0xff, Arrays.copyOfRange(v, 1, v.length));
    }

    /** @return whether the card sent the truncated 4-byte value (tag {@code 76}) */
    public boolean truncated() {
        return tag == OathConstants.TAG_TRUNCATED_RESPONSE;
    }

    /** @return the number of digits the card stores for the credential */
    public int digits() {
        return digits;
    }

    /** @return a copy of the value after the digits byte: 4 bytes, or the full HMAC */
    public byte[] value() {
        return value.clone();
    }

    /** @return the code, {@code (value & 0x7fffffff) mod 10^digits}, zero-padded to {@link #digits()} */
    public String code() {
        int v = truncated() ? java.nio.ByteBuffer.wrap(value).getInt() : Hotp.truncate(value);
        long modulus = 1;
        for (int i = 0; i < digits; i++) {
            modulus *= DECIMAL;
        }
        long code = (v & TOP_BIT_MASK) % modulus;
        StringBuilder sb = new StringBuilder(Long.toString(code));
        while (sb.length() < digits) {
            sb.insert(0, '0');
        }
        return sb.toString();
    }

    @Override
    public String toString() {
        return "CalculateResponse[" + (truncated() ? "truncated" : "full") + ", " + digits + " digits]";
    }
}
