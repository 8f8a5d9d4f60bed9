package dev.ykmfa.sim;

import static dev.ykmfa.sim.Apdus.*;
import static org.junit.jupiter.api.Assertions.*;

import dev.ykmfa.protocol.otp.HashAlgorithm;
import dev.ykmfa.protocol.otp.Totp;
import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** 61xx + SEND REMAINING with 200 long-named credentials (spec §2, §4.6, §4.9). */
class ChainingTest {
    private static final int COUNT = 200;

    private static String id(int i) {
        return String.format("Issuer-%03d:account-with-a-long-name-%03d@example.com", i, i);
    }

    private static SimulatedYubiKey loadedKey() {
        SimulatedYubiKey key = SimulatedYubiKey.builder().capacity(254).build();
        RawOathClient card = new RawOathClient(key);
        card.select();
        for (int i = 0; i < COUNT; i++) {
            int typeAlg = i % 10 == 0 ? 0x11 : 0x20 | (1 + i % 3);
            assertEquals(0x9000, card.put(id(i), typeAlg, 6 + i % 3, seed(i), i % 7 == 0));
        }
        return key;
    }

    private static byte[] seed(int i) {
        byte[] s = new byte[20];
        for (int j = 0; j < s.length; j++) {
            s[j] = (byte) (i * 31 + j);
        }
        return s;
    }

    @Test
    void list_of200_isChunkedAndComplete() {
        SimulatedYubiKey key = loadedKey();
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        byte[] r = key.transmit(hex("00A1000000"));
        int chunks = 1;
        while ((sw(r) >> 8) == 0x61) {
            assertTrue(data(r).length <= 255);
            all.writeBytes(data(r));
            r = key.transmit(hex("00A50000"));
            chunks++;
        }
        assertEquals(0x9000, sw(r));
        all.writeBytes(data(r));
        List<String> ids = new ArrayList<>();
        for (RawOathClient.Tlv t : RawOathClient.parse(all.toByteArray())) {
            assertEquals(0x72, t.tag());
            ids.add(new String(t.value(), 1, t.value().length - 1, java.nio.charset.StandardCharsets.UTF_8));
        }
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < COUNT; i++) {
            expected.add(id(i));
        }
        assertEquals(expected, ids);
        assertTrue(chunks > 40, "about 11 KB must need many chunks, got " + chunks);
    }

    @Test
    void calculateAll_of200_matchesHostTotp_andMarksHotpAndTouch() {
        SimulatedYubiKey key = loadedKey();
        Instant now = Instant.ofEpochSecond(1_700_000_000L);
        long t = now.getEpochSecond() / 30;
        byte[] all = transceive(key, concat(hex("00A40001 0A 7408"), step(t)));
        assertEquals(0x9000, sw(all));
        List<RawOathClient.Tlv> tlvs = RawOathClient.parse(data(all));
        assertEquals(2 * COUNT, tlvs.size());
        for (int i = 0; i < COUNT; i++) {
            assertEquals(id(i), new String(tlvs.get(2 * i).value(), java.nio.charset.StandardCharsets.UTF_8));
            RawOathClient.Tlv v = tlvs.get(2 * i + 1);
            int digits = 6 + i % 3;
            if (i % 10 == 0) {
                assertEquals(0x77, v.tag(), "HOTP " + i);
            } else if (i % 7 == 0) {
                assertEquals(0x7C, v.tag(), "touch " + i);
            } else {
                assertEquals(0x76, v.tag());
                HashAlgorithm alg = HashAlgorithm.values()[i % 3];
                int expected = Totp.builder(seed(i)).algorithm(alg).digits(digits).build().generate(now);
                byte[] b = v.value();
                int code = ((b[1] & 0xFF) << 24) | ((b[2] & 0xFF) << 16) | ((b[3] & 0xFF) << 8) | (b[4] & 0xFF);
                assertEquals(expected, code, "credential " + i);
            }
        }
    }

    @Test
    void anyOtherCommand_discardsThePendingRemainder() {
        SimulatedYubiKey key = loadedKey();
        assertEquals(0x61, sw(key.transmit(hex("00A1000000"))) >> 8);
        assertEquals(0x9000, sw(key.transmit(calculate(id(1), step(1), true))));
        assertEquals(0x6985, sw(key.transmit(hex("00A5000000"))));
    }
}
