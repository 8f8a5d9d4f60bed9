package dev.ykmfa.cli.aws;

import dev.ykmfa.cli.CliException;
import dev.ykmfa.cli.DebugLog;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.profiles.Profile;
import software.amazon.awssdk.profiles.ProfileFile;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.sts.StsClient;

/**
 * Builds the AWS SDK v2 clients (STS, IAM, EC2) for the CLI from {@link AwsSettings}: endpoint override, region,
 * the JDK URL-connection HTTP client, and the source credentials — {@code --profile} from the shared files (as the
 * SDK reads them), else {@code AWS_ACCESS_KEY_ID}/{@code AWS_SECRET_ACCESS_KEY}, else the {@code AWS_PROFILE} or
 * {@code default} profile. Everything is read from the environment the CLI was given, so tests can run it in-process.
 * Close it to close every client it built.
 */
public final class AwsClients implements AutoCloseable {
    private static final String ENV_ACCESS_KEY_ID = "AWS_ACCESS_KEY_ID";
    private static final String ENV_SECRET_ACCESS_KEY = "AWS_SECRET_ACCESS_KEY";
    private static final String ENV_SESSION_TOKEN = "AWS_SESSION_TOKEN";
    private static final String PROPERTY_REGION = "region";

    private final AwsSettings settings;
    private final DebugLog log;
    private final SdkHttpClient http;
    private final List<AutoCloseable> opened = new ArrayList<>();
    private ProfileFile profileFile;

    /**
     * @param settings endpoint, region, profile and environment
     * @param log debug lines
     */
    public AwsClients(AwsSettings settings, DebugLog log) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.log = Objects.requireNonNull(log, "log");
        this.http = UrlConnectionHttpClient.create();
    }

    /** @return the settings */
    public AwsSettings settings() {
        return settings;
    }

    /**
     * The source credentials: the user's (or admin's) long-term keys.
     *
     * @return the provider
     * @throws CliException when none are configured
     */
    public AwsCredentialsProvider sourceCredentials() {
        if (!settings.profileGiven()) {
            String keyId = settings.env().apply(ENV_ACCESS_KEY_ID);
            String secret = settings.env().apply(ENV_SECRET_ACCESS_KEY);
            if (keyId != null && !keyId.isBlank() && secret != null && !secret.isBlank()) {
                String token = settings.env().apply(ENV_SESSION_TOKEN);
                log.debug(() -> "source credentials: " + ENV_ACCESS_KEY_ID + " " + keyId);
                return StaticCredentialsProvider.create(token == null || token.isBlank()
                        ? AwsBasicCredentials.create(keyId, secret)
                        : AwsSessionCredentials.create(keyId, secret, token));
            }
        }
        String profile = settings.profile();
        if (profile(profile).isEmpty()) {
            if (settings.profileGiven()) {
                throw new CliException("the profile '" + profile + "' is in neither " + settings.credentialsFile()
                        + " nor " + settings.configFile() + ": check the name, or create it with `aws configure"
                        + " --profile " + profile + "`");
            }
            throw new CliException("no AWS credentials found: pass --profile NAME, set " + ENV_ACCESS_KEY_ID + " and "
                    + ENV_SECRET_ACCESS_KEY + ", or create the default profile with `aws configure`");
        }
        log.debug(() -> "source credentials: profile '" + profile + "' from " + settings.credentialsFile());
        return ProfileCredentialsProvider.builder().profileFile(profileFile()).profileName(profile).build();
    }

    /** @return the region the clients use */
    public Region region() {
        String explicit = settings.explicitRegion();
        if (explicit != null) {
            return Region.of(explicit);
        }
        Optional<String> fromProfile = profile(settings.profile()).flatMap(p -> p.property(PROPERTY_REGION));
        return Region.of(fromProfile.orElse(AwsSettings.DEFAULT_REGION));
    }

    private Optional<Profile> profile(String name) {
        return profileFile().profile(name);
    }

    private synchronized ProfileFile profileFile() {
        if (profileFile == null) {
            ProfileFile.Aggregator files = ProfileFile.aggregator();
            add(files, settings.configFile(), ProfileFile.Type.CONFIGURATION);
            add(files, settings.credentialsFile(), ProfileFile.Type.CREDENTIALS);
            profileFile = files.build();
        }
        return profileFile;
    }

    private static void add(ProfileFile.Aggregator files, Path path, ProfileFile.Type type) {
        if (Files.isRegularFile(path)) {
            files.addFile(ProfileFile.builder().content(path).type(type).build());
        }
    }

    /**
     * @param credentials who signs
     * @return an STS client
     */
    public StsClient sts(AwsCredentialsProvider credentials) {
        return configure(StsClient.builder(), credentials, region());
    }

    /**
     * @param credentials who signs
     * @return an IAM client (global endpoint of the region's partition, unless an endpoint is set)
     */
    public IamClient iam(AwsCredentialsProvider credentials) {
        Region region = region();
        Region iamRegion = region;
        if (settings.endpoint() == null) {
            String id = region.id();
            iamRegion = id.startsWith("cn-") ? Region.AWS_CN_GLOBAL
                    : id.startsWith("us-gov-") ? Region.AWS_US_GOV_GLOBAL : Region.AWS_GLOBAL;
        }
        return configure(IamClient.builder(), credentials, iamRegion);
    }

    /**
     * @param credentials who signs
     * @return an EC2 client
     */
    public Ec2Client ec2(AwsCredentialsProvider credentials) {
        return configure(Ec2Client.builder(), credentials, region());
    }

    private <B extends AwsClientBuilder<B, C> & AwsSyncClientBuilder<B, C>, C extends AutoCloseable> C configure(
            B builder, AwsCredentialsProvider credentials, Region region) {
        builder.httpClient(http).region(region).credentialsProvider(credentials);
        if (settings.endpoint() != null) {
            builder.endpointOverride(settings.endpoint());
        }
        C client = builder.build();
        synchronized (opened) {
            opened.add(client);
        }
        log.debug(() -> "AWS client for " + region.id() + " at " + settings.endpointDescription());
        return client;
    }

    @Override
    public void close() {
        synchronized (opened) {
            for (AutoCloseable c : opened) {
                try {
                    c.close();
                } catch (Exception e) {
                    log.debug(() -> "closing an AWS client failed: " + e.getMessage());
                }
            }
            opened.clear();
        }
        http.close();
    }

    @Override
    public String toString() {
        return "AwsClients{" + settings + "}";
    }
}
