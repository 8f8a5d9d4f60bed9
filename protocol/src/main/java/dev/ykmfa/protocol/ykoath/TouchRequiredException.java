package dev.ykmfa.protocol.ykoath;

/**
 * The credential requires a touch of the key and none came in time ({@code 6982} from CALCULATE on an unlocked session).
 */
public class TouchRequiredException extends OathException {
    private static final long serialVersionUID = 1L;

    /**
     * @param message what happened and what to do about it
     * @param statusWord the status word the card answered, or {@link OathException#NO_STATUS_WORD}
     */
    public TouchRequiredException(String message, int statusWord) {
        super(message, statusWord);
    }
}
