package dev.ykmfa.aws.process;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Objects;

/**
 * What a cached {@code credential_process} answer belongs to: role ARN, MFA serial, role session name, source
 * identity, and an optional scope (for instance the endpoint URL, so answers from a local emulator never serve real
 * AWS). Its {@link #fileStem()} is the SHA-256 of those fields, so the cache file name reveals none of them.
 */
public final class CredentialCacheKey {
    private static final String SEPARATOR = "\n";
    private static final String DIGEST = "SHA-256";

    private final String roleArn;
    private final String serialNumber;
    private final String roleSessionName;
    private final String sourceIdentity;
    private final String scope;

    private CredentialCacheKey(Builder builder) {
        this.roleArn = require(builder.roleArn, "roleArn");
        this.serialNumber = require(builder.serialNumber, "serialNumber");
        this.roleSessionName = require(builder.roleSessionName, "roleSessionName");
        this.sourceIdentity = builder.sourceIdentity == null ? "" : builder.sourceIdentity;
        this.scope = builder.scope == null ? "" : builder.scope;
    }

    private static String require(String value, String name) {
        if (value == null || value.isEmpty()) {
            throw new IllegalArgumentException("cache key: " + name + " is required");
        }
        return value;
    }

    /** @return a builder */
    public static Builder builder() {
        return new Builder();
    }

    /** @return the hex SHA-256 of the key fields, used as the cache file name stem */
    public String fileStem() {
        String canonical = String.join(SEPARATOR, roleArn, serialNumber, roleSessionName, sourceIdentity, scope);
        try {
            byte[] digest = MessageDigest.getInstance(DIGEST).digest(canonical.getBytes(StandardCharsets.UTF_8));
            StringBuilder hex = new StringBuilder(digest.length * 2);
            for (byte b : digest) {
                hex.append(Character.forDigit((b >> 4) & 0xF, 16)).append(Character.forDigit(b & 0xF, 16));
            }
            return hex.toString();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("The JDK lacks " + DIGEST, e);
        }
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof CredentialCacheKey)) {
            return false;
        }
        CredentialCacheKey k = (CredentialCacheKey) o;
        return roleArn.equals(k.roleArn) && serialNumber.equals(k.serialNumber)
                && roleSessionName.equals(k.roleSessionName) && sourceIdentity.equals(k.sourceIdentity)
                && scope.equals(k.scope);
    }

    @Override
    public int hashCode() {
        return Objects.hash(roleArn, serialNumber, roleSessionName, sourceIdentity, scope);
    }

    @Override
    public String toString() {
        return "CredentialCacheKey{roleArn=" + roleArn + ", serialNumber=" + serialNumber + ", roleSessionName="
                + roleSessionName + (sourceIdentity.isEmpty() ? "" : ", sourceIdentity=" + sourceIdentity)
                + (scope.isEmpty() ? "" : ", scope=" + scope) + "}";
    }

    /** Builds a {@link CredentialCacheKey}. */
    public static final class Builder {
        private String roleArn;
        private String serialNumber;
        private String roleSessionName;
        private String sourceIdentity;
        private String scope;

        private Builder() {
        }

        /** @param roleArn the role ARN (required) @return this */
        public Builder roleArn(String roleArn) {
            this.roleArn = roleArn;
            return this;
        }

        /** @param serialNumber the MFA device ARN (required) @return this */
        public Builder serialNumber(String serialNumber) {
            this.serialNumber = serialNumber;
            return this;
        }

        /** @param roleSessionName the role session name (required) @return this */
        public Builder roleSessionName(String roleSessionName) {
            this.roleSessionName = roleSessionName;
            return this;
        }

        /** @param sourceIdentity the source identity; default none @return this */
        public Builder sourceIdentity(String sourceIdentity) {
            this.sourceIdentity = sourceIdentity;
            return this;
        }

        /** @param scope anything else that must separate entries, e.g. the endpoint URL; default none @return this */
        public Builder scope(String scope) {
            this.scope = scope;
            return this;
        }

        /** @return the key */
        public CredentialCacheKey build() {
            return new CredentialCacheKey(this);
        }
    }
}
