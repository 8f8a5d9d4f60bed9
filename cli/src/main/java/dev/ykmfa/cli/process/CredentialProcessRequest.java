package dev.ykmfa.cli.process;

import dev.ykmfa.aws.process.CredentialCacheKey;
import dev.ykmfa.aws.process.CredentialProcessCache;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Clock;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * What a {@code credential-process} call asks for, reduced to what decides its cache entry. JDK-only (no picocli,
 * no AWS SDK): both the start-up fast path ({@link CredentialProcessFastPath}) and the full command build their cache
 * key here, so they always agree.
 *
 * <p>The cache key holds the role ARN, the MFA serial, the role session name, the requested duration and a scope made of the endpoint
 * ({@code --endpoint-url} / {@code AWS_ENDPOINT_URL}, or "aws") and the source identity (the {@code --profile},
 * else the {@code AWS_ACCESS_KEY_ID}, else the {@code AWS_PROFILE} or default profile), so an answer obtained from a
 * local emulator never serves real AWS and one user's session never serves another.
 */
public final class CredentialProcessRequest {
    /** Environment variable overriding the cache directory. */
    public static final String ENV_CACHE_DIR = "YKMFA_CACHE_DIR";
    /** Role session name used when the MFA serial yields none. */
    public static final String FALLBACK_SESSION_NAME = "ykmfa";
    /** Default role session duration in seconds. */
    public static final int DEFAULT_DURATION_SECONDS = 3600;
    private static final int MAX_SESSION_NAME = 64;
    private static final String ENV_ENDPOINT_URL = "AWS_ENDPOINT_URL";
    private static final String ENV_ACCESS_KEY_ID = "AWS_ACCESS_KEY_ID";
    private static final String ENV_PROFILE = "AWS_PROFILE";
    private static final String DEFAULT_PROFILE = "default";
    /** aws-flow's default cache directory under the home directory (pinned by a test). */
    static final String DEFAULT_CACHE_UNDER_HOME = "/.aws/ykmfa/cache";

    private final String roleArn;
    private final String serialNumber;
    private final String roleSessionName;
    private final int durationSeconds;
    private final String endpointOption;
    private final String profileOption;
    private final String cacheDirOption;
    private final UnaryOperator<String> env;

    /**
     * @param roleArn {@code --role-arn}
     * @param serialNumber {@code --serial-number}
     * @param roleSessionName {@code --role-session-name} or null for the default
     * @param durationSeconds {@code --duration-seconds} (or {@link #DEFAULT_DURATION_SECONDS})
     * @param endpointOption {@code --endpoint-url} or null
     * @param profileOption {@code --profile} or null
     * @param cacheDirOption {@code --cache-dir} or null
     * @param env environment lookup
     */
    public CredentialProcessRequest(String roleArn, String serialNumber, String roleSessionName,
                                    int durationSeconds, String endpointOption, String profileOption, String cacheDirOption,
                                    UnaryOperator<String> env) {
        this.roleArn = roleArn;
        this.serialNumber = serialNumber;
        this.roleSessionName = roleSessionName != null ? roleSessionName : defaultSessionName(serialNumber);
        this.durationSeconds = durationSeconds;
        this.endpointOption = endpointOption;
        this.profileOption = profileOption;
        this.cacheDirOption = cacheDirOption;
        this.env = env;
    }

    /**
     * @param env an environment map
     * @return a lookup into it
     */
    public static UnaryOperator<String> lookup(Map<String, String> env) {
        return env::get;
    }

    /**
     * The default role session name: the MFA device's name (the user, e.g. {@code JohnDoe} from
     * {@code arn:aws:iam::123456789012:mfa/JohnDoe}), limited to the characters and length STS accepts.
     *
     * @param serialNumber the MFA device ARN, or null
     * @return the name
     */
    public static String defaultSessionName(String serialNumber) {
        if (serialNumber == null) {
            return FALLBACK_SESSION_NAME;
        }
        String tail = serialNumber.substring(serialNumber.lastIndexOf('/') + 1);
        StringBuilder name = new StringBuilder();
        for (int i = 0; i < tail.length() && name.length() < MAX_SESSION_NAME; i++) {
            char c = tail.charAt(i);
            if (Character.isLetterOrDigit(c) && c < 128 || "_+=,.@-".indexOf(c) >= 0) {
                name.append(c);
            }
        }
        return name.length() < 2 ? FALLBACK_SESSION_NAME : name.toString();
    }

    /** @return the role ARN */
    public String roleArn() {
        return roleArn;
    }

    /** @return the MFA device ARN */
    public String serialNumber() {
        return serialNumber;
    }

    /** @return the role session name (given or default) */
    public String roleSessionName() {
        return roleSessionName;
    }

    /** @return the cache entry's key */
    public CredentialCacheKey cacheKey() {
        return CredentialCacheKey.builder().roleArn(roleArn).serialNumber(serialNumber)
                .roleSessionName(roleSessionName).durationSeconds(durationSeconds).scope(scope()).build();
    }

    private String scope() {
        return "endpoint=" + endpoint() + "\nsource=" + source();
    }

    private String endpoint() {
        if (endpointOption != null) {
            return endpointOption;
        }
        String fromEnv = env.apply(ENV_ENDPOINT_URL);
        return fromEnv == null || fromEnv.isBlank() ? "aws" : fromEnv.trim();
    }

    private String source() {
        if (profileOption != null) {
            return "profile:" + profileOption;
        }
        String keyId = env.apply(ENV_ACCESS_KEY_ID);
        if (keyId != null && !keyId.isBlank()) {
            return "key:" + keyId;
        }
        String profile = env.apply(ENV_PROFILE);
        return "profile:" + (profile == null || profile.isBlank() ? DEFAULT_PROFILE : profile.trim());
    }

    /** @return the cache directory: {@code --cache-dir}, else {@value #ENV_CACHE_DIR}, else ~/.aws/ykmfa/cache */
    public Path cacheDirectory() {
        return Paths.get(cacheDirectoryName());
    }

    /** @return {@link #cacheDirectory()} as a string (no NIO classes needed on the fast path) */
    String cacheDirectoryName() {
        if (cacheDirOption != null) {
            return cacheDirOption;
        }
        String fromEnv = env.apply(ENV_CACHE_DIR);
        if (fromEnv != null && !fromEnv.isBlank()) {
            return fromEnv;
        }
        return System.getProperty("user.home") + DEFAULT_CACHE_UNDER_HOME;
    }

    /**
     * @param clock the clock deciding freshness
     * @return the cache
     */
    public CredentialProcessCache cache(Clock clock) {
        return CredentialProcessCache.builder().directory(cacheDirectory()).clock(clock).build();
    }

    @Override
    public String toString() {
        return "CredentialProcessRequest{roleArn=" + roleArn + ", serialNumber=" + serialNumber
                + ", roleSessionName=" + roleSessionName + ", durationSeconds=" + durationSeconds + ", endpoint=" + endpoint() + "}";
    }
}
