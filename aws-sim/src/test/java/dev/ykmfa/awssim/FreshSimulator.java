package dev.ykmfa.awssim;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * Base of the integration suites that each test against a freshly started simulator whose clock stands at the start
 * of a TOTP step. Subclass {@code @BeforeEach} methods run after {@link #startSimulator()}, so they can seed it.
 */
abstract class FreshSimulator {
    /** The simulator's clock, at the start of a TOTP step when a test begins. */
    MutableClock clock;
    /** The running simulator, closed after each test. */
    AwsSimulator sim;

    @BeforeEach
    final void startSimulator() {
        clock = MutableClock.atStepStart();
        sim = AwsSimulator.builder().clock(clock).build().start();
    }

    @AfterEach
    final void stopSimulator() {
        sim.close();
    }
}
