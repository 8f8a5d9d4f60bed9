package dev.ykmfa.protocol.ykoath;

/**
 * The card's answer to the host challenge in VALIDATE did not match: the card does not hold the key the host derived, or the link is not trustworthy.
 */
public class CardVerificationException extends OathException {
    private static final long serialVersionUID = 1L;

    /**
     * @param message what happened and what to do about it
     * @param statusWord the status word the card answered, or {@link OathException#NO_STATUS_WORD}
     */
    public CardVerificationException(String message, int statusWord) {
        super(message, statusWord);
    }
}
