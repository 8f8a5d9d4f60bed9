package dev.ykmfa.cli;

/** A usage error found after parsing (a bad value, a file that must not be overwritten…): exit code 2. */
public final class UsageException extends CliException {
    /** @param message the one-line message, saying how to fix the command line */
    public UsageException(String message) {
        super(message, ExitCodes.USAGE, null);
    }

    /**
     * @param message the one-line message
     * @param cause the cause
     */
    public UsageException(String message, Throwable cause) {
        super(message, ExitCodes.USAGE, cause);
    }
}
