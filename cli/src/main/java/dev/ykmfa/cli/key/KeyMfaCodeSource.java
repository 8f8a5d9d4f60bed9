package dev.ykmfa.cli.key;

import dev.ykmfa.aws.MfaCodeSource;
import dev.ykmfa.cli.CliException;
import dev.ykmfa.cli.DebugLog;
import dev.ykmfa.protocol.ykoath.CalculateAllEntry;
import dev.ykmfa.protocol.ykoath.Code;
import dev.ykmfa.protocol.ykoath.OathType;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * MFA codes from the key: the TOTP credential whose id is the MFA device ARN (as the blog's
 * {@code ykman oath add -t <ARN> <SECRET>} stores it). For a touch credential "Touch your YubiKey…" goes to the
 * terminal (stderr) before the key waits for the touch. Each code opens and closes its own session, so the reader is
 * held only while a code is read.
 */
public final class KeyMfaCodeSource implements MfaCodeSource {
    /** What the user sees before the key blinks. */
    public static final String TOUCH_PROMPT = "Touch your YubiKey…";

    private final KeyAccess access;
    private final String credentialName;
    private final DebugLog log;

    /**
     * @param access how to open and unlock the key
     * @param credentialName the credential to read, or null to use the MFA serial number given with each request
     * @param log debug lines
     */
    public KeyMfaCodeSource(KeyAccess access, String credentialName, DebugLog log) {
        this.access = Objects.requireNonNull(access, "access");
        this.credentialName = credentialName;
        this.log = Objects.requireNonNull(log, "log");
    }

    @Override
    public String code(String serialNumber, Instant time) {
        String name = credentialName != null ? credentialName : serialNumber;
        try (KeyAccess.OpenKey key = access.openUnlocked()) {
            List<CalculateAllEntry> all = key.session().calculateAll(time);
            List<CalculateAllEntry> exact = all.stream()
                    .filter(e -> e.id().type() == OathType.TOTP && CredentialMatcher.isExact(e.id(), name))
                    .collect(Collectors.toList());
            if (exact.isEmpty()) {
                throw new CliException("the key in '" + key.readerName() + "' has no TOTP credential named '" + name
                        + "': program it with `ykmfa enroll` (admin) or `ykmfa add " + name + " <SECRET>`, or pick"
                        + " the right key with --reader");
            }
            CalculateAllEntry entry = exact.get(0);
            if (entry.code().isPresent()) {
                log.debug(() -> "read the code of '" + name + "' for " + time);
                return entry.code().get().value();
            }
            if (entry.touchRequired()) {
                access.interaction().notice(TOUCH_PROMPT);
            }
            Code code = key.session().calculate(entry.id(), time);
            log.debug(() -> "read the code of '" + name + "' for " + time + " (touch credential)");
            return code.value();
        }
    }

    @Override
    public String toString() {
        return "KeyMfaCodeSource[" + access.connector() + "]";
    }
}
