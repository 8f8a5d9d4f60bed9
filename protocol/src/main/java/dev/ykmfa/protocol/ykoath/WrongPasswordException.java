package dev.ykmfa.protocol.ykoath;

/**
 * VALIDATE was refused ({@code 6A80}): the password (access key) is wrong.
 */
public class WrongPasswordException extends OathException {
    private static final long serialVersionUID = 1L;

    /**
     * @param message what happened and what to do about it
     * @param statusWord the status word the card answered, or {@link OathException#NO_STATUS_WORD}
     */
    public WrongPasswordException(String message, int statusWord) {
        super(message, statusWord);
    }
}
