package dev.ykmfa.sim.applet;

/**
 * Thrown by {@link PersistentWriter} when a test has armed it to "cut the power" at a persistent write.
 * It is a simulator seam, never thrown on a real card.
 */
public final class SimulatedPowerLoss extends RuntimeException {

    SimulatedPowerLoss() {
        super();
    }
}
