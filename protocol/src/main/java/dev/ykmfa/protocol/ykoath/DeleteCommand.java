package dev.ykmfa.protocol.ykoath;

import java.util.List;
import java.util.Objects;

/** DELETE a credential ({@code spec/ykoath.md} §4.2): data {@code 71 id}. */
public final class DeleteCommand implements OathCommand {
    private final CredentialId id;

    /** @param id the credential to delete */
    public DeleteCommand(CredentialId id) {
        this.id = Objects.requireNonNull(id, "id");
    }

    @Override
    public byte[] toApdu() {
        return Apdus.withData(OathConstants.INS_DELETE, 0, 0, List.of(Tlv.of(OathConstants.TAG_NAME, id.toBytes())));
    }

    @Override
    public String name() {
        return "DELETE";
    }
}
