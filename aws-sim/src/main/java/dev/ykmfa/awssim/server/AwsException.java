package dev.ykmfa.awssim.server;

/**
 * An AWS error answer: code, message and HTTP status as AWS sends them ({@code spec/aws-mfa.md} §1.3).
 * Messages never contain secrets.
 */
public final class AwsException extends RuntimeException {
    private final String code;
    private final int status;

    /**
     * @param code the AWS error code, e.g. {@code AccessDenied}
     * @param status the HTTP status
     * @param message the message, exactly as AWS words it
     */
    public AwsException(String code, int status, String message) {
        super(message, null, false, false);
        this.code = code;
        this.status = status;
    }

    /** @return the AWS error code */
    public String code() {
        return code;
    }

    /** @return the HTTP status */
    public int status() {
        return status;
    }

    /** @return {@code Receiver} for 5xx, else {@code Sender} */
    public String type() {
        return status >= 500 ? "Receiver" : "Sender";
    }

    // -------- factories for the common answers

    /** @param m message @return 403 AccessDenied */
    public static AwsException accessDenied(String m) {
        return new AwsException(AwsConstants.ACCESS_DENIED, 403, m);
    }

    /** @param m message @return 400 ValidationError */
    public static AwsException validation(String m) {
        return new AwsException(AwsConstants.VALIDATION_ERROR, 400, m);
    }

    /** @param m message @return 404 NoSuchEntity */
    public static AwsException noSuchEntity(String m) {
        return new AwsException(AwsConstants.NO_SUCH_ENTITY, 404, m);
    }

    /** @param m message @return 409 EntityAlreadyExists */
    public static AwsException alreadyExists(String m) {
        return new AwsException(AwsConstants.ENTITY_ALREADY_EXISTS, 409, m);
    }

    /** @param m message @return 409 LimitExceeded */
    public static AwsException limitExceeded(String m) {
        return new AwsException(AwsConstants.LIMIT_EXCEEDED, 409, m);
    }

    /** @param m message @return 400 MalformedPolicyDocument */
    public static AwsException malformedPolicy(String m) {
        return new AwsException(AwsConstants.MALFORMED_POLICY_DOCUMENT, 400, m);
    }

    /** @param m message @return 400 InvalidInput */
    public static AwsException invalidInput(String m) {
        return new AwsException(AwsConstants.INVALID_INPUT, 400, m);
    }
}
