package dev.ykmfa.awssim.mfa;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ykmfa.awssim.MutableClock;
import dev.ykmfa.awssim.store.IamStore;
import dev.ykmfa.awssim.store.MfaDevice;
import dev.ykmfa.protocol.otp.Totp;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/** The replay guard agrees with a reference model: accept iff the step is in the window and newer than any accepted. */
class MfaReplayPropertiesTest {
    private static final Instant START = Instant.parse("2026-11-24T05:00:05Z");

    @Property(tries = 200)
    void acceptsExactlyFreshCodesInTheWindow(
            @ForAll @Size(max = 30) List<@IntRange(min = 0, max = 3) Integer> clockMoves,
            @ForAll @Size(max = 30) List<@IntRange(min = -3, max = 3) Integer> codeOffsets) {
        MutableClock clock = new MutableClock(START);
        IamStore store = new IamStore("123456789012", "aws", clock);
        MfaVerifier mfa = new MfaVerifier(store, clock);
        byte[] seed = "property-seed-0123456".getBytes(StandardCharsets.US_ASCII);
        store.createUser("u", "/");
        MfaDevice d = store.createVirtualMfaDevice("u", "/", seed);
        store.enableMfaDeviceWithoutCodes("u", d.serial());
        Totp totp = Totp.builder(seed).build();
        long lastAccepted = Long.MIN_VALUE;
        int n = Math.min(clockMoves.size(), codeOffsets.size());
        for (int i = 0; i < n; i++) {
            clock.advance(Duration.ofSeconds(30L * clockMoves.get(i)));
            long now = totp.timeStep(clock.instant());
            long step = now + codeOffsets.get(i);
            String code = totp.generateStringAtStep(step);
            boolean inWindow = Math.abs(step - now) <= 1;
            // A different step can share the code (1 in 10^6): the model then accepts what the verifier matches.
            boolean expected = inWindow && step > lastAccepted;
            boolean actual = mfa.verify(d, code);
            if (expected != actual && !ambiguous(totp, code, now)) {
                assertEquals(expected, actual, "step " + step + " at " + now + ", last accepted " + lastAccepted);
            }
            if (actual) {
                lastAccepted = ambiguous(totp, code, now) ? d.lastStep() : step;
            }
        }
    }

    private static boolean ambiguous(Totp totp, String code, long now) {
        int matches = 0;
        for (long s = now - 3; s <= now + 3; s++) {
            if (totp.generateStringAtStep(s).equals(code)) {
                matches++;
            }
        }
        return matches > 1;
    }
}
