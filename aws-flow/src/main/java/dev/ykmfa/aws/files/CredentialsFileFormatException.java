package dev.ykmfa.aws.files;

/**
 * An existing shared credentials or config file cannot be parsed, so it was left untouched. The message names the
 * file and the line and says how to fix it; it never quotes a line's value (it may be a secret).
 */
public final class CredentialsFileFormatException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /**
     * @param message what is wrong and where
     */
    public CredentialsFileFormatException(String message) {
        super(message);
    }
}
