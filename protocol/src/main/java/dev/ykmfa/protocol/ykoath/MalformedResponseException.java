package dev.ykmfa.protocol.ykoath;

/**
 * The card answered success but the response data does not follow {@code spec/ykoath.md} (missing or wrong tags or lengths).
 */
public class MalformedResponseException extends OathException {
    private static final long serialVersionUID = 1L;

    /**
     * @param message what happened and what to do about it
     * @param statusWord the status word the card answered, or {@link OathException#NO_STATUS_WORD}
     */
    public MalformedResponseException(String message, int statusWord) {
        super(message, statusWord);
    }
}
