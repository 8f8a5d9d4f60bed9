package dev.ykmfa.protocol.ykoath;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The LIST answer ({@code spec/ykoath.md} §4.6): repeated {@code 72 <L> <type|alg> <id>}, in the card's storage
 * order.
 */
public final class ListResponse {
    private ListResponse() {
    }

    /**
     * @param data the complete (re-chained) response data
     * @return the credentials
     * @throws MalformedResponseException on an unexpected tag or a bad type/algorithm byte
     */
    public static List<Credential> parse(byte[] data) {
        List<Credential> out = new ArrayList<>();
        for (Tlv t : Responses.decode(data, "LIST")) {
            if (t.tag() != OathConstants.TAG_NAME_LIST) {
                throw Responses.malformed(String.format("the LIST response holds tag %02X where 72 was expected", t.tag()));
            }
            byte[] v = t.value();
            if (v.length < 2) {
                throw Responses.malformed("a LIST entry is too short to hold a type byte and an id");
            }
            try {
                OathType type = OathType.fromByte(v[0]);
                CredentialId id = CredentialId.parse(Arrays.copyOfRange(v, 1, v.length), type);
                out.add(new Credential(id, TypeByte.algorithm(v[0])));
            } catch (IllegalArgumentException e) {
                throw Responses.malformed("bad LIST entry: " + e.getMessage());
            }
        }
        return out;
    }
}
