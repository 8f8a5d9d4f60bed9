package dev.ykmfa.aws;

import java.util.Optional;

/**
 * The AWS flow failed: AWS refused something, or the key and AWS disagree. The message says what happened and how to
 * fix it; it never contains a secret. {@link #errorCode()} carries the AWS error code when AWS answered.
 */
public final class AwsFlowException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    /** The AWS error code, or null. */
    private final String errorCode;

    /**
     * @param message   what happened and the fix
     * @param errorCode the AWS error code, or null
     * @param cause     the underlying exception, or null
     */
    public AwsFlowException(String message, String errorCode, Throwable cause) {
        super(message, cause);
        this.errorCode = errorCode;
    }

    /**
     * @param message what happened and the fix
     */
    public AwsFlowException(String message) {
        this(message, null, null);
    }

    /** @return the AWS error code, when AWS answered */
    public Optional<String> errorCode() {
        return Optional.ofNullable(errorCode);
    }
}
