package dev.ykmfa.protocol.ykoath;

/**
 * The card has no room for another credential ({@code 6A84}, or {@code 6F00} on some NEOs).
 */
public class NoSpaceException extends OathException {
    private static final long serialVersionUID = 1L;

    /**
     * @param message what happened and what to do about it
     * @param statusWord the status word the card answered, or {@link OathException#NO_STATUS_WORD}
     */
    public NoSpaceException(String message, int statusWord) {
        super(message, statusWord);
    }
}
