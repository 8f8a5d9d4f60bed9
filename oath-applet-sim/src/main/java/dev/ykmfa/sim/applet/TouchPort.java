package dev.ykmfa.sim.applet;

import javacard.framework.Shareable;

/**
 * The applet's view of the key's touch sensor. Before computing a credential that requires touch, the applet asks
 * {@link #awaitTouch()}; a {@code false} answer (denied or timed out) makes the command fail with {@code 6982}.
 * The simulator injects an implementation; with none injected, touch is never granted.
 */
public interface TouchPort extends Shareable {
    /** @return true when the user touched the key in time */
    boolean awaitTouch();
}
