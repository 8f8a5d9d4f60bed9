package dev.ykmfa.protocol.ykoath;

/**
 * The key's firmware (from the SELECT version) lacks the feature, e.g. RENAME before 5.3.0; nothing was sent to the card.
 */
public class FeatureNotSupportedException extends OathException {
    private static final long serialVersionUID = 1L;

    /**
     * @param message what happened and what to do about it
     * @param statusWord the status word the card answered, or {@link OathException#NO_STATUS_WORD}
     */
    public FeatureNotSupportedException(String message, int statusWord) {
        super(message, statusWord);
    }
}
