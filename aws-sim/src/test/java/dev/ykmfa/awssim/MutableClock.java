package dev.ykmfa.awssim;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/** A clock tests move by hand, so TOTP steps and session expiry need no waiting. */
public final class MutableClock extends Clock {
    private final AtomicReference<Instant> now;

    /** @param start the time the clock shows until it is moved */
    public MutableClock(Instant start) {
        this.now = new AtomicReference<>(start);
    }

    /** @return a clock at the start of the current real 30-second step plus 5 s */
    public static MutableClock atStepStart() {
        long s = Instant.now().getEpochSecond();
        return new MutableClock(Instant.ofEpochSecond(s - s % 30 + 5));
    }

    /** @param d how far to move the clock on */
    public void advance(Duration d) {
        now.updateAndGet(t -> t.plus(d));
    }

    /** @param t the time the clock shows from now on */
    public void set(Instant t) {
        now.set(t);
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
        return now.get();
    }
}
