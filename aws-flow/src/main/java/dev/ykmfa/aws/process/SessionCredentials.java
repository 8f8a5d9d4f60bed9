package dev.ykmfa.aws.process;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Temporary AWS credentials as STS returns them: access key id, secret access key, session token and expiration.
 *
 * <p>A plain JDK value (no AWS SDK types) so that the {@code credential_process} cache-hit path can use it without
 * loading the SDK. {@link #toString()} shows the access key id and the expiration only, never the secret or the
 * token.
 */
public final class SessionCredentials {
    private final String accessKeyId;
    private final String secretAccessKey;
    private final String sessionToken;
    private final Instant expiration;

    private SessionCredentials(String accessKeyId, String secretAccessKey, String sessionToken, Instant expiration) {
        this.accessKeyId = requireText(accessKeyId, "accessKeyId");
        this.secretAccessKey = requireText(secretAccessKey, "secretAccessKey");
        this.sessionToken = sessionToken;
        this.expiration = expiration;
    }

    /**
     * Temporary credentials.
     *
     * @param accessKeyId     the access key id (ASIA… for STS credentials); required
     * @param secretAccessKey the secret access key; required
     * @param sessionToken    the session token; {@code null} for long-term keys
     * @param expiration      when the credentials expire; {@code null} for long-term keys
     * @return the value
     */
    public static SessionCredentials of(String accessKeyId, String secretAccessKey, String sessionToken,
                                        Instant expiration) {
        return new SessionCredentials(accessKeyId, secretAccessKey, sessionToken, expiration);
    }

    private static String requireText(String value, String name) {
        if (value == null || value.isEmpty()) {
            throw new IllegalArgumentException(name + " must not be empty");
        }
        return value;
    }

    /** @return the access key id */
    public String accessKeyId() {
        return accessKeyId;
    }

    /** @return the secret access key (a secret: never log it) */
    public String secretAccessKey() {
        return secretAccessKey;
    }

    /** @return the session token, empty for long-term keys (a secret: never log it) */
    public Optional<String> sessionToken() {
        return Optional.ofNullable(sessionToken);
    }

    /** @return the expiration, empty for long-term keys */
    public Optional<Instant> expiration() {
        return Optional.ofNullable(expiration);
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof SessionCredentials)) {
            return false;
        }
        SessionCredentials that = (SessionCredentials) o;
        return accessKeyId.equals(that.accessKeyId) && secretAccessKey.equals(that.secretAccessKey)
                && Objects.equals(sessionToken, that.sessionToken) && Objects.equals(expiration, that.expiration);
    }

    @Override
    public int hashCode() {
        return Objects.hash(accessKeyId, secretAccessKey, sessionToken, expiration);
    }

    @Override
    public String toString() {
        return "SessionCredentials{accessKeyId=" + accessKeyId + ", secretAccessKey=***"
                + (sessionToken == null ? "" : ", sessionToken=***")
                + (expiration == null ? "" : ", expiration=" + expiration) + "}";
    }
}
