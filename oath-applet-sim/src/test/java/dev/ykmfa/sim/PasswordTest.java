package dev.ykmfa.sim;

import static dev.ykmfa.sim.Apdus.*;
import static org.junit.jupiter.api.Assertions.*;

import dev.ykmfa.sim.RawOathClient.Entry;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** SET CODE / VALIDATE / RESET and what stays locked (spec §4.3, §4.8, §8). */
class PasswordTest {
    private static final byte[] SEED = utf8("12345678901234567890");
    private SimulatedYubiKey key;
    private RawOathClient card;

    @BeforeEach
    void setUp() {
        key = SimulatedYubiKey.create();
        card = new RawOathClient(key);
        card.select();
        assertEquals(0x9000, card.put("secret-cred", 0x21, 6, SEED, false));
        assertEquals(0x9000, card.setPassword("hunter2"));
    }

    @Test
    void setCode_keepsCurrentSessionUnlocked() {
        assertEquals(List.of(new Entry(0x21, "secret-cred")), card.list());
    }

    @Test
    void select_afterSetCode_sendsFreshChallengeAndAlgorithm() {
        Map<Integer, byte[]> first = card.select();
        Map<Integer, byte[]> second = card.select();
        assertEquals(8, first.get(0x74).length);
        assertArrayEquals(new byte[] {0x21}, first.get(0x7B));
        assertFalse(java.util.Arrays.equals(first.get(0x74), second.get(0x74)), "new challenge per SELECT");
    }

    @Test
    void beforeValidate_nothingAboutCredentialsLeaks() {
        card.select();
        assertEquals(0x6982, card.sendSw(hex("00A1000000")), "LIST");
        assertEquals(0x6982, sw(key.transmit(calculate("secret-cred", step(1), true))), "CALCULATE");
        assertEquals(0x6982, sw(key.transmit(hex("00A400010A 7408 0000000000000001"))), "CALCULATE ALL");
        assertEquals(0x6982, card.put("new", 0x21, 6, SEED, false), "PUT");
        assertEquals(0x6982, card.sendSw(apdu(0x02, 0, 0, tlv(0x71, utf8("secret-cred")))), "DELETE");
        assertEquals(0x6982, card.sendSw(apdu(0x05, 0, 0, concat(tlv(0x71, utf8("secret-cred")),
                tlv(0x71, utf8("x"))))), "RENAME");
        assertEquals(0x6982, card.unsetPassword(), "SET CODE");
        assertEquals(0x6982, sw(key.transmit(calculate("no-such", step(1), true))),
                "an unknown id is not revealed either");
    }

    @Test
    void wrongPassword_isRefusedWith6A80_andStaysLocked() {
        card.select();
        assertEquals(0x6A80, card.validate("wrong"));
        assertEquals(0x6982, card.sendSw(hex("00A1000000")));
        assertEquals(0x9000, card.validate("hunter2"), "the same challenge still works for the right key");
        assertEquals(List.of(new Entry(0x21, "secret-cred")), card.list());
    }

    @Test
    void validate_usesLatestSelectChallenge_only() {
        card.select();
        byte[] stale = card.challenge;
        card.select();
        card.challenge = stale;
        assertEquals(0x6A80, card.validate("hunter2"));
    }

    @Test
    void validate_thenReselect_locksAgain() {
        card.select();
        assertEquals(0x9000, card.validate("hunter2"));
        assertEquals(0x9000, card.sendSw(hex("00A1000000")));
        card.select();
        assertEquals(0x6982, card.sendSw(hex("00A1000000")));
        key.powerCycle();
        card.select();
        assertEquals(0x6982, card.sendSw(hex("00A1000000")), "power loss locks too");
    }

    @Test
    void validate_withShortHostChallenge_orWrongLength_answers6A80() {
        card.select();
        byte[] k = RawOathClient.deriveKey("hunter2".toCharArray(), card.salt);
        byte[] resp = RawOathClient.hmac("HmacSHA1", k, card.challenge);
        assertEquals(0x6A80, card.sendSw(apdu(0xA3, 0, 0, concat(tlv(0x75, resp), tlv(0x74, new byte[4])))));
        assertEquals(0x6A80, card.sendSw(apdu(0xA3, 0, 0, concat(tlv(0x75, new byte[19]), tlv(0x74, new byte[8])))));
    }

    @Test
    void validate_withoutPassword_answers6984() {
        card.select();
        card.validate("hunter2");
        assertEquals(0x9000, card.unsetPassword());
        Map<Integer, byte[]> m = card.select();
        assertFalse(m.containsKey(0x74));
        assertEquals(0x6984, card.validate("hunter2"));
        assertEquals(0x9000, card.sendSw(hex("00A1000000")), "no password: open");
    }

    @Test
    void setCode_withWrongProof_answers6984_andLength6A80() {
        byte[] k = RawOathClient.deriveKey("other".toCharArray(), card.salt);
        byte[] chal = new byte[8];
        byte[] bad = new byte[20];
        assertEquals(0x6984, card.sendSw(apdu(0x03, 0, 0, concat(tlv(0x73, concat(new byte[] {0x21}, k)),
                tlv(0x74, chal), tlv(0x75, bad)))));
        assertEquals(0x6A80, card.sendSw(apdu(0x03, 0, 0, concat(tlv(0x73, concat(new byte[] {0x21}, k)),
                tlv(0x74, chal), tlv(0x75, new byte[10])))));
        card.select();
        assertEquals(0x9000, card.validate("hunter2"), "the old password is still the one");
    }

    @Test
    void changePassword_thenOldOneFails() {
        card.select();
        assertEquals(0x9000, card.validate("hunter2"));
        assertEquals(0x9000, card.setPassword("correct horse"));
        card.select();
        assertEquals(0x6A80, card.validate("hunter2"));
        assertEquals(0x9000, card.validate("correct horse"));
    }

    @Test
    void reset_needsNoAuthentication_andRemovesPasswordAndCredentials() {
        card.select();
        assertEquals(0x9000, card.reset());
        Map<Integer, byte[]> m = card.select();
        assertFalse(m.containsKey(0x74), "no challenge: password gone");
        assertEquals(List.of(), card.list());
    }

    @Test
    void ykmanVector_fromSpec_validatesAndAnswers() {
        // spec §8: salt 83ce33dedd587696 + "secret123" -> key 75ae1b6c38f279ba7806e38a1cf4bd83
        byte[] k = RawOathClient.deriveKey("secret123".toCharArray(), hex("83ce33dedd587696"));
        assertEquals("75AE1B6C38F279BA7806E38A1CF4BD83", hex(k));
    }
}
