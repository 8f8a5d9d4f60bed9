package dev.ykmfa.conformance.key;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ykmfa.protocol.ykoath.CredentialData;
import dev.ykmfa.protocol.ykoath.CredentialId;
import dev.ykmfa.protocol.ykoath.DeleteCommand;
import dev.ykmfa.protocol.ykoath.OathType;
import dev.ykmfa.protocol.ykoath.PutCommand;
import dev.ykmfa.protocol.ykoath.RenameCommand;
import dev.ykmfa.protocol.ykoath.ResetCommand;
import dev.ykmfa.protocol.ykoath.SetCodeCommand;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The hardware safety net refuses, before the key sees it, every write outside the suite's prefix. */
class GuardedTransportTest {
    private static final byte[] SECRET = "guard-test-secret".getBytes(StandardCharsets.US_ASCII);
    private static final CredentialId OURS = CredentialId.of(null, "ykmfa-conformance/x", OathType.TOTP, 30);
    private static final CredentialId OURS_60 = CredentialId.of(null, "ykmfa-conformance/y", OathType.TOTP, 60);
    private static final CredentialId OWNERS = CredentialId.of("Amazon Web Services", "arn:aws:iam::1:mfa/me",
            OathType.TOTP, 30);

    @Test
    void put_ofTheOwnersCredential_isRefused() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> GuardedTransport.check(
                new PutCommand(CredentialData.builder(OWNERS, SECRET).build()).toApdu(), true));
        assertTrue(e.getMessage().contains("ykmfa-conformance/"), e.getMessage());
    }

    @Test
    void putAndDelete_underThePrefix_passEvenWithAPeriodPrefix() {
        assertDoesNotThrow(() -> GuardedTransport.check(new PutCommand(CredentialData.builder(OURS, SECRET)
                .build()).toApdu(), false));
        assertDoesNotThrow(() -> GuardedTransport.check(new PutCommand(CredentialData.builder(OURS_60, SECRET)
                .build()).toApdu(), false));
        assertDoesNotThrow(() -> GuardedTransport.check(new DeleteCommand(OURS).toApdu(), false));
    }

    @Test
    void delete_ofTheOwnersCredential_isRefused() {
        assertThrows(IllegalStateException.class, () -> GuardedTransport.check(new DeleteCommand(OWNERS).toApdu(),
                true));
    }

    @Test
    void rename_toOrFromOutsideThePrefix_isRefused() {
        assertThrows(IllegalStateException.class, () -> GuardedTransport.check(new RenameCommand(OURS, OWNERS)
                .toApdu(), true));
        assertThrows(IllegalStateException.class, () -> GuardedTransport.check(new RenameCommand(OWNERS, OURS)
                .toApdu(), true));
        assertDoesNotThrow(() -> GuardedTransport.check(new RenameCommand(OURS, OURS_60).toApdu(), false));
    }

    @Test
    void resetAndSetCode_passOnlyWhenDestructiveTestsAreAllowed() {
        assertThrows(IllegalStateException.class, () -> GuardedTransport.check(ResetCommand.INSTANCE.toApdu(),
                false));
        assertThrows(IllegalStateException.class, () -> GuardedTransport.check(SetCodeCommand.remove().toApdu(),
                false));
        assertDoesNotThrow(() -> GuardedTransport.check(ResetCommand.INSTANCE.toApdu(), true));
        assertDoesNotThrow(() -> GuardedTransport.check(SetCodeCommand.remove().toApdu(), true));
    }
}
