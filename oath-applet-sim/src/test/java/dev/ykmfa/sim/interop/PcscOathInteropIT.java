package dev.ykmfa.sim.interop;

import static org.junit.jupiter.api.Assertions.*;

import dev.ykmfa.protocol.transport.PcscTransport;
import dev.ykmfa.sim.OathSessionScenarioAccess;
import org.junit.jupiter.api.Test;

/** protocol's PcscTransport + OathSession through real pcscd + vpcd to the bridged simulated key. */
class PcscOathInteropIT {

    @Test
    void oathSession_overPcscdAndVpcd_runsTheWholeScenario() {
        InteropEnvironment env = InteropEnvironment.get();
        try (PcscTransport t = PcscTransport.open(InteropEnvironment.READER)) {
            assertEquals(InteropEnvironment.READER, t.readerName());
            assertArrayEquals(env.key.atr(), t.atr());
        }
        OathSessionScenarioAccess.run(() -> PcscTransport.open(InteropEnvironment.READER));
    }
}
