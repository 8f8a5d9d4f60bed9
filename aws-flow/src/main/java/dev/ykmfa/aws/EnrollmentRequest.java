package dev.ykmfa.aws;

import java.time.Duration;
import java.util.Optional;

/**
 * What {@link MfaEnrollment} sets up — the blog's part 1 with its names as defaults.
 *
 * <pre>{@code
 * EnrollmentRequest.builder().userName("JohnDoe").roleName("developer-ec2-mfa").touch(true).build();
 * }</pre>
 */
public final class EnrollmentRequest {
    private final String userName;
    private final String roleName;
    private final String path;
    private final String rolePolicyArn;
    private final Duration maxSessionDuration;
    private final boolean touch;
    private final String groupName;
    private final String policyName;
    private final String credentialName;
    private final boolean createAccessKey;

    private EnrollmentRequest(Builder b) {
        this.userName = requireName(b.userName, "userName", 64);
        this.roleName = requireName(b.roleName, "roleName", 64);
        this.path = b.path;
        if (!path.equals("/") && !(path.startsWith("/") && path.endsWith("/") && path.length() <= 512)) {
            throw new IllegalArgumentException("The IAM path '" + path + "' must begin and end with '/' (e.g. /, "
                    + "/developers/)");
        }
        this.rolePolicyArn = b.rolePolicyArn;
        this.maxSessionDuration = b.maxSessionDuration;
        this.touch = b.touch;
        this.groupName = requireName(b.groupName, "groupName", 128);
        this.policyName = requireName(b.policyName, "policyName", 128);
        this.credentialName = b.credentialName;
        this.createAccessKey = b.createAccessKey;
        if (credentialName != null && credentialName.isBlank()) {
            throw new IllegalArgumentException("credentialName must not be blank (leave it unset to use the MFA ARN)");
        }
    }

    private static String requireName(String value, String what, int max) {
        if (value == null || value.isEmpty()) {
            throw new IllegalArgumentException(what + " is required");
        }
        if (value.length() > max || !value.matches("[\\w+=,.@-]+")) {
            throw new IllegalArgumentException("The IAM name '" + value + "' for " + what + " must be 1-" + max
                    + " characters of letters, digits and +=,.@_-");
        }
        return value;
    }

    /** @return a builder */
    public static Builder builder() {
        return new Builder();
    }

    /** @return the IAM user (the developer) */
    public String userName() {
        return userName;
    }

    /** @return the role to assume with MFA */
    public String roleName() {
        return roleName;
    }

    /** @return the IAM path of the entities created */
    public String path() {
        return path;
    }

    /** @return the role's permission policy ARN; empty means AmazonEC2FullAccess of the account's partition */
    public Optional<String> rolePolicyArn() {
        return Optional.ofNullable(rolePolicyArn);
    }

    /** @return the role's MaxSessionDuration */
    public Duration maxSessionDuration() {
        return maxSessionDuration;
    }

    /** @return whether the key asks for a touch per code */
    public boolean touch() {
        return touch;
    }

    /** @return the group */
    public String groupName() {
        return groupName;
    }

    /** @return the customer policy allowing sts:AssumeRole with MFA */
    public String policyName() {
        return policyName;
    }

    /** @return the OATH credential name on the key; empty means the MFA device ARN */
    public Optional<String> credentialName() {
        return Optional.ofNullable(credentialName);
    }

    /** @return whether to create an access key for a user who has none */
    public boolean createAccessKey() {
        return createAccessKey;
    }

    @Override
    public String toString() {
        return "EnrollmentRequest{userName=" + userName + ", roleName=" + roleName + ", path=" + path
                + ", rolePolicyArn=" + (rolePolicyArn == null ? "AmazonEC2FullAccess" : rolePolicyArn)
                + ", maxSessionDuration=" + maxSessionDuration.getSeconds() + "s, touch=" + touch + ", groupName="
                + groupName + ", policyName=" + policyName
                + (credentialName == null ? "" : ", credentialName=" + credentialName) + "}";
    }

    /** Builds an {@link EnrollmentRequest}. */
    public static final class Builder {
        private String userName;
        private String roleName;
        private String path = "/";
        private String rolePolicyArn;
        private Duration maxSessionDuration = AwsFlowConstants.DEFAULT_MAX_SESSION_DURATION;
        private boolean touch;
        private String groupName = AwsFlowConstants.DEFAULT_GROUP_NAME;
        private String policyName = AwsFlowConstants.DEFAULT_ASSUME_POLICY_NAME;
        private String credentialName;
        private boolean createAccessKey = true;

        private Builder() {
        }

        /**

         * @param userName the IAM user, e.g. {@code JohnDoe} (required)

         * @return this

         */
        public Builder userName(String userName) {
            this.userName = userName;
            return this;
        }

        /**

         * @param roleName the role, e.g. {@code developer-ec2-mfa} (required)

         * @return this

         */
        public Builder roleName(String roleName) {
            this.roleName = roleName;
            return this;
        }

        /**

         * @param path the IAM path for user, role, group, policy and MFA device; default {@code /}

         * @return this

         */
        public Builder path(String path) {
            this.path = path == null ? "/" : path;
            return this;
        }

        /**
         * @param rolePolicyArn the role's permission policy; default {@code arn:<partition>:iam::aws:policy/
         *                      AmazonEC2FullAccess}
         * @return this
         */
        public Builder rolePolicyArn(String rolePolicyArn) {
            this.rolePolicyArn = rolePolicyArn;
            return this;
        }

        /**

         * @param maxSessionDuration the role's MaxSessionDuration, 1-12 hours; default 1 hour

         * @return this

         */
        public Builder maxSessionDuration(Duration maxSessionDuration) {
            if (maxSessionDuration == null
                    || maxSessionDuration.compareTo(AwsFlowConstants.DEFAULT_MAX_SESSION_DURATION) < 0
                    || maxSessionDuration.compareTo(AwsFlowConstants.MAX_ROLE_SESSION_DURATION) > 0) {
                throw new IllegalArgumentException("MaxSessionDuration must be between 3600 and 43200 seconds");
            }
            this.maxSessionDuration = maxSessionDuration;
            return this;
        }

        /**

         * @param touch require a touch for every code; default false

         * @return this

         */
        public Builder touch(boolean touch) {
            this.touch = touch;
            return this;
        }

        /**

         * @param groupName the group; default {@code developers-mfa}

         * @return this

         */
        public Builder groupName(String groupName) {
            this.groupName = groupName;
            return this;
        }

        /**

         * @param policyName the customer policy; default {@code yubi-policy-mfa-level-one}

         * @return this

         */
        public Builder policyName(String policyName) {
            this.policyName = policyName;
            return this;
        }

        /**
         * @param credentialName the OATH credential name on the key when the MFA ARN does not fit the key's 64 bytes;
         *                       default the MFA device ARN (what the blog uses)
         * @return this
         */
        public Builder credentialName(String credentialName) {
            this.credentialName = credentialName;
            return this;
        }

        /**

         * @param createAccessKey create a key pair for a user who has none; default true

         * @return this

         */
        public Builder createAccessKey(boolean createAccessKey) {
            this.createAccessKey = createAccessKey;
            return this;
        }

        /** @return the request */
        public EnrollmentRequest build() {
            return new EnrollmentRequest(this);
        }
    }
}
