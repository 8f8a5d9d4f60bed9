package dev.ykmfa.protocol.ykoath;

import java.util.List;
import java.util.Objects;

/** RENAME ({@code spec/ykoath.md} §4.5, firmware 5.3.0+): data {@code 71 <old id>} {@code 71 <new id>}. */
public final class RenameCommand implements OathCommand {
    private final CredentialId from;
    private final CredentialId to;

    /**
     * @param from the current id
     * @param to the new id
     */
    public RenameCommand(CredentialId from, CredentialId to) {
        this.from = Objects.requireNonNull(from, "from");
        this.to = Objects.requireNonNull(to, "to");
    }

    @Override
    public byte[] toApdu() {
        return Apdus.withData(OathConstants.INS_RENAME, 0, 0, List.of(
                Tlv.of(OathConstants.TAG_NAME, from.toBytes()), Tlv.of(OathConstants.TAG_NAME, to.toBytes())));
    }

    @Override
    public String name() {
        return "RENAME";
    }
}
