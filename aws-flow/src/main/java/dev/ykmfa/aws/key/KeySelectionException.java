package dev.ykmfa.aws.key;

/** The YubiKey could not be chosen (none, or several); the message lists the readers and says how to choose. */
public final class KeySelectionException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** @param message what is wrong and the fix */
    public KeySelectionException(String message) {
        super(message);
    }
}
