package dev.ykmfa.aws.key;

/** The OATH applet is locked and no (correct) password could be obtained. The message never contains it. */
public final class OathPasswordRequiredException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /**
     * @param message what is wrong and the fix
     * @param cause   the key's refusal, or null
     */
    public OathPasswordRequiredException(String message, Throwable cause) {
        super(message, cause);
    }
}
