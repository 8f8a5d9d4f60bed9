package dev.ykmfa.cli.demo;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A clock that stands still until it is moved: shared by the simulated key's host side (the TOTP step of each
 * CALCULATE) and aws-sim (MFA verification, session expiry), so the demo moves both across a 30-second step at once
 * instead of waiting. Thread-safe.
 */
public final class SharedClock extends Clock {
    private final AtomicReference<Instant> now;

    /** @param start the time it shows until moved */
    public SharedClock(Instant start) {
        this.now = new AtomicReference<>(start);
    }

    /** @param by how far to move it forward */
    public void advance(Duration by) {
        now.updateAndGet(t -> t.plus(by));
    }

    /** @param to the new time, if later than now */
    public void advanceTo(Instant to) {
        now.updateAndGet(t -> to.isAfter(t) ? to : t);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("the shared clock is UTC only");
    }

    @Override
    public Instant instant() {
        return now.get();
    }

    @Override
    public String toString() {
        return "SharedClock[" + now.get() + "]";
    }
}
