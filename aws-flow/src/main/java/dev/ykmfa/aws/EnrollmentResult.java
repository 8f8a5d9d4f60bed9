package dev.ykmfa.aws;

import dev.ykmfa.aws.process.SessionCredentials;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What {@link MfaEnrollment} did: the hand-off (MFA device ARN, role ARN, the new access key if one was made) and,
 * per entity, whether it was created, reused or updated. {@link #toString()} never shows the secret access key.
 */
public final class EnrollmentResult {
    /** What happened to one entity. */
    public enum Outcome {
        /** Created by this run. */
        CREATED,
        /** Existed and was used as it was. */
        REUSED,
        /** Existed and was changed to match the request (e.g. MaxSessionDuration). */
        UPDATED,
        /** Not done, by request or because something already existed (see the notes). */
        SKIPPED
    }

    private final String userArn;
    private final String roleArn;
    private final String policyArn;
    private final String mfaSerialNumber;
    private final String credentialName;
    private final SessionCredentials newAccessKey;
    private final List<String> existingAccessKeyIds;
    private final Map<String, Outcome> outcomes;
    private final List<String> codesUsed;

    EnrollmentResult(String userArn, String roleArn, String policyArn, String mfaSerialNumber, String credentialName,
                     SessionCredentials newAccessKey, List<String> existingAccessKeyIds,
                     Map<String, Outcome> outcomes, List<String> codesUsed) {
        this.userArn = userArn;
        this.roleArn = roleArn;
        this.policyArn = policyArn;
        this.mfaSerialNumber = mfaSerialNumber;
        this.credentialName = credentialName;
        this.newAccessKey = newAccessKey;
        this.existingAccessKeyIds = List.copyOf(existingAccessKeyIds);
        this.outcomes = Collections.unmodifiableMap(new LinkedHashMap<>(outcomes));
        this.codesUsed = List.copyOf(codesUsed);
    }

    /** @return the user's ARN */
    public String userArn() {
        return userArn;
    }

    /** @return the role's ARN (for AssumeRole) */
    public String roleArn() {
        return roleArn;
    }

    /** @return the customer policy's ARN */
    public String policyArn() {
        return policyArn;
    }

    /** @return the virtual MFA device's ARN (AssumeRole's SerialNumber) */
    public String mfaSerialNumber() {
        return mfaSerialNumber;
    }

    /** @return the OATH credential name on the key (the MFA ARN unless an explicit name was asked for) */
    public String credentialName() {
        return credentialName;
    }

    /** @return the access key created by this run (with its secret, shown once by AWS); empty when none was made */
    public Optional<SessionCredentials> newAccessKey() {
        return Optional.ofNullable(newAccessKey);
    }

    /** @return ids of access keys the user already had (no key was created when this is not empty) */
    public List<String> existingAccessKeyIds() {
        return existingAccessKeyIds;
    }

    /**
     * @return entity → outcome, in the order done; keys: {@code role}, {@code rolePolicy}, {@code policy},
     *         {@code group}, {@code groupPolicy}, {@code user}, {@code membership}, {@code accessKey},
     *         {@code mfaDevice}, {@code keyCredential}, {@code mfaEnabled}. {@code role} UPDATED: its
     *         MaxSessionDuration was changed; {@code mfaDevice} UPDATED: an unassigned device left by an interrupted
     *         run was replaced; {@code accessKey} REUSED: the user already had keys (see
     *         {@link #existingAccessKeyIds()}), SKIPPED: none wanted
     */
    public Map<String, Outcome> outcomes() {
        return outcomes;
    }

    /** @return the two consecutive codes that enabled the device (empty when it was already enabled) */
    public List<String> codesUsed() {
        return codesUsed;
    }

    @Override
    public String toString() {
        return "EnrollmentResult{mfaSerialNumber=" + mfaSerialNumber + ", roleArn=" + roleArn + ", userArn=" + userArn
                + ", policyArn=" + policyArn + ", credentialName=" + credentialName
                + (newAccessKey == null ? "" : ", newAccessKeyId=" + newAccessKey.accessKeyId() + " (secret hidden)")
                + (existingAccessKeyIds.isEmpty() ? "" : ", existingAccessKeyIds=" + existingAccessKeyIds)
                + ", outcomes=" + outcomes + "}";
    }
}
