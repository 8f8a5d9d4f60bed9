package dev.ykmfa.protocol.transport;

/**
 * The link to the card failed: no reader, no card, the PC/SC service is down, or the card was removed.
 * The message says what failed and what to do about it.
 */
public class TransportException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** @param message what failed and how to fix it */
    public TransportException(String message) {
        super(message);
    }

    /**
     * @param message what failed and how to fix it
     * @param cause the underlying failure
     */
    public TransportException(String message, Throwable cause) {
        super(message, cause);
    }
}
