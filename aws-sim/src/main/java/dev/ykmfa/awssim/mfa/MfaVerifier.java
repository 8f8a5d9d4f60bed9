package dev.ykmfa.awssim.mfa;

import dev.ykmfa.awssim.server.AwsConstants;
import dev.ykmfa.awssim.store.IamStore;
import dev.ykmfa.awssim.store.MfaDevice;
import dev.ykmfa.protocol.otp.Totp;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.util.OptionalLong;

/**
 * TOTP checks as AWS applies them to virtual MFA devices (spec §5): SHA-1, 6 digits, 30 s; sign-in accepts the
 * device's current step ± {@value AwsConstants#MFA_LOGIN_WINDOW} (shifted by the drift learnt at enable/resync);
 * a step once accepted, and every earlier one, is refused afterwards (one replay guard per device, shared by
 * every operation). Enable/Resync need two codes of consecutive steps.
 */
public final class MfaVerifier {
    private final IamStore store;
    private final Clock clock;

    /**
     * @param store state (told about consumed steps for persistence)
     * @param clock simulator clock
     */
    public MfaVerifier(IamStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /**
     * Verifies and consumes a sign-in code.
     *
     * @param device the device
     * @param code six digits
     * @return whether accepted (false for wrong, stale or replayed codes)
     */
    public boolean verify(MfaDevice device, String code) {
        Totp totp = device.totp();
        Instant center = clock.instant().plus(totp.period().multipliedBy(device.drift()));
        OptionalLong step = totp.verify(code, center, AwsConstants.MFA_LOGIN_WINDOW);
        if (step.isEmpty()) {
            return false;
        }
        if (!device.consumeStep(step.getAsLong())) {
            return false;
        }
        store.mutated();
        return true;
    }

    /** Outcome of a two-code synchronisation. */
    public record Sync(long drift, long lastStep) {
    }

    /**
     * Finds two consecutive steps matching the codes near now (without consuming anything).
     *
     * @param device the device
     * @param code1 the first code
     * @param code2 the next code
     * @return the learnt drift and the step of {@code code2}, or null when the codes are not consecutive valid codes
     */
    public Sync synchronize(MfaDevice device, String code1, String code2) {
        Totp totp = device.totp();
        long now = totp.timeStep(clock.instant());
        Sync found = null;
        for (long s = now - AwsConstants.MFA_SYNC_WINDOW; s <= now + AwsConstants.MFA_SYNC_WINDOW; s++) {
            boolean m = same(totp.generateStringAtStep(s), code1) & same(totp.generateStringAtStep(s + 1), code2);
            if (m && found == null && s + 1 > device.lastStep()) {
                long offset = s + 1 - now;
                found = new Sync(Math.abs(offset) <= AwsConstants.MFA_LOGIN_WINDOW ? 0 : offset, s + 1);
            }
        }
        return found;
    }

    private static boolean same(String a, String b) {
        return MessageDigest.isEqual(a.getBytes(StandardCharsets.US_ASCII), b.getBytes(StandardCharsets.US_ASCII));
    }
}
