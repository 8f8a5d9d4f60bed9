package dev.ykmfa.protocol.ykoath;

/**
 * A YKOATH operation failed. Carries the card's status word ({@code spec/ykoath.md} §9) and a message that says
 * what went wrong and what to do. Subclasses name the common causes; never contains secrets.
 */
public class OathException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** The value of {@link #statusWord()} when the failure was detected on the host, before or after the card. */
    public static final int NO_STATUS_WORD = -1;

    /** The card's status word, or {@link #NO_STATUS_WORD}. */
    private final int statusWord;

    /**
     * @param message what happened and what to do about it
     * @param statusWord the status word the card answered, or {@link #NO_STATUS_WORD}
     */
    public OathException(String message, int statusWord) {
        super(statusWord == NO_STATUS_WORD ? message : message + String.format(" (SW %04X)", statusWord));
        this.statusWord = statusWord;
    }

    /** @return the card's status word (e.g. {@code 0x6982}), or {@link #NO_STATUS_WORD} */
    public int statusWord() {
        return statusWord;
    }
}
