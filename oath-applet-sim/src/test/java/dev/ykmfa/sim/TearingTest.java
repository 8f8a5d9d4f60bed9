package dev.ykmfa.sim;

import static dev.ykmfa.sim.Apdus.*;
import static org.junit.jupiter.api.Assertions.*;

import dev.ykmfa.protocol.transport.TransportException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Cuts the power at every persistent write of every mutating command (through the applet's write seam) and checks
 * that after power-up the key shows either the complete old state or the complete new state, never a mix, and
 * stays usable.
 */
class TearingTest {
    private static final byte[] SEED_A = utf8("12345678901234567890");
    private static final byte[] SEED_B = utf8("abcdefghijklmnopqrstuvwxyz012345");
    private static final byte[] CHALLENGE = step(0x1234567);
    private static final String PW_A = "first password";
    private static final String PW_B = "second password";

    /** What a host can observe: who can unlock it, whether the salt rotated, every credential with its HMAC. */
    record Observed(String password, boolean saltChanged, List<String> credentials) {
    }

    record Scenario(String name, boolean passwordSet, Consumer<RawOathClient> operation) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Arguments> scenarios() {
        return Stream.of(
                new Scenario("PUT new TOTP", false, c -> ok(c.put("new", 0x22, 8, SEED_B, false))),
                new Scenario("PUT new HOTP with IMF", false,
                        c -> ok(c.sendSw(Apdus.put("hotp2", 0x13, 6, SEED_B, false, 0x01FF)))),
                new Scenario("PUT overwrite", false, c -> ok(c.put("totp", 0x23, 7, SEED_B, false))),
                new Scenario("DELETE", false, c -> ok(c.sendSw(apdu(0x02, 0, 0, tlv(0x71, utf8("totp")))))),
                new Scenario("RENAME", false, c -> ok(c.sendSw(apdu(0x05, 0, 0,
                        concat(tlv(0x71, utf8("totp")), tlv(0x71, utf8("Issuer:renamed"))))))),
                new Scenario("CALCULATE HOTP (counter)", false,
                        c -> ok(sw(c.key.transmit(calculate("hotp", new byte[0], true))))),
                new Scenario("SET CODE (set)", false, c -> ok(c.setPassword(PW_A))),
                new Scenario("SET CODE (change)", true, c -> {
                    ok(c.validate(PW_A));
                    ok(c.setPassword(PW_B));
                }),
                new Scenario("SET CODE (remove)", true, c -> {
                    ok(c.validate(PW_A));
                    ok(c.unsetPassword());
                }),
                new Scenario("RESET", true, c -> ok(c.reset())))
                .map(Arguments::of);
    }

    private static void ok(int sw) {
        assertEquals(0x9000, sw, () -> "expected 9000, got " + Integer.toHexString(sw));
    }

    private static SimulatedYubiKey prepared(Scenario s) {
        SimulatedYubiKey key = SimulatedYubiKey.builder().capacity(4).build();
        RawOathClient c = new RawOathClient(key);
        c.select();
        ok(c.put("totp", 0x21, 6, SEED_A, false));
        ok(c.put("hotp", 0x11, 8, SEED_A, false));
        ok(c.put("other", 0x22, 6, SEED_B, false));
        ok(c.sendSw(apdu(0x02, 0, 0, tlv(0x71, utf8("other"))))); // leaves a used, freed slot behind
        if (s.passwordSet()) {
            ok(c.setPassword(PW_A));
        }
        key.powerCycle();
        return key;
    }

    private static Observed observe(SimulatedYubiKey key, byte[] saltBefore) {
        RawOathClient c = new RawOathClient(key);
        Map<Integer, byte[]> sel = c.select();
        String password = "none";
        if (sel.containsKey(0x74)) {
            password = "?";
            for (String pw : new String[] {PW_A, PW_B}) {
                c.select();
                if (c.validate(pw) == 0x9000) {
                    password = pw;
                    break;
                }
            }
            assertNotEquals("?", password, "a password is set that no step of the test ever set");
        }
        List<String> creds = new ArrayList<>();
        for (RawOathClient.Entry e : c.list()) {
            byte[] r = e.typeAlg() >> 4 == 1
                    ? key.transmit(calculate(e.id(), new byte[0], false))
                    : key.transmit(calculate(e.id(), CHALLENGE, false));
            assertEquals(0x9000, sw(r), "every listed credential computes");
            creds.add(e.id() + "|" + Integer.toHexString(e.typeAlg()) + "|" + hex(data(r)));
        }
        assertEquals(creds.size(), new HashSet<>(creds.stream().map(x -> x.split("\\|")[0]).toList()).size(),
                "no duplicate ids");
        creds.sort(null);
        return new Observed(password, !Arrays.equals(saltBefore, sel.get(0x71)), creds);
    }

    private static byte[] salt(SimulatedYubiKey key) {
        return new RawOathClient(key).select().get(0x71);
    }

    private static void runOperation(SimulatedYubiKey key, Scenario s) {
        RawOathClient c = new RawOathClient(key);
        c.select();
        s.operation().accept(c);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void powerLoss_atEveryPersistentWrite_leavesOldOrNewState(Scenario s) {
        SimulatedYubiKey reference = prepared(s);
        byte[] salt0 = salt(reference);
        Observed before = observe(prepared(s), salt(prepared(s)));
        SimulatedYubiKey counted = prepared(s);
        byte[] countedSalt = salt(counted);
        counted.tearing().countWrites();
        runOperation(counted, s);
        int writes = counted.tearing().writeCount();
        counted.tearing().disarm();
        Observed after = observe(counted, countedSalt);
        assertNotEquals(before, after, "the operation must change something observable");
        assertTrue(writes > 0, "the operation writes persistently");
        assertNotNull(salt0);

        for (int n = 1; n <= writes; n++) {
            SimulatedYubiKey key = prepared(s);
            byte[] saltBefore = salt(key);
            key.tearing().armAtWrite(n);
            int cut = n;
            assertThrows(TransportException.class, () -> runOperation(key, s),
                    () -> "write " + cut + " of " + writes + " must be reached");
            Observed seen = observe(key, saltBefore);
            assertTrue(seen.equals(before) || seen.equals(after),
                    () -> s + ": power loss at write " + cut + "/" + writes + " left a mixed state:\n  seen   "
                            + seen + "\n  before " + before + "\n  after  " + after);
            // and the key still works: a new credential can be stored and listed
            RawOathClient c = new RawOathClient(key);
            c.select();
            if (!seen.password().equals("none")) {
                ok(c.validate(seen.password()));
            }
            ok(c.put("afterwards", 0x21, 6, SEED_A, false));
            assertTrue(c.list().stream().anyMatch(e -> e.id().equals("afterwards")));
        }
    }
}
