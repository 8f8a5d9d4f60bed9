package dev.ykmfa.aws;

import java.time.Duration;

/**
 * The AWS facts the flow relies on (spec/aws-mfa.md §0, §2, §4, §5): error codes and messages, durations and the
 * virtual MFA device's TOTP parameters. One place, no magic numbers elsewhere.
 */
public final class AwsFlowConstants {
    /** AWS virtual MFA devices use RFC 6238 TOTP with a 30-second step (§5). */
    public static final Duration TOTP_PERIOD = Duration.ofSeconds(30);
    /** AWS virtual MFA devices use 6-digit codes (§5). */
    public static final int TOTP_DIGITS = 6;
    /** Default AssumeRole DurationSeconds (§2.3). */
    public static final Duration DEFAULT_ROLE_SESSION_DURATION = Duration.ofHours(1);
    /** Shortest session STS issues (§2.1). */
    public static final Duration MIN_SESSION_DURATION = Duration.ofMinutes(15);
    /** Longest AssumeRole session (§2.1). */
    public static final Duration MAX_ROLE_SESSION_DURATION = Duration.ofHours(12);
    /** Role chaining (AssumeRole with GetSessionToken/assumed-role credentials) is capped at one hour (§2.3). */
    public static final Duration ROLE_CHAINING_CAP = Duration.ofHours(1);
    /** Default GetSessionToken duration for IAM users (§2.3). */
    public static final Duration DEFAULT_SESSION_TOKEN_DURATION = Duration.ofHours(12);
    /** Longest GetSessionToken session (§2.3). */
    public static final Duration MAX_SESSION_TOKEN_DURATION = Duration.ofHours(36);
    /** Default role MaxSessionDuration (§4, CreateRole). */
    public static final Duration DEFAULT_MAX_SESSION_DURATION = Duration.ofHours(1);

    /** STS error code for refused MFA codes (§2.2). */
    public static final String ERROR_ACCESS_DENIED = "AccessDenied";
    /** The distinctive part of the message for a wrong or already used code (§2.2). */
    public static final String MESSAGE_INVALID_MFA_CODE = "invalid MFA one time pass code";
    /** IAM error code for a refused EnableMFADevice pair (§4). */
    public static final String ERROR_INVALID_AUTHENTICATION_CODE = "InvalidAuthenticationCode";
    /** IAM error code for an existing entity (§4). */
    public static final String ERROR_ENTITY_ALREADY_EXISTS = "EntityAlreadyExists";
    /** IAM error code for a missing entity (§4). */
    public static final String ERROR_NO_SUCH_ENTITY = "NoSuchEntity";
    /** IAM access keys per user (§4 notes). */
    public static final int MAX_ACCESS_KEYS_PER_USER = 2;

    /** The AWS-managed policy the blog attaches to the role. */
    public static final String DEFAULT_ROLE_POLICY_NAME = "AmazonEC2FullAccess";
    /** The blog's group name. */
    public static final String DEFAULT_GROUP_NAME = "developers-mfa";
    /** The blog's customer policy name. */
    public static final String DEFAULT_ASSUME_POLICY_NAME = "yubi-policy-mfa-level-one";
    /** IAM policy language version. */
    public static final String POLICY_VERSION = "2012-10-17";
    /** The YubiKey's limit for an OATH credential id (name with period/issuer prefix), in bytes. */
    public static final int MAX_OATH_CREDENTIAL_ID_BYTES = 64;

    private AwsFlowConstants() {
    }
}
