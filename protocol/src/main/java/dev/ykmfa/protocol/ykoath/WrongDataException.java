package dev.ykmfa.protocol.ykoath;

/**
 * The card refused the command's data ({@code 6A80}): bad id, key length, type or algorithm.
 */
public class WrongDataException extends OathException {
    private static final long serialVersionUID = 1L;

    /**
     * @param message what happened and what to do about it
     * @param statusWord the status word the card answered, or {@link OathException#NO_STATUS_WORD}
     */
    public WrongDataException(String message, int statusWord) {
        super(message, statusWord);
    }
}
