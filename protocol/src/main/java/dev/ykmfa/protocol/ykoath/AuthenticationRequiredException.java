package dev.ykmfa.protocol.ykoath;

/**
 * The OATH applet is password protected and this session has not been unlocked (the card answered {@code 6982}): call {@link OathSession#validate(char[])} first.
 */
public class AuthenticationRequiredException extends OathException {
    private static final long serialVersionUID = 1L;

    /**
     * @param message what happened and what to do about it
     * @param statusWord the status word the card answered, or {@link OathException#NO_STATUS_WORD}
     */
    public AuthenticationRequiredException(String message, int statusWord) {
        super(message, statusWord);
    }
}
