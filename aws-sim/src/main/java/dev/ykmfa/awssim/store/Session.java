package dev.ykmfa.awssim.store;

import dev.ykmfa.awssim.policy.PolicyDocument;
import java.time.Instant;
import java.util.List;

/**
 * Temporary credentials issued by STS and what they stand for. {@link #toString()} never shows secret or token.
 *
 * @param accessKeyId ASIA… id
 * @param secret secret access key
 * @param token session token
 * @param expiration expiry instant (simulator clock)
 * @param issued issue instant
 * @param userName for GetSessionToken sessions the user, else null
 * @param roleName for role sessions the role name, else null
 * @param sessionName role session name (role sessions)
 * @param mfaPresent the session's {@code aws:MultiFactorAuthPresent}
 * @param mfaAuthTime when MFA authenticated (null without MFA)
 * @param sourceIdentity SourceIdentity or null
 * @param sessionPolicies session policies (inline Policy and PolicyArns documents); empty when none
 */
public record Session(String accessKeyId, String secret, String token, Instant expiration, Instant issued,
                      String userName, String roleName, String sessionName, boolean mfaPresent, Instant mfaAuthTime,
                      String sourceIdentity, List<PolicyDocument> sessionPolicies) {

    /** @return whether this is an assumed-role session (else a GetSessionToken session) */
    public boolean isRoleSession() {
        return roleName != null;
    }

    @Override
    public String toString() {
        return "Session[" + accessKeyId + (roleName != null ? ", role " + roleName + "/" + sessionName
                : ", user " + userName) + ", expires " + expiration + "]";
    }
}
