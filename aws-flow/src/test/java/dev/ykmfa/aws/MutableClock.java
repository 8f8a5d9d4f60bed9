package dev.ykmfa.aws;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** A test clock that moves only when told (or when {@link #sleeper()} "sleeps"). */
final class MutableClock extends Clock {
    private volatile Instant now;
    private volatile Duration slept = Duration.ZERO;

    MutableClock(Instant start) {
        this.now = start;
    }

    void advance(Duration d) {
        now = now.plus(d);
    }

    Duration totalSlept() {
        return slept;
    }

    Sleeper sleeper() {
        return d -> {
            slept = slept.plus(d);
            advance(d);
        };
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
