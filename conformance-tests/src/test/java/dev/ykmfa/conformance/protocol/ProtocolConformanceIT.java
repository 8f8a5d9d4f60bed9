package dev.ykmfa.conformance.protocol;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.ykmfa.conformance.Needs;
import dev.ykmfa.conformance.Suite;
import dev.ykmfa.conformance.key.KeyUnderTest;
import dev.ykmfa.conformance.key.PcscKey;
import dev.ykmfa.conformance.key.SimulatedKey;
import dev.ykmfa.protocol.otp.HashAlgorithm;
import dev.ykmfa.protocol.transport.ApduTransport;
import dev.ykmfa.protocol.ykoath.AuthenticationRequiredException;
import dev.ykmfa.protocol.ykoath.CalculateAllEntry;
import dev.ykmfa.protocol.ykoath.Code;
import dev.ykmfa.protocol.ykoath.Credential;
import dev.ykmfa.protocol.ykoath.CredentialData;
import dev.ykmfa.protocol.ykoath.CredentialId;
import dev.ykmfa.protocol.ykoath.NoSpaceException;
import dev.ykmfa.protocol.ykoath.NoSuchCredentialException;
import dev.ykmfa.protocol.ykoath.OathConstants;
import dev.ykmfa.protocol.ykoath.OathSession;
import dev.ykmfa.protocol.ykoath.OathType;
import dev.ykmfa.protocol.ykoath.TouchRequiredException;
import dev.ykmfa.protocol.ykoath.WrongPasswordException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * YKOATH behaviours a host relies on (spec/ykoath.md), against the key under test: round trips, chaining, touch
 * marking, password lock/unlock, RESET and the status words of the error cases. On a key in a reader only
 * credentials under {@value KeyUnderTest#CREDENTIAL_PREFIX} are created, and deleted afterwards.
 */
@Needs(slots = 0)
class ProtocolConformanceIT {
    private static final Instant T = Instant.parse("2026-01-02T03:04:05Z");
    private static final byte[] SECRET = "conformance-secret-0123".getBytes(StandardCharsets.US_ASCII);
    private static final int CHAINING_MIN = 4;
    private static final int CHAINING_MAX_IN_READER = 12;
    private static final HexFormat HEX = HexFormat.of();

    private final KeyUnderTest key = Suite.key();


    private int freeSlots() {
        if (key instanceof PcscKey p) {
            return p.freeSlots();
        }
        try (OathSession s = key.open()) {
            return key.capacity() - s.list().size();
        }
    }

    @Test
    @Needs(slots = 2)
    void putListCalculateDelete_roundTripTotpAndHotp() {
        try (Scratch s = new Scratch(key)) {
            OathSession oath = s.session();
            CredentialId totp = s.id("rt-totp", OathType.TOTP, 60);
            CredentialId hotp = s.id("rt-hotp", OathType.HOTP, 0);
            oath.put(CredentialData.builder(totp, SECRET).algorithm(HashAlgorithm.SHA256).digits(8).build());
            oath.put(CredentialData.builder(hotp, SECRET).algorithm(HashAlgorithm.SHA1).digits(6).counter(5).build());

            List<Credential> listed = s.ours();
            Credential lt = find(listed, totp).orElseThrow(() -> new AssertionError("LIST lacks " + totp));
            Credential lh = find(listed, hotp).orElseThrow(() -> new AssertionError("LIST lacks " + hotp));
            assertEquals(OathType.TOTP, lt.type());
            assertEquals(HashAlgorithm.SHA256, lt.algorithm());
            assertEquals(60, lt.id().period(), "the period survives as the id's prefix");
            assertEquals(OathType.HOTP, lh.type());

            Code code = oath.calculate(totp, T);
            assertEquals(Rfc6238.totp("HmacSHA256", SECRET, T.getEpochSecond(), 60, 8), code.value());
            assertEquals(60, code.validUntil().getEpochSecond() - code.validFrom().getEpochSecond());
            assertEquals(Rfc6238.hotp("HmacSHA1", SECRET, 5, 6), oath.calculate(hotp, T).value(),
                    "HOTP starts at the programmed counter");
            assertEquals(Rfc6238.hotp("HmacSHA1", SECRET, 6, 6), oath.calculate(hotp, T).value(),
                    "HOTP advances its counter");

            oath.delete(totp);
            assertTrue(find(s.ours(), totp).isEmpty(), "deleted credential still listed");
            NoSuchCredentialException e = assertThrows(NoSuchCredentialException.class, () -> oath.calculate(totp, T));
            assertEquals(OathConstants.SW_NO_SUCH_OBJECT, e.statusWord());
        }
    }

    @Test
    @Needs
    void put_withAnExistingId_replacesTheSecret() {
        try (Scratch s = new Scratch(key)) {
            CredentialId id = s.id("overwrite", OathType.TOTP, 30);
            byte[] other = "another-secret-for-overwrite".getBytes(StandardCharsets.US_ASCII);
            s.session().put(CredentialData.builder(id, SECRET).build());
            s.session().put(CredentialData.builder(id, other).build());
            assertEquals(1, s.ours().stream().filter(c -> c.id().equals(id)).count(), "one entry per id");
            assertEquals(Rfc6238.totp("HmacSHA1", other, T.getEpochSecond(), 30, 6), s.session().calculate(id, T)
                    .value());
        }
    }

    @Test
    @Needs
    void calculateFull_returnsTheWholeHmacOfTheChallenge() {
        try (Scratch s = new Scratch(key)) {
            CredentialId id = s.id("full", OathType.TOTP, 30);
            s.session().put(CredentialData.builder(id, SECRET).algorithm(HashAlgorithm.SHA512).build());
            byte[] challenge = Rfc6238.movingFactor(T.getEpochSecond() / 30);
            assertArrayEquals(Rfc6238.hmac("HmacSHA512", SECRET, challenge), s.session().calculateFull(id, challenge));
        }
    }

    @Test
    @Needs(firmwareAtLeast = "5.3.0")
    void rename_movesTheCredentialAndKeepsItsSecret() {
        try (Scratch s = new Scratch(key)) {
            CredentialId from = s.id("rename-from", OathType.TOTP, 30);
            CredentialId to = s.id("rename-to", OathType.TOTP, 30);
            s.session().put(CredentialData.builder(from, SECRET).build());
            s.session().rename(from, to);
            List<Credential> listed = s.ours();
            assertTrue(find(listed, from).isEmpty(), "old id still listed");
            assertTrue(find(listed, to).isPresent(), "new id not listed");
            assertEquals(Rfc6238.totp("HmacSHA1", SECRET, T.getEpochSecond(), 30, 6), s.session().calculate(to, T)
                    .value());
            NoSuchCredentialException e = assertThrows(NoSuchCredentialException.class,
                    () -> s.session().rename(from, s.id("rename-again", OathType.TOTP, 30)));
            assertEquals(OathConstants.SW_NO_SUCH_OBJECT, e.statusWord());
        }
    }

    @Test
    void listAndCalculateAll_withManyLongNames_areReassembledFromChainedResponses() {
        int room = freeSlots();
        int n = key.inReader() ? Math.min(room, CHAINING_MAX_IN_READER) : room;
        assumeTrue(n >= CHAINING_MIN, "needs " + CHAINING_MIN + " free credential slots, the key has " + room);
        try (Scratch s = new Scratch(key)) {
            List<CredentialId> ids = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                String base = String.format("chain-%02d-", i) + "x".repeat(64);
                int max = OathConstants.MAX_ID_LENGTH - KeyUnderTest.CREDENTIAL_PREFIX.length();
                CredentialId id = s.id(base.substring(0, max), OathType.TOTP, 30);
                ids.add(id);
                s.session().put(CredentialData.builder(id, secret(i)).build());
            }
            int total = s.session().list().stream().mapToInt(c -> c.id().toBytes().length + 3).sum();
            assertTrue(key.inReader() || total > OathConstants.MAX_SHORT_DATA, "the LIST answer (" + total
                    + " bytes) must exceed one response APDU to exercise chaining");
            List<Credential> listed = s.ours();
            for (CredentialId id : ids) {
                assertTrue(find(listed, id).isPresent(), "LIST lost " + id.displayName());
            }
            List<CalculateAllEntry> all = s.session().calculateAll(T);
            for (int i = 0; i < n; i++) {
                CredentialId id = ids.get(i);
                CalculateAllEntry e = all.stream().filter(x -> Arrays.equals(x.id().toBytes(), id.toBytes()))
                        .findFirst().orElseThrow(() -> new AssertionError("CALCULATE ALL lost " + id.displayName()));
                assertEquals(Rfc6238.totp("HmacSHA1", secret(i), T.getEpochSecond(), 30, 6),
                        e.code().orElseThrow().value(), id.displayName());
            }
        }
    }

    private static byte[] secret(int i) {
        return ("chained-secret-number-" + i).getBytes(StandardCharsets.US_ASCII);
    }

    @Test
    @Needs(slots = 2)
    void calculateAll_marksTouchCredentialsAndGivesThemNoCode() {
        try (Scratch s = new Scratch(key)) {
            CredentialId touch = s.id("touch-marked", OathType.TOTP, 30);
            CredentialId plain = s.id("touch-plain", OathType.TOTP, 30);
            s.session().put(CredentialData.builder(touch, SECRET).touch(true).build());
            s.session().put(CredentialData.builder(plain, SECRET).build());
            List<CalculateAllEntry> all = s.session().calculateAll(T);
            CalculateAllEntry t = entry(all, touch);
            CalculateAllEntry p = entry(all, plain);
            assertTrue(t.touchRequired(), "touch credential not marked");
            assertTrue(t.code().isEmpty(), "CALCULATE ALL must not compute a touch credential");
            assertFalse(p.touchRequired());
            assertEquals(Rfc6238.totp("HmacSHA1", SECRET, T.getEpochSecond(), 30, 6), p.code().orElseThrow().value());
        }
    }

    @Test
    @Needs(touch = true)
    void calculate_touchCredential_computesAfterATouch() {
        try (Scratch s = new Scratch(key)) {
            CredentialId touch = s.id("touch-calc", OathType.TOTP, 30);
            s.session().put(CredentialData.builder(touch, SECRET).touch(true).build());
            int before = key.simulated() == null ? 0 : key.simulated().touches();
            key.announceTouch(touch.displayName());
            assertEquals(Rfc6238.totp("HmacSHA1", SECRET, T.getEpochSecond(), 30, 6),
                    s.session().calculate(touch, T).value());
            if (key.simulated() != null) {
                assertEquals(before + 1, key.simulated().touches(), "exactly one touch per code");
            }
        }
    }

    @Test
    @Needs(simulatedKey = true)
    void calculate_touchCredentialWithoutATouch_answers6982() {
        SimulatedKey sim = key.simulated();
        try (Scratch s = new Scratch(key)) {
            CredentialId touch = s.id("touch-timeout", OathType.TOTP, 30);
            s.session().put(CredentialData.builder(touch, SECRET).touch(true).build());
            sim.approveTouches(false);
            TouchRequiredException e = assertThrows(TouchRequiredException.class, () -> s.session().calculate(touch,
                    T));
            assertEquals(OathConstants.SW_SECURITY_STATUS_NOT_SATISFIED, e.statusWord());
        } finally {
            sim.approveTouches(true);
        }
    }

    @Test
    @Needs(destructive = true)
    void password_locksEveryCommandUntilValidatedAndCanBeRemoved() {
        char[] password = "conformance-password".toCharArray();
        try (Scratch s = new Scratch(key)) {
            boolean hadPassword = s.session().info().passwordProtected();
            assumeTrue(!hadPassword, "the key already has an OATH password; the suite does not replace an owner's"
                    + " password (remove it first, or run without -Dykmfa.oath.password)");
            CredentialId id = s.id("locked", OathType.TOTP, 30);
            s.session().put(CredentialData.builder(id, SECRET).build());
            s.session().setPassword(password);
            s.suspend();
            try (OathSession locked = OathSession.open(key.openTransport())) {
                assertTrue(locked.isLocked());
                assertTrue(locked.info().passwordProtected());
                AuthenticationRequiredException a = assertThrows(AuthenticationRequiredException.class, locked::list);
                assertEquals(OathConstants.SW_SECURITY_STATUS_NOT_SATISFIED, a.statusWord());
                WrongPasswordException w = assertThrows(WrongPasswordException.class,
                        () -> locked.validate("not-the-password".toCharArray()));
                assertEquals(OathConstants.SW_WRONG_DATA, w.statusWord());
                locked.validate(password);
                assertFalse(locked.isLocked());
                assertEquals(Rfc6238.totp("HmacSHA1", SECRET, T.getEpochSecond(), 30, 6), locked.calculate(id, T)
                        .value());
                locked.unsetPassword();
            }
            s.resume();
            assertFalse(s.session().info().passwordProtected(), "password still set after removal");
            assertTrue(find(s.session().list(), id).isPresent());
        }
    }

    @Test
    @Needs(destructive = true)
    void reset_wipesEveryCredentialAndChangesTheDeviceId() {
        try (Scratch s = new Scratch(key)) {
            s.session().put(CredentialData.builder(s.id("before-reset", OathType.TOTP, 30), SECRET).build());
            String idBefore = s.session().info().deviceId();
            s.session().reset();
            assertTrue(s.session().list().isEmpty(), "RESET left credentials");
            assertFalse(s.session().info().passwordProtected());
            assertTrue(!idBefore.equals(s.session().info().deviceId()), "a RESET draws a new salt and device id");
        }
    }

    @Test
    @Needs(slots = 0)
    void delete_unknownCredential_answers6984() {
        try (Scratch s = new Scratch(key)) {
            NoSuchCredentialException e = assertThrows(NoSuchCredentialException.class,
                    () -> s.session().delete(s.id("never-created", OathType.TOTP, 30)));
            assertEquals(OathConstants.SW_NO_SUCH_OBJECT, e.statusWord());
        }
    }

    @Test
    @Needs(slots = 0)
    void select_ofAnAidTheKeyDoesNotHost_answers6A82_andOathStillWorks() {
        ApduTransport t = key.openTransport();
        try {
            byte[] r = t.transmit(HEX.parseHex("00A4040006A00000000001"));
            assertEquals(OathConstants.SW_FILE_NOT_FOUND, sw(r));
            try (OathSession again = OathSession.open(t)) {
                assertTrue(again.info().version().matches("\\d+\\.\\d+\\.\\d+"));
                t = null;
            }
        } finally {
            if (t != null) {
                t.close();
            }
        }
    }

    @Test
    @Needs(slots = 0)
    void unknownInstruction_answers6D00() {
        try (ApduTransport t = key.openTransport()) {
            OathSession.open(new NonClosing(t));
            assertEquals(OathConstants.SW_INS_NOT_SUPPORTED, sw(t.transmit(HEX.parseHex("00EE000000"))));
        }
    }

    @Test
    void put_whenTheKeyIsFull_answers6A84() {
        int room = freeSlots();
        assumeTrue(!key.inReader() || key.destructiveAllowed(), "fills every free slot of the key in the reader:"
                + " pass -Dykmfa.hardware.destructive=true to allow it");
        try (Scratch s = new Scratch(key)) {
            for (int i = 0; i < room; i++) {
                s.session().put(CredentialData.builder(s.id("fill-" + i, OathType.TOTP, 30), SECRET).build());
            }
            NoSpaceException e = assertThrows(NoSpaceException.class, () -> s.session().put(
                    CredentialData.builder(s.id("one-too-many", OathType.TOTP, 30), SECRET).build()));
            assertEquals(OathConstants.SW_NO_SPACE, e.statusWord());
            assertEquals(key.capacity(), s.session().list().size());
        }
    }

    @Test
    @Needs(simulatedKey = true)
    void powerCycle_keepsCredentialsAndDropsTheSession() {
        try (Scratch s = new Scratch(key)) {
            CredentialId id = s.id("survives", OathType.TOTP, 30);
            s.session().put(CredentialData.builder(id, SECRET).build());
            key.simulated().powerCycle();
            ApduTransport raw = key.openTransport();
            assertTrue(sw(raw.transmit(HEX.parseHex("00A1000000"))) != OathConstants.SW_SUCCESS,
                    "after a power cut nothing is selected: LIST must not reach the OATH applet");
            s.reconnect();
            assertEquals(Rfc6238.totp("HmacSHA1", SECRET, T.getEpochSecond(), 30, 6), s.session().calculate(id, T)
                    .value());
        }
    }

    private static int sw(byte[] response) {
        return ((response[response.length - 2] & 0xFF) << 8) | (response[response.length - 1] & 0xFF);
    }

    private static Optional<Credential> find(List<Credential> listed, CredentialId id) {
        return listed.stream().filter(c -> Arrays.equals(c.id().toBytes(), id.toBytes())).findFirst();
    }

    private static CalculateAllEntry entry(List<CalculateAllEntry> all, CredentialId id) {
        return all.stream().filter(x -> Arrays.equals(x.id().toBytes(), id.toBytes())).findFirst()
                .orElseThrow(() -> new AssertionError("CALCULATE ALL lacks " + id.displayName()));
    }

    /** Keeps a transport open when a session over it is dropped without closing. */
    private record NonClosing(ApduTransport t) implements ApduTransport {
        @Override
        public byte[] transmit(byte[] apdu) {
            return t.transmit(apdu);
        }

        @Override
        public void close() {
            // the test closes the underlying transport itself
        }
    }

}
