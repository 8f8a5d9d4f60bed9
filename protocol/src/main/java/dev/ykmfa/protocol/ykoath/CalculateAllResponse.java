package dev.ykmfa.protocol.ykoath;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The CALCULATE ALL answer ({@code spec/ykoath.md} §4.9): pairs of {@code 71 <id>} and one of {@code 76}/{@code 75}
 * (computed TOTP), {@code 77 01 <digits>} (HOTP, not computed) or {@code 7C 01 <digits>} (touch required).
 */
public final class CalculateAllResponse {
    private CalculateAllResponse() {
    }

    /** One pair of the answer. */
    public static final class Item {
        private final CredentialId id;
        private final int digits;
        private final CalculateResponse response;
        private final boolean touchRequired;

        Item(CredentialId id, int digits, CalculateResponse response, boolean touchRequired) {
            this.id = id;
            this.digits = digits;
            this.response = response;
            this.touchRequired = touchRequired;
        }

        /** @return the id (HOTP when the tag was {@code 77}, else TOTP, parsed with ykman's rules) */
        public CredentialId id() {
            return id;
        }

        /** @return the credential's number of digits */
        public int digits() {
            return digits;
        }

        /** @return the computed value, when the card computed one */
        public Optional<CalculateResponse> response() {
            return Optional.ofNullable(response);
        }

        /** @return whether the tag was {@code 7C} */
        public boolean touchRequired() {
            return touchRequired;
        }

        /** @return whether the tag was {@code 77} */
        public boolean hotp() {
            return id.type() == OathType.HOTP;
        }

        @Override
        public String toString() {
            return "Item[" + id.formatted() + (response != null ? ", computed" : touchRequired ? ", touch" : ", HOTP")
                    + "]";
        }
    }

    /**
     * @param data the complete (re-chained) response data
     * @return the pairs in card order
     * @throws MalformedResponseException when the pairs are incomplete or carry unknown tags
     */
    public static List<Item> parse(byte[] data) {
        List<Tlv> items = Responses.decode(data, "CALCULATE ALL");
        if (items.size() % 2 != 0) {
            throw Responses.malformed("the CALCULATE ALL response has an odd number of TLVs: a name lacks its value");
        }
        List<Item> out = new ArrayList<>(items.size() / 2);
        for (int i = 0; i < items.size(); i += 2) {
            Tlv name = items.get(i);
            Tlv value = items.get(i + 1);
            if (name.tag() != OathConstants.TAG_NAME) {
                throw Responses.malformed(String.format("CALCULATE ALL: expected tag 71 at pair %d, got %02X",
                        i / 2, name.tag()));
            }
            byte[] v = value.value();
            switch (value.tag()) {
                case OathConstants.TAG_HOTP:
                case OathConstants.TAG_TOUCH:
                    if (v.length != 1) {
                        throw Responses.malformed(String.format("CALCULATE ALL: tag %02X carries one digits byte, not %d",
                                value.tag(), v.length));
                    }
                    boolean hotp = value.tag() == OathConstants.TAG_HOTP;
                    out.add(new Item(parseId(name, hotp ? OathType.HOTP : OathType.TOTP), v[0] & 0xff, null, !hotp));
                    break;
                case OathConstants.TAG_RESPONSE:
                case OathConstants.TAG_TRUNCATED_RESPONSE:
                    CalculateResponse r = CalculateResponse.of(value);
                    out.add(new Item(parseId(name, OathType.TOTP), r.digits(), r, false));
                    break;
                default:
                    throw Responses.malformed(String.format("CALCULATE ALL: unknown value tag %02X", value.tag()));
            }
        }
        return out;
    }

    private static CredentialId parseId(Tlv name, OathType type) {
        Objects.requireNonNull(name);
        try {
            return CredentialId.parse(name.value(), type);
        } catch (IllegalArgumentException e) {
            throw Responses.malformed("CALCULATE ALL: bad credential id: " + e.getMessage());
        }
    }
}
