package dev.ykmfa.sim;

import static dev.ykmfa.sim.Apdus.*;
import static org.junit.jupiter.api.Assertions.*;

import dev.ykmfa.sim.RawOathClient.Entry;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.stateful.Action;
import net.jqwik.api.stateful.ActionSequence;

/**
 * Stateful property: random sequences of put / delete / rename / set-code / validate / reset / power-cycle /
 * select against a model of the key. After every step the card's LIST equals the model (unlocking a locked key
 * on the side with the model's password to look, then locking it again).
 */
class KeyModelStatefulTest {
    private static final int CAPACITY = 3;
    private static final String[] IDS = {"a", "b", "Issuer:c", "60/d", "x".repeat(64)};
    private static final String[] PASSWORDS = {"pw-one", "pw-two"};
    private static final Integer[] TYPES = {0x21, 0x22, 0x23, 0x11, 0x12};
    private static final byte[] SECRET = utf8("12345678901234567890");

    /** The card and the model of it. */
    static final class World {
        final SimulatedYubiKey key = SimulatedYubiKey.builder().capacity(CAPACITY).build();
        final RawOathClient card = new RawOathClient(key);
        final Map<String, Integer> creds = new TreeMap<>();
        String password;
        boolean unlocked = true;
        /** Whether the latest SELECT carried a challenge (VALIDATE answers only that). */
        boolean challengeIssued;

        World() {
            card.select();
        }

        boolean locked() {
            return password != null && !unlocked;
        }

        void check(String after) {
            List<Entry> expected = new ArrayList<>();
            creds.forEach((id, type) -> expected.add(new Entry(type, id)));
            if (locked()) {
                assertEquals(0x6982, card.sendSw(hex("00A1000000")), after + ": LIST while locked");
                card.select();
                assertEquals(0x9000, card.validate(password), after + ": side unlock");
                assertEquals(expected, card.list().stream().sorted().toList(), after);
                card.select();
                challengeIssued = true;
            } else {
                assertEquals(expected, card.list().stream().sorted().toList(), after);
            }
        }
    }

    record Put(String id, int type) implements Action<World> {
        @Override
        public World run(World w) {
            int sw = w.card.put(id, type, 6, SECRET, false);
            int expected = w.locked() ? 0x6982
                    : !w.creds.containsKey(id) && w.creds.size() >= CAPACITY ? 0x6A84 : 0x9000;
            assertEquals(expected, sw, toString());
            if (sw == 0x9000) {
                w.creds.put(id, type);
            }
            w.check(toString());
            return w;
        }
    }

    record Delete(String id) implements Action<World> {
        @Override
        public World run(World w) {
            int sw = w.card.sendSw(apdu(0x02, 0, 0, tlv(0x71, utf8(id))));
            int expected = w.locked() ? 0x6982 : w.creds.containsKey(id) ? 0x9000 : 0x6984;
            assertEquals(expected, sw, toString());
            if (sw == 0x9000) {
                w.creds.remove(id);
            }
            w.check(toString());
            return w;
        }
    }

    record Rename(String from, String to) implements Action<World> {
        @Override
        public World run(World w) {
            int sw = w.card.sendSw(apdu(0x05, 0, 0, concat(tlv(0x71, utf8(from)), tlv(0x71, utf8(to)))));
            int expected = w.locked() ? 0x6982
                    : !w.creds.containsKey(from) ? 0x6984
                    : w.creds.containsKey(to) && !from.equals(to) ? 0x6A80 : 0x9000;
            assertEquals(expected, sw, toString());
            if (sw == 0x9000) {
                w.creds.put(to, w.creds.remove(from));
            }
            w.check(toString());
            return w;
        }
    }

    record SetCode(String newPassword) implements Action<World> {
        @Override
        public World run(World w) {
            int sw = newPassword == null ? w.card.unsetPassword() : w.card.setPassword(newPassword);
            assertEquals(w.locked() ? 0x6982 : 0x9000, sw, toString());
            if (sw == 0x9000) {
                w.password = newPassword;
                w.unlocked = true;
            }
            w.check(toString());
            return w;
        }
    }

    record Validate(String attempt) implements Action<World> {
        @Override
        public World run(World w) {
            int sw = w.card.validate(attempt);
            int expected = w.password == null ? 0x6984
                    : w.challengeIssued && w.password.equals(attempt) ? 0x9000 : 0x6A80;
            assertEquals(expected, sw, toString());
            if (sw == 0x9000) {
                w.unlocked = true;
            }
            w.check(toString());
            return w;
        }
    }

    record Reset() implements Action<World> {
        @Override
        public World run(World w) {
            assertEquals(0x9000, w.card.reset());
            w.card.select(); // hosts re-select after RESET to learn the new salt (spec §4.4)
            w.creds.clear();
            w.password = null;
            w.unlocked = true;
            w.challengeIssued = false;
            w.check(toString());
            return w;
        }
    }

    record Select() implements Action<World> {
        @Override
        public World run(World w) {
            Map<Integer, byte[]> m = w.card.select();
            assertEquals(w.password != null, m.containsKey(0x74), "challenge iff password");
            w.unlocked = w.password == null;
            w.challengeIssued = w.password != null;
            w.check(toString());
            return w;
        }
    }

    record PowerCycle() implements Action<World> {
        @Override
        public World run(World w) {
            w.key.powerCycle();
            w.card.select();
            w.unlocked = w.password == null;
            w.challengeIssued = w.password != null;
            w.check(toString());
            return w;
        }
    }

    @Provide
    Arbitrary<ActionSequence<World>> actions() {
        Arbitrary<String> ids = Arbitraries.of(IDS);
        Arbitrary<String> pws = Arbitraries.of(PASSWORDS);
        return Arbitraries.sequences(Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(5, net.jqwik.api.Combinators.combine(ids, Arbitraries.of(TYPES))
                        .as(Put::new)),
                net.jqwik.api.Tuple.of(2, ids.map(Delete::new)),
                net.jqwik.api.Tuple.of(2, net.jqwik.api.Combinators.combine(ids, ids).as(Rename::new)),
                net.jqwik.api.Tuple.of(1, pws.injectNull(0.3).map(SetCode::new)),
                net.jqwik.api.Tuple.of(2, pws.map(Validate::new)),
                net.jqwik.api.Tuple.of(1, Arbitraries.just(new Reset())),
                net.jqwik.api.Tuple.of(2, Arbitraries.just(new Select())),
                net.jqwik.api.Tuple.of(1, Arbitraries.just(new PowerCycle())))).ofSize(40);
    }

    @Property(tries = 100)
    void card_behavesLikeTheModel(@ForAll("actions") ActionSequence<World> actions) {
        actions.run(new World());
    }
}
