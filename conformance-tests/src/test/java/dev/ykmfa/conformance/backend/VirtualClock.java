package dev.ykmfa.conformance.backend;

import dev.ykmfa.aws.Sleeper;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** A clock that moves only when told (or when its {@link #sleeper()} "sleeps"): shared by aws-sim, key and flow. */
public final class VirtualClock extends Clock {
    private volatile Instant now;

    /** @param start the initial instant */
    public VirtualClock(Instant start) {
        this.now = start;
    }

    /** @param d how far to move forward (not negative) */
    public synchronized void advance(Duration d) {
        if (d.isNegative()) {
            throw new IllegalArgumentException("a virtual clock only moves forward, not by " + d);
        }
        now = now.plus(d);
    }

    /** @return a sleeper that advances this clock instead of sleeping */
    public Sleeper sleeper() {
        return d -> advance(d.isNegative() ? Duration.ZERO : d);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }

    @Override
    public Instant instant() {
        return now;
    }
}
