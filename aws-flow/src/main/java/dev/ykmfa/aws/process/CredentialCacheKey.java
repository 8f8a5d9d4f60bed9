package dev.ykmfa.aws.process;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * What a cached {@code credential_process} answer belongs to: role ARN, MFA serial, role session name, requested
 * session duration (a 900 s request is never served a cached 3600 s session), source identity, and an optional scope (for instance the endpoint URL, so answers from a local emulator never serve real
 * AWS). Its {@link #fileStem()} is a 128-bit hash of those fields, so the cache file name reveals none of them.
 */
public final class CredentialCacheKey {
    private static final String SEPARATOR = "\n";
    /** FNV-1a 64-bit parameters (FNV spec). */
    private static final long FNV_OFFSET_BASIS = 0xcbf29ce484222325L;
    /** A second basis (the FNV-0 hash of "ykmfa" would do as well; any fixed odd value works). */
    private static final long FNV_OFFSET_BASIS_ALT = 0x84222325cbf29ce5L;
    private static final long FNV_PRIME = 0x100000001b3L;
    private static final int BYTE_MASK = 0xFF;
    private static final int HEX_DIGITS = 16;
    /** {@link Builder#durationSeconds(int)} when none was given. */
    private static final int DURATION_NOT_GIVEN = 0;

    private final String roleArn;
    private final String serialNumber;
    private final String roleSessionName;
    private final int durationSeconds;
    private final String sourceIdentity;
    private final String scope;

    private CredentialCacheKey(Builder builder) {
        this.roleArn = require(builder.roleArn, "roleArn");
        this.serialNumber = require(builder.serialNumber, "serialNumber");
        this.roleSessionName = require(builder.roleSessionName, "roleSessionName");
        if (builder.durationSeconds < DURATION_NOT_GIVEN) {
            throw new IllegalArgumentException("cache key: durationSeconds must not be negative, not "
                    + builder.durationSeconds);
        }
        this.durationSeconds = builder.durationSeconds;
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

    /**
     * @return 32 hex digits naming the cache file: two independent 64-bit FNV-1a hashes of the key fields (not a
     *         secret — the cache directory is 0700 — but nothing readable; no JCA provider is loaded on the hit path)
     */
    public String fileStem() {
        byte[] bytes = String.join(SEPARATOR, roleArn, serialNumber, roleSessionName,
                        Integer.toString(durationSeconds), sourceIdentity, scope)
                .getBytes(StandardCharsets.UTF_8);
        return hex(fnv1a(bytes, FNV_OFFSET_BASIS, false)) + hex(fnv1a(bytes, FNV_OFFSET_BASIS_ALT, true));
    }

    private static long fnv1a(byte[] bytes, long basis, boolean reversed) {
        long hash = basis;
        for (int i = 0; i < bytes.length; i++) {
            hash ^= bytes[reversed ? bytes.length - 1 - i : i] & BYTE_MASK;
            hash *= FNV_PRIME;
        }
        return hash;
    }

    private static String hex(long value) {
        String digits = Long.toHexString(value);
        StringBuilder padded = new StringBuilder(HEX_DIGITS);
        for (int i = digits.length(); i < HEX_DIGITS; i++) {
            padded.append('0');
        }
        return padded.append(digits).toString();
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof CredentialCacheKey)) {
            return false;
        }
        CredentialCacheKey k = (CredentialCacheKey) o;
        return roleArn.equals(k.roleArn) && serialNumber.equals(k.serialNumber)
                && roleSessionName.equals(k.roleSessionName) && durationSeconds == k.durationSeconds
                && sourceIdentity.equals(k.sourceIdentity)
                && scope.equals(k.scope);
    }

    @Override
    public int hashCode() {
        return Objects.hash(roleArn, serialNumber, roleSessionName, durationSeconds, sourceIdentity, scope);
    }

    @Override
    public String toString() {
        return "CredentialCacheKey{roleArn=" + roleArn + ", serialNumber=" + serialNumber + ", roleSessionName="
                + roleSessionName
                + (durationSeconds == DURATION_NOT_GIVEN ? "" : ", durationSeconds=" + durationSeconds)
                + (sourceIdentity.isEmpty() ? "" : ", sourceIdentity=" + sourceIdentity)
                + (scope.isEmpty() ? "" : ", scope=" + scope) + "}";
    }

    /** Builds a {@link CredentialCacheKey}. */
    public static final class Builder {
        private String roleArn;
        private String serialNumber;
        private String roleSessionName;
        private int durationSeconds = DURATION_NOT_GIVEN;
        private String sourceIdentity;
        private String scope;

        private Builder() {
        }

        /**

         * @param roleArn the role ARN (required)

         * @return this

         */
        public Builder roleArn(String roleArn) {
            this.roleArn = roleArn;
            return this;
        }

        /**

         * @param serialNumber the MFA device ARN (required)

         * @return this

         */
        public Builder serialNumber(String serialNumber) {
            this.serialNumber = serialNumber;
            return this;
        }

        /**

         * @param roleSessionName the role session name (required)

         * @return this

         */
        public Builder roleSessionName(String roleSessionName) {
            this.roleSessionName = roleSessionName;
            return this;
        }

        /**
         * @param durationSeconds the requested session duration in seconds; default none (0). Callers that let the
         *                        user choose a duration must pass it, so each duration has its own entry
         * @return this
         */
        public Builder durationSeconds(int durationSeconds) {
            this.durationSeconds = durationSeconds;
            return this;
        }

        /**

         * @param sourceIdentity the source identity; default none

         * @return this

         */
        public Builder sourceIdentity(String sourceIdentity) {
            this.sourceIdentity = sourceIdentity;
            return this;
        }

        /**

         * @param scope anything else that must separate entries, e.g. the endpoint URL; default none

         * @return this

         */
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
