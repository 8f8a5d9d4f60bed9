package dev.ykmfa.conformance.backend;

/**
 * What an AWS-compatible backend can prove. A test that needs a capability the backend lacks is reported as skipped
 * with the backend's reason, never passed.
 */
public enum Capability {
    /** AssumeRole/GetSessionToken refuse a wrong TOTP code. */
    ENFORCES_MFA_CODES("refuses wrong MFA codes"),
    /** A code accepted once is refused the second time (RFC 6238 §5.2). */
    REJECTS_REPLAYED_CODES("refuses a replayed MFA code"),
    /** EnableMFADevice/ResyncMFADevice check that the two codes are consecutive valid codes. */
    VALIDATES_ENABLE_CODES("checks the two codes of EnableMFADevice"),
    /** Identity and trust policies are evaluated, including {@code aws:MultiFactorAuthPresent}. */
    ENFORCES_POLICIES("evaluates IAM policies and their MFA conditions"),
    /** AssumeRole refuses DurationSeconds above the role's MaxSessionDuration. */
    ENFORCES_SESSION_DURATION("refuses DurationSeconds above MaxSessionDuration"),
    /** Requests are SigV4-verified: unknown, deleted or wrongly signed keys are refused. */
    VALIDATES_SIGV4("verifies SigV4 and refuses unknown or deleted keys"),
    /** Session credentials stop working at their Expiration. */
    EXPIRES_SESSIONS("refuses session credentials after their Expiration"),
    /** The suite can move the backend's clock (TOTP steps, session expiry) instead of waiting. */
    CONTROLLABLE_CLOCK("lets the suite move its clock"),
    /** AWS-managed policies such as AmazonEC2FullAccess exist. */
    AWS_MANAGED_POLICIES("has AWS-managed policies (AmazonEC2FullAccess)"),
    /** ResyncMFADevice is implemented. */
    RESYNC_MFA("implements ResyncMFADevice"),
    /** Accounts in the aws-cn and aws-us-gov partitions can be served. */
    PARTITIONS("serves the aws, aws-cn and aws-us-gov partitions"),
    /** CreateVirtualMFADevice returns a real PNG with the otpauth URI. */
    REAL_QR_PNG("returns a real QR-code PNG");

    private final String description;

    Capability(String description) {
        this.description = description;
    }

    /** @return what the capability means, in a few words */
    public String description() {
        return description;
    }
}
