package dev.ykmfa.aws;

import dev.ykmfa.protocol.ykoath.CalculateAllEntry;
import dev.ykmfa.protocol.ykoath.CredentialId;
import dev.ykmfa.protocol.ykoath.OathSession;
import dev.ykmfa.protocol.ykoath.OathType;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;

/**
 * MFA codes from a YubiKey: the TOTP credential named after the MFA device ARN (or an explicit name, see
 * {@link Builder#credentialName}), calculated for an explicit time. Before a calculation that needs a touch it shows
 * "Touch your YubiKey…" through the {@link UserInteraction} (stderr/terminal, never stdout); whether a credential
 * needs a touch is learned once per credential from CALCULATE ALL.
 */
public final class YubiKeyMfaCodeSource implements MfaCodeSource {
    /** The touch prompt. */
    public static final String TOUCH_PROMPT = "Touch your YubiKey…";

    private final OathSession session;
    private final UserInteraction interaction;
    private final UnaryOperator<String> credentialName;
    private final Map<String, Boolean> touchRequired = new ConcurrentHashMap<>();

    private YubiKeyMfaCodeSource(Builder b) {
        this.session = Objects.requireNonNull(b.session, "oathSession");
        this.interaction = b.interaction;
        this.credentialName = b.credentialName;
    }

    /** @return a builder */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public synchronized String code(String serialNumber, Instant time) {
        String name = credentialName.apply(serialNumber);
        CredentialId id = CredentialId.of(null, name, OathType.TOTP,
                (int) AwsFlowConstants.TOTP_PERIOD.getSeconds());
        if (touchRequired.computeIfAbsent(name, n -> needsTouch(id, time))) {
            interaction.notice(TOUCH_PROMPT);
        }
        return session.calculate(id, time).value();
    }

    private boolean needsTouch(CredentialId id, Instant time) {
        byte[] wanted = id.toBytes();
        for (CalculateAllEntry entry : session.calculateAll(time)) {
            if (Arrays.equals(entry.id().toBytes(), wanted)) {
                return entry.touchRequired();
            }
        }
        throw new AwsFlowException("This YubiKey has no OATH credential '" + new String(wanted,
                StandardCharsets.UTF_8) + "': enroll it first (ykmfa enroll) or name the credential that holds the "
                + "device's seed.");
    }

    @Override
    public String toString() {
        return "YubiKeyMfaCodeSource{" + session + "}";
    }

    /** Builds a {@link YubiKeyMfaCodeSource}. */
    public static final class Builder {
        private OathSession session;
        private UserInteraction interaction = UserInteraction.terminal();
        private UnaryOperator<String> credentialName = UnaryOperator.identity();

        private Builder() {
        }

        /**

         * @param session an open, unlocked OATH session (required)

         * @return this

         */
        public Builder oathSession(OathSession session) {
            this.session = session;
            return this;
        }

        /**

         * @param interaction where the touch prompt goes; default {@link UserInteraction#terminal()}

         * @return this

         */
        public Builder interaction(UserInteraction interaction) {
            this.interaction = Objects.requireNonNull(interaction, "interaction");
            return this;
        }

        /**
         * @param name the credential on the key for every serial number; default the serial number (MFA ARN) itself
         * @return this
         */
        public Builder credentialName(String name) {
            this.credentialName = name == null ? UnaryOperator.identity() : serial -> name;
            return this;
        }

        /** @return the code source */
        public YubiKeyMfaCodeSource build() {
            return new YubiKeyMfaCodeSource(this);
        }
    }
}
