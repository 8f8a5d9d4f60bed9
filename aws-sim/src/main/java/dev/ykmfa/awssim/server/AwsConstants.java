package dev.ykmfa.awssim.server;

import java.time.Duration;

/** Every AWS protocol constant the simulator uses: versions, namespaces, error codes, messages, limits. */
public final class AwsConstants {
    private AwsConstants() {
    }

    // ---- services and protocol versions
    /** SigV4 service name / routing key. */
    public static final String IAM = "iam";
    /** SigV4 service name / routing key. */
    public static final String STS = "sts";
    /** SigV4 service name / routing key. */
    public static final String EC2 = "ec2";
    public static final String IAM_VERSION = "2010-05-08";
    public static final String STS_VERSION = "2011-06-15";
    public static final String EC2_VERSION = "2016-11-15";
    public static final String IAM_NAMESPACE = "https://iam.amazonaws.com/doc/2010-05-08/";
    public static final String STS_NAMESPACE = "https://sts.amazonaws.com/doc/2011-06-15/";
    public static final String EC2_NAMESPACE = "http://ec2.amazonaws.com/doc/2016-11-15/";

    // ---- SigV4
    public static final String SIGV4_ALGORITHM = "AWS4-HMAC-SHA256";
    public static final String SIGV4_TERMINATOR = "aws4_request";
    public static final Duration MAX_SKEW = Duration.ofMinutes(15);

    // ---- error codes
    public static final String ACCESS_DENIED = "AccessDenied";
    public static final String VALIDATION_ERROR = "ValidationError";
    public static final String NO_SUCH_ENTITY = "NoSuchEntity";
    public static final String ENTITY_ALREADY_EXISTS = "EntityAlreadyExists";
    public static final String LIMIT_EXCEEDED = "LimitExceeded";
    public static final String DELETE_CONFLICT = "DeleteConflict";
    public static final String MALFORMED_POLICY_DOCUMENT = "MalformedPolicyDocument";
    public static final String INVALID_INPUT = "InvalidInput";
    public static final String INVALID_AUTHENTICATION_CODE = "InvalidAuthenticationCode";
    public static final String INVALID_CLIENT_TOKEN_ID = "InvalidClientTokenId";
    public static final String SIGNATURE_DOES_NOT_MATCH = "SignatureDoesNotMatch";
    public static final String EXPIRED_TOKEN = "ExpiredToken";
    public static final String MISSING_AUTHENTICATION_TOKEN = "MissingAuthenticationToken";
    public static final String INCOMPLETE_SIGNATURE = "IncompleteSignature";
    public static final String INVALID_ACTION = "InvalidAction";
    public static final String INVALID_PARAMETER_VALUE = "InvalidParameterValue";
    public static final String PACKED_POLICY_TOO_LARGE = "PackedPolicyTooLarge";
    public static final String THROTTLING = "Throttling";
    public static final String SERVICE_FAILURE = "ServiceFailure";
    public static final String INTERNAL_FAILURE = "InternalFailure";
    public static final String EC2_UNAUTHORIZED = "UnauthorizedOperation";
    public static final String EC2_AUTH_FAILURE = "AuthFailure";
    public static final String EC2_REQUEST_EXPIRED = "RequestExpired";
    public static final String EC2_INVALID_ACTION = "InvalidAction";

    // ---- messages (spec/aws-mfa.md)
    public static final String MSG_INVALID_TOKEN = "The security token included in the request is invalid.";
    public static final String MSG_EXPIRED_TOKEN = "The security token included in the request is expired";
    public static final String MSG_SIGNATURE = "The request signature we calculated does not match the signature you"
            + " provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for"
            + " details.";
    public static final String MSG_MISSING_AUTH = "Request is missing Authentication Token";
    public static final String MSG_MFA_INVALID_CODE =
            "MultiFactorAuthentication failed with invalid MFA one time pass code.";
    public static final String MSG_MFA_UNKNOWN_SERIAL = "MultiFactorAuthentication failed, unable to validate MFA"
            + " code.  Please verify your MFA serial number is valid and associated with this user.";
    public static final String MSG_MFA_BOTH_REQUIRED =
            "MultiFactorAuthentication failed, must provide both MFA serial number and one time pass code.";
    public static final String MSG_DURATION_ROLE_MAX =
            "The requested DurationSeconds exceeds the MaxSessionDuration set for this role.";
    public static final String MSG_DURATION_CHAINING =
            "The requested DurationSeconds exceeds the 1 hour session limit for roles assumed by role chaining.";
    public static final String MSG_GST_WITH_SESSION = "Cannot call GetSessionToken with session credentials";
    public static final String MSG_ROOT_ASSUME = "Roles may not be assumed by root accounts.";
    public static final String MSG_AUTH_CODE_INVALID = "Authentication code for device is not valid.";
    public static final String MSG_EC2_UNAUTHORIZED = "You are not authorized to perform this operation.";
    public static final String MSG_EC2_AUTH_FAILURE = "AWS was not able to validate the provided access credentials";
    public static final String MSG_EC2_REQUEST_EXPIRED = "Request has expired.";
    public static final String MSG_THROTTLING = "Rate exceeded";
    public static final String MSG_SERVICE_FAILURE = "We encountered an internal error. Please try again.";

    // ---- limits
    public static final int MIN_SESSION_SECONDS = 900;
    public static final int DEFAULT_ROLE_SESSION_SECONDS = 3600;
    public static final int ROLE_CHAINING_MAX_SECONDS = 3600;
    public static final int MIN_ROLE_MAX_SESSION = 3600;
    public static final int MAX_ROLE_MAX_SESSION = 43200;
    public static final int GST_DEFAULT_SECONDS = 43200;
    public static final int GST_MAX_SECONDS = 129600;
    public static final int ACCESS_KEYS_PER_USER = 2;
    public static final int MFA_DEVICES_PER_USER = 8;
    public static final int GROUPS_PER_USER = 10;
    public static final int MANAGED_POLICIES_PER_ENTITY = 10;
    public static final int TRUST_POLICY_MAX_CHARS = 2048;
    public static final int MANAGED_POLICY_MAX_CHARS = 6144;
    public static final int SESSION_POLICY_MAX_CHARS = 2048;
    public static final int DEFAULT_MAX_ITEMS = 100;

    // ---- MFA (TOTP as AWS uses it: SHA-1, 6 digits, 30 s)
    public static final int MFA_SEED_BYTES = 20;
    public static final int MFA_CODE_DIGITS = 6;
    /** Steps either side of the device's current step accepted on sign-in. */
    public static final int MFA_LOGIN_WINDOW = 1;
    /** Steps either side searched when enabling or resyncing (the codes may be a little old). */
    public static final int MFA_SYNC_WINDOW = 10;
    /** QR code module size in pixels. */
    public static final int QR_SIZE = 200;
}
