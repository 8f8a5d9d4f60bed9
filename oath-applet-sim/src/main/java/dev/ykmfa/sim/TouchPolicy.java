package dev.ykmfa.sim;

import java.time.Duration;

/**
 * What happens when the simulated key asks for a touch (a credential with the touch property is calculated).
 * Return {@code true} for "touched in time"; {@code false} makes the card answer {@code 6982}, which ykman reports
 * as "Touch account timed out!". The policy runs on the thread that sent the APDU, while the simulator's lock is
 * held: a policy that blocks also blocks every other simulated key in the JVM until it returns.
 *
 * <pre>{@code
 * AtomicInteger touches = new AtomicInteger();
 * SimulatedYubiKey key = SimulatedYubiKey.builder()
 *         .touchPolicy(() -> { touches.incrementAndGet(); return true; })
 *         .build();
 * }</pre>
 */
@FunctionalInterface
public interface TouchPolicy {

    /** Every touch request is approved at once (the default). */
    TouchPolicy APPROVE = () -> true;

    /** Every touch request is refused at once. */
    TouchPolicy DENY = () -> false;

    /** Every touch request times out: the user never touches the key (answered at once, without waiting). */
    TouchPolicy TIMEOUT = () -> false;

    /**
     * Called once per touch request.
     *
     * @return true when the user touched the key
     */
    boolean awaitTouch();

    /**
     * A policy that waits {@code wait} (as a real key does before it gives up) and then times out.
     *
     * @param wait how long to block the APDU, e.g. {@code Duration.ofSeconds(15)} like hardware
     * @return the policy
     */
    static TouchPolicy timeoutAfter(Duration wait) {
        long millis = wait.toMillis();
        return () -> {
            try {
                Thread.sleep(millis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return false;
        };
    }
}
