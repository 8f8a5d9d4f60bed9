package dev.ykmfa.sim;

import dev.ykmfa.protocol.transport.ApduTransport;
import java.util.function.Supplier;

/** Lets test suites in other packages run {@link OathSessionScenario}. */
public final class OathSessionScenarioAccess {
    private OathSessionScenarioAccess() {
    }

    /** @param connect opens a fresh transport to the key */
    public static void run(Supplier<ApduTransport> connect) {
        OathSessionScenario.run(connect);
    }
}
