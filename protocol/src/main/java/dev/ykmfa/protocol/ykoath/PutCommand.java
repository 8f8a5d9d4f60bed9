package dev.ykmfa.protocol.ykoath;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.Objects;

/**
 * PUT: add or overwrite a credential ({@code spec/ykoath.md} §4.1). Data: {@code 71 id}, {@code 73 (type|alg)
 * digits key}, then {@code 78 02} (property byte, no length: pitfall 2) when touch is required, then
 * {@code 7A 04 <IMF big-endian>} for HOTP with a counter above 0.
 */
public final class PutCommand implements OathCommand {
    private final CredentialData data;

    /** @param data what to program */
    public PutCommand(CredentialData data) {
        this.data = Objects.requireNonNull(data, "data");
    }

    /** @return the credential data */
    public CredentialData data() {
        return data;
    }

    @Override
    public byte[] toApdu() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Tlv.of(OathConstants.TAG_NAME, data.id().toBytes()).writeTo(out);
        byte[] key = data.shapedKey();
        byte[] keyValue = new byte[2 + key.length];
        keyValue[0] = (byte) TypeByte.encode(data.id().type(), data.algorithm());
        keyValue[1] = (byte) data.digits();
        System.arraycopy(key, 0, keyValue, 2, key.length);
        Tlv.of(OathConstants.TAG_KEY, keyValue).writeTo(out);
        java.util.Arrays.fill(key, (byte) 0);
        java.util.Arrays.fill(keyValue, (byte) 0);
        if (data.touch()) {
            out.write(OathConstants.TAG_PROPERTY);
            out.write(OathConstants.PROPERTY_REQUIRE_TOUCH);
        }
        if (data.id().type() == OathType.HOTP && data.counter() > 0) {
            byte[] imf = ByteBuffer.allocate(OathConstants.IMF_LENGTH).putInt((int) data.counter()).array();
            Tlv.of(OathConstants.TAG_IMF, imf).writeTo(out);
        }
        return Apdus.withData(OathConstants.INS_PUT, 0, 0, out.toByteArray());
    }

    @Override
    public String name() {
        return "PUT";
    }

    @Override
    public String toString() {
        return "PutCommand[" + data + "]";
    }
}
