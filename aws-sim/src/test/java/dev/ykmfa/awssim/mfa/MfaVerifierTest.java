package dev.ykmfa.awssim.mfa;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ykmfa.awssim.store.IamStore;
import dev.ykmfa.awssim.store.MfaDevice;
import dev.ykmfa.protocol.otp.Totp;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class MfaVerifierTest {
    private static final Instant T = Instant.parse("2026-11-24T05:00:05Z");
    private final AtomicReference<Instant> now = new AtomicReference<>(T);
    private final Clock clock = new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now.get();
        }
    };
    private final IamStore store = new IamStore("123456789012", "aws", clock);
    private final MfaVerifier mfa = new MfaVerifier(store, clock);
    private final byte[] seed = "12345678901234567890".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    private final Totp totp = Totp.builder(seed).build();

    private MfaDevice device() {
        store.createUser("u", "/");
        MfaDevice d = store.createVirtualMfaDevice("u", "/", seed);
        store.enableMfaDeviceWithoutCodes("u", d.serial());
        return d;
    }

    private String code(int stepOffset) {
        return totp.generateString(T.plusSeconds(30L * stepOffset));
    }

    @Test
    void totp_isBuiltOnceAndSharedByEveryCheck() {
        MfaDevice d = device();
        Totp first = d.totp();
        assertTrue(mfa.verify(d, code(0)));
        assertSame(first, d.totp());
        assertEquals(totp.generateString(T), first.generateString(T));
    }

    @Test
    void verify_acceptsPreviousCurrentAndNextStep_only() {
        MfaDevice d = device();
        assertFalse(mfa.verify(d, code(-2)));
        assertTrue(mfa.verify(d, code(-1)));
        assertTrue(mfa.verify(d, code(0)));
        assertTrue(mfa.verify(d, code(1)));
        assertFalse(mfa.verify(d, code(2)));
    }

    @Test
    void verify_refusesReplay_andAnyOlderStepOnceANewerWasAccepted() {
        MfaDevice d = device();
        assertTrue(mfa.verify(d, code(0)));
        assertFalse(mfa.verify(d, code(0)), "same code again");
        assertFalse(mfa.verify(d, code(-1)), "older step");
        assertTrue(mfa.verify(d, code(1)));
    }

    @Test
    void synchronize_needsConsecutiveCodes_andLearnsLargeDrift() {
        MfaDevice d = device();
        assertNull(mfa.synchronize(d, code(-2), code(0)), "not consecutive");
        assertNull(mfa.synchronize(d, code(0), code(-1)), "wrong order");
        MfaVerifier.Sync inSync = mfa.synchronize(d, code(-1), code(0));
        assertEquals(0, inSync.drift());
        MfaVerifier.Sync ahead = mfa.synchronize(d, code(4), code(5));
        assertEquals(5, ahead.drift());
        assertEquals(totp.timeStep(T) + 5, ahead.lastStep());
    }

    @Test
    void verify_usesLearntDrift() {
        MfaDevice d = device();
        MfaVerifier.Sync s = mfa.synchronize(d, code(6), code(7));
        store.resync(d.serial(), s.drift(), s.lastStep());
        now.set(T.plusSeconds(60));
        assertTrue(mfa.verify(d, code(9)), "device clock 7 steps ahead");
        assertFalse(mfa.verify(d, code(2)), "our own clock's code is now outside the window");
    }
}
