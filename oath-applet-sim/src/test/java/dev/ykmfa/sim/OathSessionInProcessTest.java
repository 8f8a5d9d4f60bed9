package dev.ykmfa.sim;

import dev.ykmfa.protocol.transport.PcscTransport;
import org.junit.jupiter.api.Test;

/** protocol's OathSession against the simulated key, directly and through PcscTransport on an in-process terminal. */
class OathSessionInProcessTest {

    @Test
    void oathSession_directlyOnTheSimulatedKey() {
        SimulatedYubiKey key = SimulatedYubiKey.create();
        OathSessionScenario.run(() -> key);
    }

    @Test
    void oathSession_throughPcscTransport_onTheInProcessTerminal() {
        SimulatedYubiKey key = SimulatedYubiKey.create();
        OathSessionScenario.run(() -> PcscTransport.open(key.cardTerminal()));
    }
}
