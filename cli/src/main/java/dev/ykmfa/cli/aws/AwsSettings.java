package dev.ykmfa.cli.aws;

import dev.ykmfa.aws.files.CredentialsFileWriter;
import dev.ykmfa.cli.UsageException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * Where and as whom the CLI talks to AWS, from the global options and the environment: the endpoint
 * ({@code --endpoint-url}, else {@code AWS_ENDPOINT_URL}, else AWS itself), the region ({@code --region}, else
 * {@code AWS_REGION}, else {@code AWS_DEFAULT_REGION}, else the profile's region, else us-east-1) and the profile of the
 * source credentials ({@code --profile}, else {@code AWS_PROFILE}, else {@code default}).
 */
public final class AwsSettings {
    /** Environment variable for the endpoint. */
    public static final String ENV_ENDPOINT_URL = "AWS_ENDPOINT_URL";
    /** Environment variable for the region (SDK). */
    public static final String ENV_REGION = "AWS_REGION";
    /** Environment variable for the region (CLI). */
    public static final String ENV_DEFAULT_REGION = "AWS_DEFAULT_REGION";
    /** Environment variable for the profile. */
    public static final String ENV_PROFILE = "AWS_PROFILE";
    /** Environment variable for the config file. */
    public static final String ENV_CONFIG_FILE = "AWS_CONFIG_FILE";
    /** The profile used when none is named. */
    public static final String DEFAULT_PROFILE = "default";
    /** The region used when nothing names one. */
    public static final String DEFAULT_REGION = "us-east-1";

    private final URI endpoint;
    private final String regionOption;
    private final String profileOption;
    private final UnaryOperator<String> env;

    private AwsSettings(URI endpoint, String regionOption, String profileOption, UnaryOperator<String> env) {
        this.endpoint = endpoint;
        this.regionOption = regionOption;
        this.profileOption = profileOption;
        this.env = env;
    }

    /**
     * @param endpointOption {@code --endpoint-url} or null
     * @param regionOption {@code --region} or null
     * @param profileOption {@code --profile} or null
     * @param env environment lookup
     * @return the settings
     * @throws UsageException when the endpoint is not an http(s) URL
     */
    public static AwsSettings of(String endpointOption, String regionOption, String profileOption,
                                 UnaryOperator<String> env) {
        Objects.requireNonNull(env, "env");
        String raw = endpointOption != null ? endpointOption : blankToNull(env.apply(ENV_ENDPOINT_URL));
        return new AwsSettings(raw == null ? null : parseEndpoint(raw, endpointOption != null),
                blankToNull(regionOption), blankToNull(profileOption), env);
    }

    private static URI parseEndpoint(String raw, boolean fromOption) {
        String source = fromOption ? "--endpoint-url" : ENV_ENDPOINT_URL;
        try {
            URI uri = new URI(raw);
            if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme()) || uri.getHost() == null) {
                throw new UsageException(source + " must be an http:// or https:// URL such as http://127.0.0.1:4566,"
                        + " not '" + raw + "'");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new UsageException(source + " is not a URL: '" + raw + "' (" + e.getReason()
                    + "); use e.g. http://127.0.0.1:4566", e);
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    /** @return the endpoint override, or null for AWS itself */
    public URI endpoint() {
        return endpoint;
    }

    /** @return a short description of the endpoint, for cache scoping and messages */
    public String endpointDescription() {
        return endpoint == null ? "aws" : endpoint.toString();
    }

    /** @return whether {@code --profile} was given */
    public boolean profileGiven() {
        return profileOption != null;
    }

    /** @return the profile for the source credentials */
    public String profile() {
        if (profileOption != null) {
            return profileOption;
        }
        String fromEnv = blankToNull(env.apply(ENV_PROFILE));
        return fromEnv != null ? fromEnv : DEFAULT_PROFILE;
    }

    /** @return the region option or environment value, or null when the profile or the default decides */
    public String explicitRegion() {
        if (regionOption != null) {
            return regionOption;
        }
        String r = blankToNull(env.apply(ENV_REGION));
        return r != null ? r : blankToNull(env.apply(ENV_DEFAULT_REGION));
    }

    /** @return environment lookup */
    public UnaryOperator<String> env() {
        return env;
    }

    /** @return the credentials file ({@code AWS_SHARED_CREDENTIALS_FILE} or ~/.aws/credentials) */
    public Path credentialsFile() {
        return CredentialsFileWriter.defaultCredentialsFile(env);
    }

    /** @return the config file ({@code AWS_CONFIG_FILE} or ~/.aws/config) */
    public Path configFile() {
        String configured = blankToNull(env.apply(ENV_CONFIG_FILE));
        String home = System.getProperty("user.home");
        if (configured != null) {
            return configured.startsWith("~/") ? Paths.get(home + configured.substring(1)) : Paths.get(configured);
        }
        return Paths.get(home, ".aws", "config");
    }

    @Override
    public String toString() {
        return "AwsSettings{endpoint=" + endpointDescription() + ", region=" + explicitRegion() + ", profile="
                + profile() + "}";
    }
}
