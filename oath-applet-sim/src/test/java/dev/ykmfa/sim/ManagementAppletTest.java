package dev.ykmfa.sim;

import static dev.ykmfa.sim.Apdus.*;
import static org.junit.jupiter.api.Assertions.*;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The management applet: what ykman's `info` reads (SELECT version text, READ CONFIG device info). */
class ManagementAppletTest {

    @Test
    void select_answersVersionText() {
        SimulatedYubiKey key = SimulatedYubiKey.builder().firmwareVersion(5, 12, 103).build();
        byte[] r = key.transmit(hex("00A4040008A000000527471117"));
        assertEquals(0x9000, sw(r));
        assertEquals("5.12.103", new String(data(r), StandardCharsets.US_ASCII));
    }

    @Test
    void readConfig_reportsSerialVersionFormFactorAndOathEnabled() {
        SimulatedYubiKey key = SimulatedYubiKey.builder().serial(0x01020304).build();
        key.transmit(hex("00A4040008A000000527471117"));
        byte[] r = key.transmit(hex("001D000000"));
        assertEquals(0x9000, sw(r));
        byte[] d = data(r);
        assertEquals(d.length - 1, d[0] & 0xFF, "leading length byte");
        Map<Integer, byte[]> m = RawOathClient.dict(java.util.Arrays.copyOfRange(d, 1, d.length));
        assertEquals("01020304", hex(m.get(0x02)));
        assertEquals("050403", hex(m.get(0x05)));
        assertEquals("01", hex(m.get(0x04)));
        assertEquals(0x20, (m.get(0x03)[1] & 0x20), "OATH enabled over USB");
        assertEquals(0x20, (m.get(0x0E)[1] & 0x20), "OATH enabled over NFC");
        assertEquals("023F", hex(m.get(0x01)));
    }

    @Test
    void otherInstructions_answer6D00() {
        SimulatedYubiKey key = SimulatedYubiKey.create();
        key.transmit(hex("00A4040008A000000527471117"));
        assertEquals(0x6D00, sw(key.transmit(hex("001C000000"))));
        assertEquals(0x6B00, sw(key.transmit(hex("001D010000"))));
    }

    @Test
    void probesYkmanSends_allAnswer6A82() {
        SimulatedYubiKey key = SimulatedYubiKey.create();
        for (String aid : new String[] {"A0000005272001", "A0000006472F0001", "A0000005271002", "A000000308",
            "D27600012401", "A000000527210701", "A000000151000000", "D2760000850101"}) {
            byte[] select = concat(hex("00A40400"), new byte[] {(byte) (aid.length() / 2)}, hex(aid));
            assertEquals(0x6A82, sw(key.transmit(select)), aid);
        }
    }

    @Test
    void serialAndCapacity_areValidatedByTheBuilder() {
        assertThrows(IllegalArgumentException.class, () -> SimulatedYubiKey.builder().serial(0));
        assertThrows(IllegalArgumentException.class, () -> SimulatedYubiKey.builder().capacity(255));
        assertThrows(IllegalArgumentException.class, () -> SimulatedYubiKey.builder().firmwareVersion(5, 256, 0));
    }
}
