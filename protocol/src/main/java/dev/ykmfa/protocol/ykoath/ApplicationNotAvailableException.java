package dev.ykmfa.protocol.ykoath;

/**
 * SELECT of the OATH AID failed (typically {@code 6A82}): the card is not a YubiKey with the OATH application enabled.
 */
public class ApplicationNotAvailableException extends OathException {
    private static final long serialVersionUID = 1L;

    /**
     * @param message what happened and what to do about it
     * @param statusWord the status word the card answered, or {@link OathException#NO_STATUS_WORD}
     */
    public ApplicationNotAvailableException(String message, int statusWord) {
        super(message, statusWord);
    }
}
