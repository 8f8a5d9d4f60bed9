package dev.ykmfa.sim;

import static dev.ykmfa.sim.Apdus.*;
import static org.junit.jupiter.api.Assertions.*;

import javax.smartcardio.Card;
import javax.smartcardio.CardChannel;
import javax.smartcardio.CardNotPresentException;
import javax.smartcardio.CardTerminal;
import javax.smartcardio.CommandAPDU;
import javax.smartcardio.ResponseAPDU;
import org.junit.jupiter.api.Test;

/** The in-process javax.smartcardio terminal. */
class SimulatedCardTerminalTest {

    @Test
    void terminal_passesApdusThrough_withoutAutomaticGetResponse() throws Exception {
        SimulatedYubiKey key = SimulatedYubiKey.builder().capacity(40).build();
        RawOathClient setup = new RawOathClient(key);
        setup.select();
        for (int i = 0; i < 30; i++) {
            setup.put("a-long-credential-name-number-" + i, 0x21, 6, new byte[20], false);
        }
        CardTerminal terminal = key.cardTerminal();
        assertTrue(terminal.getName().contains("Yubico YubiKey"));
        assertTrue(terminal.isCardPresent());
        Card card = terminal.connect("*");
        assertEquals("3B8D80018073C021C057597562694B6579F9", hex(card.getATR().getBytes()));
        CardChannel ch = card.getBasicChannel();
        assertEquals(0x9000, ch.transmit(new CommandAPDU(selectOath())).getSW());
        ResponseAPDU r = ch.transmit(new CommandAPDU(hex("00A1000000")));
        assertEquals(0x61, r.getSW1(), "61xx reaches the caller untouched");
        int sw = r.getSW();
        int chunks = 1;
        while ((sw >> 8) == 0x61) {
            sw = ch.transmit(new CommandAPDU(hex("00A5000000"))).getSW();
            chunks++;
        }
        assertEquals(0x9000, sw);
        assertTrue(chunks >= 5, "30 x 35-byte entries need several chunks");
        card.disconnect(false);
    }

    @Test
    void disconnectWithReset_powerCyclesTheKey() throws Exception {
        SimulatedYubiKey key = SimulatedYubiKey.create();
        Card card = key.cardTerminal("Test Reader").connect("T=1");
        CardChannel ch = card.getBasicChannel();
        ch.transmit(new CommandAPDU(selectOath()));
        assertEquals(0x9000, ch.transmit(new CommandAPDU(hex("00A1000000"))).getSW());
        card.disconnect(true);
        Card again = key.cardTerminal("Test Reader").connect("*");
        assertNotEquals(0x9000, again.getBasicChannel().transmit(new CommandAPDU(hex("00A1000000"))).getSW(),
                "after a reset nothing is selected");
    }

    @Test
    void removedKey_isNotPresent() throws Exception {
        SimulatedYubiKey key = SimulatedYubiKey.create();
        CardTerminal terminal = key.cardTerminal();
        key.remove();
        assertFalse(terminal.isCardPresent());
        assertThrows(CardNotPresentException.class, () -> terminal.connect("*"));
    }
}
