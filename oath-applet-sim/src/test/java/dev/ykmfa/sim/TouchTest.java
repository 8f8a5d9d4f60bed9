package dev.ykmfa.sim;

import static dev.ykmfa.sim.Apdus.*;
import static org.junit.jupiter.api.Assertions.*;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The touch property: never computed without the touch policy's approval (spec §4.7, §4.9). */
class TouchTest {
    private static final byte[] SEED = utf8("12345678901234567890");

    private static RawOathClient cardWith(TouchPolicy policy) {
        RawOathClient card = new RawOathClient(SimulatedYubiKey.builder().touchPolicy(policy).build());
        card.select();
        assertEquals(0x9000, card.put("touchy", 0x21, 8, SEED, true));
        assertEquals(0x9000, card.put("plain", 0x21, 8, SEED, false));
        return card;
    }

    @Test
    void calculate_touchCredential_asksPolicyOnce_andComputesWhenApproved() {
        AtomicInteger asked = new AtomicInteger();
        RawOathClient card = cardWith(() -> {
            asked.incrementAndGet();
            return true;
        });
        assertEquals(94287082, OathAppletTest.code(card.key.transmit(calculate("touchy", step(1), true))));
        assertEquals(1, asked.get());
        card.key.transmit(calculate("plain", step(1), true));
        assertEquals(1, asked.get(), "no touch asked for a plain credential");
    }

    @Test
    void calculate_touchDenied_answers6982_withoutCode() {
        RawOathClient card = cardWith(TouchPolicy.DENY);
        assertEquals("6982", hex(card.key.transmit(calculate("touchy", step(1), true))));
        RawOathClient timeout = cardWith(TouchPolicy.TIMEOUT);
        assertEquals("6982", hex(timeout.key.transmit(calculate("touchy", step(1), false))));
    }

    @Test
    void calculate_withTimeoutAfter_waitsThenFails() {
        RawOathClient card = cardWith(TouchPolicy.timeoutAfter(java.time.Duration.ofMillis(20)));
        assertEquals("6982", hex(card.key.transmit(calculate("touchy", step(1), true))));
    }

    @Test
    void calculateAll_marksTouch_andNeverAsksThePolicy() {
        AtomicBoolean asked = new AtomicBoolean();
        RawOathClient card = cardWith(() -> {
            asked.set(true);
            return true;
        });
        byte[] r = card.key.transmit(hex("00A400010A 7408 0000000000000001"));
        assertEquals("7106746F75636879 7C0108 7105706C61696E 760508059EB4EA 9000".replace(" ", ""), hex(r));
        assertFalse(asked.get());
    }

    @Test
    void hotpWithTouch_isAskedBeforeTheCounterMoves() {
        AtomicBoolean allow = new AtomicBoolean(false);
        RawOathClient card = new RawOathClient(SimulatedYubiKey.builder().touchPolicy(allow::get).build());
        card.select();
        card.put("h", 0x11, 6, SEED, true);
        assertEquals(0x6982, sw(card.key.transmit(calculate("h", new byte[0], true))));
        allow.set(true);
        assertEquals(755224, OathAppletTest.code(card.key.transmit(calculate("h", new byte[0], true))),
                "a denied touch did not consume counter 0");
        byte[] all = card.key.transmit(hex("00A400010A 7408 0000000000000001"));
        assertEquals("710168 770106 9000".replace(" ", ""), hex(all), "HOTP+touch is reported as HOTP");
    }
}
