package dev.ykmfa.awssim;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Faults the simulator injects for reliability tests: throttling, 500s, added latency and connection resets, per
 * Action (or {@code "*"} for every action). Off until a rule is added; rules may be added and cleared while the
 * simulator runs. Thread-safe.
 *
 * <pre>{@code
 * FaultInjection faults = new FaultInjection()
 *         .throttle("AssumeRole", 2)                     // the next two AssumeRole calls answer Throttling
 *         .latency("*", Duration.ofMillis(20));           // every request 20 ms slower
 * AwsSimulator sim = AwsSimulator.builder().faultInjection(faults).build().start();
 * }</pre>
 *
 * <p>Injected faults apply to MFA-bearing calls too — the one case where the simulator answers 5xx/throttling to
 * them, so tests can show that a retried request must not resend a consumed code.
 */
public final class FaultInjection {
    /** Use as {@code times} for a rule that never runs out. */
    public static final int ALWAYS = Integer.MAX_VALUE;

    /** What a rule does. */
    public enum Kind {
        /** Answer {@code Throttling} (400; EC2: {@code RequestLimitExceeded} 503). */
        THROTTLE,
        /** Answer a 500 ({@code ServiceFailure}/{@code InternalFailure}; EC2: {@code InternalError}). */
        SERVER_ERROR,
        /** Drop the connection without an answer. */
        CONNECTION_RESET,
        /** Delay the answer. */
        LATENCY
    }

    private record Rule(String action, Kind kind, AtomicInteger remaining, Duration delay) {
        boolean matches(String a) {
            return action.equals("*") || action.equals(a);
        }
    }

    private final List<Rule> rules = new CopyOnWriteArrayList<>();

    /**
     * @param action Action name or {@code *}
     * @param times how many matching requests to throttle ({@link #ALWAYS} for all)
     * @return this
     */
    public FaultInjection throttle(String action, int times) {
        return add(action, Kind.THROTTLE, times, Duration.ZERO);
    }

    /**
     * @param action Action name or {@code *}
     * @param times how many matching requests answer 500
     * @return this
     */
    public FaultInjection serverError(String action, int times) {
        return add(action, Kind.SERVER_ERROR, times, Duration.ZERO);
    }

    /**
     * @param action Action name or {@code *}
     * @param times how many matching requests get their connection dropped
     * @return this
     */
    public FaultInjection connectionReset(String action, int times) {
        return add(action, Kind.CONNECTION_RESET, times, Duration.ZERO);
    }

    /**
     * @param action Action name or {@code *}
     * @param delay added to every matching request
     * @return this
     */
    public FaultInjection latency(String action, Duration delay) {
        return add(action, Kind.LATENCY, ALWAYS, delay);
    }

    private FaultInjection add(String action, Kind kind, int times, Duration delay) {
        Objects.requireNonNull(action, "action");
        if (times < 1) {
            throw new IllegalArgumentException("times must be 1 or more (or ALWAYS), not " + times);
        }
        if (delay.isNegative()) {
            throw new IllegalArgumentException("latency must not be negative: " + delay);
        }
        rules.add(new Rule(action, kind, new AtomicInteger(times), delay));
        return this;
    }

    /** Removes every rule. */
    public void clear() {
        rules.clear();
    }

    /** @return whether any rule is configured */
    public boolean active() {
        return !rules.isEmpty();
    }

    /**
     * Applies latency rules (sleeping) and returns the first failure rule that fires for this request.
     *
     * @param action the request's Action
     * @return the failure to answer, or null to proceed normally
     */
    public Kind apply(String action) {
        if (rules.isEmpty()) {
            return null;
        }
        long sleepNanos = 0;
        Kind failure = null;
        for (Rule r : rules) {
            if (!r.matches(action)) {
                continue;
            }
            if (r.kind() == Kind.LATENCY) {
                sleepNanos += r.delay().toNanos();
            } else if (failure == null && take(r.remaining())) {
                failure = r.kind();
            }
        }
        if (sleepNanos > 0) {
            try {
                Thread.sleep(sleepNanos / 1_000_000, (int) (sleepNanos % 1_000_000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return failure;
    }

    private static boolean take(AtomicInteger remaining) {
        while (true) {
            int n = remaining.get();
            if (n <= 0) {
                return false;
            }
            if (n == ALWAYS || remaining.compareAndSet(n, n - 1)) {
                return true;
            }
        }
    }

    @Override
    public String toString() {
        return "FaultInjection" + rules;
    }
}
