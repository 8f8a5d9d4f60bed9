package dev.ykmfa.protocol.ykoath;

/**
 * The card has no credential with the given id ({@code 6984}).
 */
public class NoSuchCredentialException extends OathException {
    private static final long serialVersionUID = 1L;

    /**
     * @param message what happened and what to do about it
     * @param statusWord the status word the card answered, or {@link OathException#NO_STATUS_WORD}
     */
    public NoSuchCredentialException(String message, int statusWord) {
        super(message, statusWord);
    }
}
