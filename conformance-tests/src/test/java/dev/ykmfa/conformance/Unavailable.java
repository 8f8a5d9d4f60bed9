package dev.ykmfa.conformance;

/**
 * The key or backend of this run cannot be had because something outside the project is missing (no reader, no
 * Docker, moto not installed, no LocalStack token…). Only this becomes a skip; every other set-up failure is a test
 * failure (see {@link SetupProblem}).
 */
public final class Unavailable extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** @param message what is missing and how to provide it */
    public Unavailable(String message) {
        super(message);
    }

    /**
     * @param message what is missing and how to provide it
     * @param cause the error that showed it
     */
    public Unavailable(String message, Throwable cause) {
        super(message, cause);
    }
}
