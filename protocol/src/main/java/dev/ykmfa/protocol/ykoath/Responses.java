package dev.ykmfa.protocol.ykoath;

import java.util.List;

/** Helpers shared by the response parsers: TLV decoding with YKOATH-specific errors. */
final class Responses {
    private Responses() {
    }

    static List<Tlv> decode(byte[] data, String command) {
        try {
            return Tlv.decodeAll(data);
        } catch (IllegalArgumentException e) {
            throw new MalformedResponseException("the " + command + " response is not valid TLV: " + e.getMessage(),
                    OathConstants.SW_SUCCESS);
        }
    }

    static byte[] find(List<Tlv> items, int tag) {
        for (Tlv t : items) {
            if (t.tag() == tag) {
                return t.value();
            }
        }
        return null;
    }

    static byte[] require(List<Tlv> items, int tag, String command) {
        byte[] v = find(items, tag);
        if (v == null) {
            throw new MalformedResponseException(String.format("the %s response lacks tag %02X", command, tag),
                    OathConstants.SW_SUCCESS);
        }
        return v;
    }

    static MalformedResponseException malformed(String message) {
        return new MalformedResponseException(message, OathConstants.SW_SUCCESS);
    }
}
