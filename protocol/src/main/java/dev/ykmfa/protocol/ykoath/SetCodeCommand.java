package dev.ykmfa.protocol.ykoath;

import java.util.List;

/**
 * SET CODE: set or remove the access key ({@code spec/ykoath.md} §4.3). Set: {@code 73 11 21 <key>},
 * {@code 74 08 <challenge>}, {@code 75 14 <HMAC-SHA1(key, challenge)>}. Remove: {@code 73 00}.
 */
public final class SetCodeCommand implements OathCommand {
    private final byte[] data;

    private SetCodeCommand(byte[] data) {
        this.data = data;
    }

    /**
     * @param accessKey the new access key (16 bytes from {@link OathPassword#deriveKey})
     * @param challenge a fresh random challenge the card answers to prove it stored the key
     * @return the command
     */
    public static SetCodeCommand set(byte[] accessKey, byte[] challenge) {
        byte[] keyValue = new byte[1 + accessKey.length];
        keyValue[0] = (byte) OathConstants.ACCESS_KEY_TYPE;
        System.arraycopy(accessKey, 0, keyValue, 1, accessKey.length);
        return new SetCodeCommand(Tlv.encodeAll(List.of(
                Tlv.of(OathConstants.TAG_KEY, keyValue),
                Tlv.of(OathConstants.TAG_CHALLENGE, challenge),
                Tlv.of(OathConstants.TAG_RESPONSE, OathPassword.response(accessKey, challenge)))));
    }

    /** @return the command that removes the access key */
    public static SetCodeCommand remove() {
        return new SetCodeCommand(Tlv.of(OathConstants.TAG_KEY, new byte[0]).encode());
    }

    @Override
    public byte[] toApdu() {
        return Apdus.withData(OathConstants.INS_SET_CODE, 0, 0, data);
    }

    @Override
    public String name() {
        return "SET CODE";
    }

    /** Hides the key. */
    @Override
    public String toString() {
        return "SetCodeCommand[" + data.length + " bytes]";
    }
}
