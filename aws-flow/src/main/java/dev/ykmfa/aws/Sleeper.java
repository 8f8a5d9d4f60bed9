package dev.ykmfa.aws;

import java.time.Duration;

/** Waits. A seam so that tests can advance a virtual clock instead of sleeping. */
@FunctionalInterface
public interface Sleeper {
    /**
     * @param duration how long
     * @throws InterruptedException when interrupted
     */
    void sleep(Duration duration) throws InterruptedException;

    /** @return {@link Thread#sleep(long)} */
    static Sleeper system() {
        return duration -> Thread.sleep(Math.max(0, duration.toMillis()));
    }
}
