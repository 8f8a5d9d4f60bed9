package dev.ykmfa.conformance;

/**
 * Why the key or backend of this run could not be created, and whether that skips the tests needing it (an
 * {@link Unavailable} component) or fails them (anything else: a bad {@code -D} value, a broken default key or backend).
 *
 * @param reason the message shown for every test needing the component
 * @param skip true when the component is merely unavailable on this machine
 * @param cause the original error, or null
 */
public record SetupProblem(String reason, boolean skip, Throwable cause) {

    /**
     * @param what the component, e.g. "the backend 'aws-sim'"
     * @param error what its creation threw
     * @return a skip for {@link Unavailable}, a failure for everything else
     */
    public static SetupProblem classify(String what, Throwable error) {
        if (error instanceof Unavailable) {
            return new SetupProblem(error.getMessage(), true, error);
        }
        return new SetupProblem(what + " could not be set up (a failure, not a skip: only a missing external"
                + " component is skipped): " + error, false, error);
    }

    /** @return the error to throw from every test needing the component (only for failures) */
    public IllegalStateException toFailure() {
        return new IllegalStateException(reason, cause);
    }
}
