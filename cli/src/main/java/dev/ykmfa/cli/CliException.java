package dev.ykmfa.cli;

/**
 * A failure the CLI reports as one line on stderr with exit code 1 (AWS or the key refused, a file problem…).
 * The message says what went wrong and how to fix it, and never contains a secret.
 */
public class CliException extends RuntimeException {
    private final int exitCode;

    /** @param message the one-line message */
    public CliException(String message) {
        this(message, ExitCodes.REFUSED, null);
    }

    /**
     * @param message the one-line message
     * @param cause the cause (its stack trace is shown with {@code -v})
     */
    public CliException(String message, Throwable cause) {
        this(message, ExitCodes.REFUSED, cause);
    }

    /**
     * @param message the one-line message
     * @param exitCode the exit code
     * @param cause the cause, or null
     */
    protected CliException(String message, int exitCode, Throwable cause) {
        super(message, cause);
        this.exitCode = exitCode;
    }

    /** @return the process exit code for this failure */
    public int exitCode() {
        return exitCode;
    }
}
