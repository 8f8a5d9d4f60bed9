package dev.ykmfa.cli;

import java.io.PrintStream;
import java.util.function.Supplier;

/**
 * The {@code -v} debug lines: "ykmfa: debug: …" on stderr. Callers pass only non-secret text (ids, ARNs, file
 * names, timings), never keys, codes, passwords or tokens.
 */
public final class DebugLog {
    private final PrintStream err;
    private volatile boolean enabled;

    /** @param err where debug lines go */
    public DebugLog(PrintStream err) {
        this.err = err;
    }

    /** Turns debug output on. */
    public void enable() {
        enabled = true;
    }

    /** @return whether {@code -v} was given */
    public boolean enabled() {
        return enabled;
    }

    /** @param message the line, built only when debug output is on */
    public void debug(Supplier<String> message) {
        if (enabled) {
            err.println("ykmfa: debug: " + message.get());
            err.flush();
        }
    }
}
