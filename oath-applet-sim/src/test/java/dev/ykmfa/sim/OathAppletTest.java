package dev.ykmfa.sim;

import static dev.ykmfa.sim.Apdus.*;
import static org.junit.jupiter.api.Assertions.*;

import dev.ykmfa.sim.RawOathClient.Entry;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every YKOATH instruction and error status of spec/ykoath.md §3-§4 and §9, as raw APDUs. */
class OathAppletTest {
    private static final byte[] RFC_SEED = utf8("12345678901234567890");
    private SimulatedYubiKey key;
    private RawOathClient card;

    @BeforeEach
    void setUp() {
        key = SimulatedYubiKey.builder().capacity(4).build();
        card = new RawOathClient(key);
        card.select();
    }

    @Test
    void select_answersVersionAndSalt_withoutChallengeWhenNoPassword() {
        byte[] r = key.transmit(selectOath());
        assertEquals(0x9000, sw(r));
        Map<Integer, byte[]> m = RawOathClient.dict(data(r));
        assertArrayEquals(new byte[] {5, 4, 3}, m.get(0x79));
        assertEquals(8, m.get(0x71).length);
        assertFalse(m.containsKey(0x74));
        assertFalse(m.containsKey(0x7B));
        assertEquals("7903050403", hex(data(r)).substring(0, 10), "VERSION comes first");
    }

    @Test
    void select_acceptsLongerAidWithInstanceByte_andLe() {
        assertEquals(0x9000, sw(key.transmit(hex("00A4040008A000000527210101"))));
        assertEquals(0x9000, sw(key.transmit(hex("00A4040007A000000527210100"))));
        assertEquals(0x9000, sw(key.transmit(hex("00A4040000 0007 A0000005272101"))), "extended length");
        assertEquals(0x9000, sw(key.transmit(hex("00A4040005A000000527"))), "partial AID");
    }

    @Test
    void select_unknownAid_answers6A82_andKeepsCurrentApplication() {
        assertEquals(0x6A82, sw(key.transmit(hex("00A4040008A000000308000010"))));
        assertEquals(0x6A82, sw(key.transmit(hex("00A4040006D27600012401"))));
        assertEquals(0x9000, sw(key.transmit(hex("00A1000000"))), "OATH stays selected");
    }

    @Test
    void select_customFirmwareVersion_isReported() {
        SimulatedYubiKey k = SimulatedYubiKey.builder().firmwareVersion(5, 7, 1).build();
        assertArrayEquals(new byte[] {5, 7, 1}, new RawOathClient(k).select().get(0x79));
    }

    @Test
    void put_thenCalculate_matchesRfc6238Vector_truncatedAndFull() {
        assertEquals(0x9000, sw(key.transmit(hex(
                "00010000 1E 7104 74657374 7316 2108 3132333435363738393031323334353637383930"))));
        assertEquals("760508059EB4EA9000",
                hex(key.transmit(hex("00A20001 10 7104 74657374 7408 0000000000000001"))));
        assertEquals("75150875A48A19D4CBE100644E8AC1397EEA747A2D33AB9000",
                hex(key.transmit(hex("00A20000 10 7104 74657374 7408 0000000000000001"))));
    }

    @Test
    void calculate_acceptsAnyChallengeLengthFrom1To64() {
        byte[] k = new byte[20];
        java.util.Arrays.fill(k, (byte) 0x0B);
        assertEquals(0x9000, card.put("hmac", 0x22, 6, new byte[] {0x0B, 0x0B, 0x0B, 0x0B, 0x0B, 0x0B, 0x0B, 0x0B,
            0x0B, 0x0B, 0x0B, 0x0B, 0x0B, 0x0B, 0x0B, 0x0B, 0x0B, 0x0B, 0x0B, 0x0B}, false));
        byte[] r = key.transmit(calculate("hmac", utf8("Hi There"), false));
        assertEquals("7521 06 B0344C61D8DB38535CA8AFCEAF0BF12B881DC200C9833DA726E9376C2E32CFF7 9000".replace(" ", ""),
                hex(r));
        assertEquals(0x9000, sw(key.transmit(calculate("hmac", new byte[1], true))));
        assertEquals(0x9000, sw(key.transmit(calculate("hmac", new byte[64], true))));
        assertEquals(0x6A80, sw(key.transmit(calculate("hmac", new byte[0], true))));
        assertEquals(0x6A80, sw(key.transmit(calculate("hmac", new byte[65], true))));
    }

    @Test
    void put_sha512_rfc4231Vector() {
        assertEquals(0x9000, card.put("jefe", 0x23, 8, utf8("Jefe"), false));
        byte[] r = key.transmit(calculate("jefe", utf8("what do ya want for nothing?"), false));
        assertEquals(("7541 08 164b7a7bfcf819e2e395fbe73b56e0a387bd64222e831fd610270cd7ea2505549758bf75c05a994a6d"
                + "034f65f8f0e6fdcaeab1a34d4a6b4b636e070a38bce737 9000").replace(" ", "").toUpperCase(), hex(r));
    }

    @Test
    void put_sameId_overwritesTypeKeyAndDigits() {
        assertEquals(0x9000, card.put("x", 0x21, 6, RFC_SEED, false));
        assertEquals(0x9000, card.put("x", 0x11, 8, RFC_SEED, false));
        assertEquals(List.of(new Entry(0x11, "x")), card.list());
        // HOTP counter 0, 8 digits: RFC 4226 -> 84755224 = 0x050CCE98
        assertEquals("760508050D43189000", hex(key.transmit(calculate("x", new byte[0], true))));
    }

    @Test
    void put_rejectsMalformedData_with6A80() {
        assertEquals(0x6A80, card.put("", 0x21, 6, RFC_SEED, false), "empty id");
        assertEquals(0x6A80, card.put("a".repeat(65), 0x21, 6, RFC_SEED, false), "id over 64 bytes");
        assertEquals(0x9000, card.put("a".repeat(64), 0x21, 6, RFC_SEED, false), "64-byte id is fine");
        assertEquals(0x6A80, card.put("t", 0x31, 6, RFC_SEED, false), "unknown type");
        assertEquals(0x6A80, card.put("t", 0x24, 6, RFC_SEED, false), "unknown algorithm");
        assertEquals(0x6A80, card.put("t", 0x21, 5, RFC_SEED, false), "5 digits");
        assertEquals(0x6A80, card.put("t", 0x21, 9, RFC_SEED, false), "9 digits");
        assertEquals(0x6A80, card.put("t", 0x21, 6, new byte[65], false), "SHA-1 key over one block");
        assertEquals(0x9000, card.put("t", 0x23, 6, new byte[128], false), "SHA-512 key of one block");
        assertEquals(0x6A80, card.sendSw(apdu(1, 0, 0, hex("7103 616263"))), "no key");
        assertEquals(0x6A80, card.sendSw(apdu(1, 0, 0, hex("7101 61 7303 2106 00 7A02 0000"))), "IMF not 4 bytes");
        assertEquals(0x6A80, card.sendSw(apdu(1, 0, 0, hex("7101 61 7303 2106 00 7F01 00"))), "unknown trailing tag");
        assertEquals(0x6A80, card.sendSw(apdu(1, 0, 0, hex("7105 61"))), "truncated TLV");
    }

    @Test
    void put_propertyWithoutLength_thenImf_isParsed() {
        // 78 02 then 7A 04 00000005: a generic TLV parser would swallow the IMF
        byte[] apdu = Apdus.put("h", 0x11, 6, concat(new byte[] {0x00, 0x42}, new byte[12]), true, 5);
        assertEquals(0x9000, card.sendSw(apdu));
        // spec §5.3: key 0042+zeros, counter 5 -> 236516 (= 0x00039BE4)
        assertEquals(236516, code(key.transmit(calculate("h", new byte[0], true))));
    }

    @Test
    void put_whenFull_answers6A84_butOverwriteStillWorks() {
        for (int i = 0; i < 4; i++) {
            assertEquals(0x9000, card.put("c" + i, 0x21, 6, RFC_SEED, false));
        }
        assertEquals(0x6A84, card.put("c4", 0x21, 6, RFC_SEED, false));
        assertEquals(0x9000, card.put("c2", 0x22, 6, RFC_SEED, false), "overwrite needs no new slot");
        assertEquals(0x9000, card.sendSw(apdu(0x05, 0, 0, concat(tlv(0x71, utf8("c1")), tlv(0x71, utf8("r1"))))));
        assertEquals(4, card.list().size());
    }

    @Test
    void delete_removesCredential_andUnknownIdAnswers6984() {
        card.put("a", 0x21, 6, RFC_SEED, false);
        card.put("b", 0x21, 6, RFC_SEED, false);
        assertEquals(0x9000, card.sendSw(apdu(0x02, 0, 0, tlv(0x71, utf8("a")))));
        assertEquals(List.of(new Entry(0x21, "b")), card.list());
        assertEquals(0x6984, card.sendSw(apdu(0x02, 0, 0, tlv(0x71, utf8("a")))));
        assertEquals(0x6A80, card.sendSw(apdu(2, 0, 0, hex("7205 61"))));
        assertEquals(0x6700, sw(key.transmit(hex("0002000009 7101 61"))), "Lc longer than the data");
    }

    @Test
    void rename_changesId_keepsKey_rejectsClashAndUnknown() {
        card.put("old", 0x21, 8, RFC_SEED, false);
        card.put("other", 0x21, 6, RFC_SEED, false);
        assertEquals(0x9000, card.sendSw(apdu(0x05, 0, 0, concat(tlv(0x71, utf8("old")), tlv(0x71, utf8("I:new"))))));
        assertEquals(List.of(new Entry(0x21, "I:new"), new Entry(0x21, "other")), card.list().stream().sorted()
                .toList());
        assertEquals("760508059EB4EA9000", hex(key.transmit(calculate("I:new", step(1), true))));
        assertEquals(0x6984, card.sendSw(apdu(0x05, 0, 0, concat(tlv(0x71, utf8("old")), tlv(0x71, utf8("z"))))));
        assertEquals(0x6A80, card.sendSw(apdu(0x05, 0, 0, concat(tlv(0x71, utf8("I:new")),
                tlv(0x71, utf8("other"))))));
        assertEquals(0x6A80, card.sendSw(apdu(0x05, 0, 0, concat(tlv(0x71, utf8("I:new")),
                tlv(0x71, utf8("x".repeat(65)))))));
    }

    @Test
    void list_emptyAndWithCase1AndCase2Apdus() {
        assertEquals("9000", hex(key.transmit(hex("00A10000"))));
        card.put("test-name", 0x21, 6, RFC_SEED, false);
        card.put("hotp-cred", 0x11, 6, RFC_SEED, false);
        String expected = "720A21746573742D6E616D65720A11686F74702D637265649000";
        assertEquals(expected, hex(key.transmit(hex("00A1000000"))));
        assertEquals(expected, hex(key.transmit(hex("00A10000"))));
    }

    @Test
    void extendedLengthApdus_areAccepted_andLongResponsesStillChain() {
        // ykman >= 5.5 on a USB-classified link: CALCULATE ALL as 00 A4 00 01 00 000A <data> (spec §2)
        assertEquals(0x9000, card.put("t", 0x21, 8, RFC_SEED, false));
        assertEquals("710174760508059EB4EA9000",
                hex(key.transmit(hex("00A40001 00000A 7408 0000000000000001"))));
        assertEquals("71017475150875A48A19D4CBE100644E8AC1397EEA747A2D33AB9000",
                hex(key.transmit(hex("00A40000 00000A 7408 0000000000000001 0000"))));
        byte[] setCodeRemove = hex("00030000 000002 7300");
        assertEquals(0x9000, sw(key.transmit(setCodeRemove)));
    }

    @Test
    void calculate_unknownId_answers6984() {
        assertEquals(0x6984, sw(key.transmit(calculate("nope", step(1), true))));
    }

    @Test
    void calculate_hotp_ignoresChallenge_andAdvancesPersistentCounter() {
        card.put("h", 0x11, 6, RFC_SEED, false);
        assertEquals("76050600 0B 86 18 9000".replace(" ", ""),
                hex(key.transmit(calculate("h", new byte[0], true))), "755224 = 0x000B8618");
        assertEquals(287082, code(key.transmit(calculate("h", new byte[8], true))));
        key.powerCycle();
        card.select();
        assertEquals(359152, code(key.transmit(calculate("h", step(77), true))), "counter survives power loss");
    }

    @Test
    void calculateAll_marksHotpAndTouch_andComputesTotp_withoutAdvancingHotp() {
        card.put("t", 0x21, 8, RFC_SEED, false);
        card.put("h", 0x11, 6, RFC_SEED, false);
        card.put("touch", 0x21, 7, RFC_SEED, true);
        byte[] r = key.transmit(hex("00A400010A 7408 0000000000000001"));
        assertEquals("710174 760508059EB4EA 710168 770106 710574 6F756368 7C0107 9000".replace(" ", ""), hex(r));
        assertEquals(755224, code(key.transmit(calculate("h", new byte[0], true))), "HOTP counter still 0");
        byte[] full = key.transmit(hex("00A400000A 7408 0000000000000001"));
        assertTrue(hex(full).startsWith("710174751508" + "75A48A19D4CBE100644E8AC1397EEA747A2D33AB"));
    }

    @Test
    void calculateAll_withoutChallenge_answers6A80_andWrongP1P2_6B00() {
        assertEquals(0x6A80, sw(key.transmit(hex("00A4000100"))));
        assertEquals(0x6B00, sw(key.transmit(hex("00A400020A 7408 0000000000000001"))));
        assertEquals(0x6B00, sw(key.transmit(hex("00A2010110 7104 74657374 7408 0000000000000001"))));
    }

    @Test
    void wrongP1P2_answers6B00_unknownIns6D00_badCla6E00() {
        assertEquals(0x6B00, sw(key.transmit(hex("00A1010000"))));
        assertEquals(0x6B00, sw(key.transmit(hex("0004000000"))), "RESET needs DE AD");
        assertEquals(0x6B00, sw(key.transmit(hex("0004DEAC00"))));
        assertEquals(0x6D00, sw(key.transmit(hex("00C0000000"))));
        assertEquals(0x6E00, sw(key.transmit(hex("80A1000000"))));
    }

    @Test
    void sendRemaining_withNothingPending_answers6985() {
        assertEquals(0x6985, sw(key.transmit(hex("00A5000000"))));
    }

    @Test
    void response_longerThanLe_isChainedWith61xx() {
        card.put("t", 0x23, 6, RFC_SEED, false);
        byte[] first = key.transmit(concat(calculate("t", step(1), false), new byte[] {0x10}));
        assertEquals(0x6100 | (67 - 16), sw(first));
        assertEquals(16, data(first).length);
        byte[] rest = key.transmit(hex("00A5000000"));
        assertEquals(0x9000, sw(rest));
        assertEquals(51, data(rest).length);
    }

    @Test
    void reset_wipesCredentials_andRotatesSalt() {
        card.put("a", 0x21, 6, RFC_SEED, false);
        byte[] salt = card.salt.clone();
        assertEquals(0x9000, card.reset());
        assertEquals(0x9000, sw(key.transmit(hex("0004DEAD"))), "case-1 form works too");
        Map<Integer, byte[]> m = card.select();
        assertFalse(java.util.Arrays.equals(salt, m.get(0x71)), "new salt after RESET");
        assertEquals(List.of(), card.list());
    }

    @Test
    void powerCycle_keepsCredentials_andNeedsReselect() {
        card.put("a", 0x21, 6, RFC_SEED, false);
        key.powerCycle();
        assertNotEquals(0x9000, sw(key.transmit(hex("00A1000000"))), "nothing selected after power-up");
        card.select();
        assertEquals(List.of(new Entry(0x21, "a")), card.list());
    }

    @Test
    void removedKey_failsTransmit_untilInserted() {
        key.remove();
        assertThrows(dev.ykmfa.protocol.transport.TransportException.class, () -> key.transmit(selectOath()));
        key.insert();
        assertEquals(0x9000, sw(key.transmit(selectOath())));
    }

    static int code(byte[] response) {
        assertEquals(0x9000, sw(response), () -> "expected success, got " + hex(response));
        byte[] d = data(response);
        assertEquals(0x76, d[0] & 0xFF);
        return ((d[3] & 0xFF) << 24) | ((d[4] & 0xFF) << 16) | ((d[5] & 0xFF) << 8) | (d[6] & 0xFF);
    }
}
