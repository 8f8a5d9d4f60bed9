package dev.ykmfa.cli;

/** The exit codes of {@code ykmfa} (DESIGN.md §7): 0 ok, 1 AWS or the key refused, 2 usage error. */
public final class ExitCodes {
    /** Success. */
    public static final int OK = 0;
    /** AWS or the key refused (or another runtime failure: network, files, PC/SC). */
    public static final int REFUSED = 1;
    /** The command line was wrong: unknown option, missing or bad value, conflicting choices. */
    public static final int USAGE = 2;

    private ExitCodes() {
    }
}
