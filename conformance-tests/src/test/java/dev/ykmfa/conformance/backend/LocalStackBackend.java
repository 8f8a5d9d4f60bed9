package dev.ykmfa.conformance.backend;

import dev.ykmfa.conformance.ConformanceProperties;
import java.net.URI;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.localstack.LocalStackContainer;
import org.testcontainers.utility.DockerImageName;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.iam.IamClient;

/**
 * LocalStack through Testcontainers ({@code -Plocalstack}), image pinned by version. Current images need an auth
 * token ({@code LOCALSTACK_AUTH_TOKEN}) and a Docker engine; without either the suite is skipped with that reason.
 * LocalStack enforces no MFA (spec/aws-mfa.md §8): only shapes and the enrollment calls are asserted.
 */
public final class LocalStackBackend extends SdkBackend {
    /** The pinned image; override with {@code -Dykmfa.localstack.image=...}. */
    public static final String DEFAULT_IMAGE = "localstack/localstack:4.12.0";
    /** The environment variable holding the LocalStack auth token. */
    public static final String AUTH_TOKEN_ENV = "LOCALSTACK_AUTH_TOKEN";

    private final LocalStackContainer container;

    private LocalStackBackend(LocalStackContainer container) {
        this.container = container;
    }

    /** @return empty when Docker and an auth token are available, else why LocalStack cannot run */
    public static Optional<String> unavailableReason() {
        java.util.List<String> missing = new java.util.ArrayList<>();
        boolean docker;
        try {
            docker = DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError e) {
            docker = false;
        }
        if (!docker) {
            missing.add("no Docker engine reachable by Testcontainers (DOCKER_HOST or /var/run/docker.sock): start"
                    + " Docker");
        }
        String token = System.getenv(AUTH_TOKEN_ENV);
        if (token == null || token.isBlank()) {
            missing.add("no LocalStack auth token (current LocalStack images refuse to start without one): export "
                    + AUTH_TOKEN_ENV + "=... (free Hobby plan)");
        }
        return missing.isEmpty() ? Optional.empty() : Optional.of(String.join("; ", missing)
                + " — then run -Plocalstack again");
    }

    /** @return the started container's backend */
    public static LocalStackBackend start() {
        String image = ConformanceProperties.get(ConformanceProperties.LOCALSTACK_IMAGE).orElse(DEFAULT_IMAGE);
        LocalStackContainer c = new LocalStackContainer(DockerImageName.parse(image))
                .withServices("iam", "sts")
                .withEnv(AUTH_TOKEN_ENV, System.getenv(AUTH_TOKEN_ENV));
        c.start();
        return new LocalStackBackend(c);
    }

    @Override
    public String name() {
        return "LocalStack (" + container.getDockerImageName() + ")";
    }

    @Override
    public URI endpoint() {
        return container.getEndpoint();
    }

    @Override
    public Region region() {
        return Region.of(container.getRegion());
    }

    @Override
    public String partition() {
        return "aws";
    }

    @Override
    public Map<Capability, Optional<String>> capabilityTable() {
        Map<Capability, Optional<String>> m = new EnumMap<>(Capability.class);
        String noMfa = "LocalStack ignores MFA parameters in STS and accepts any EnableMFADevice codes (spec/aws-mfa.md"
                + " §8)";
        m.put(Capability.ENFORCES_MFA_CODES, Optional.of(noMfa));
        m.put(Capability.REJECTS_REPLAYED_CODES, Optional.of(noMfa));
        m.put(Capability.VALIDATES_ENABLE_CODES, Optional.of(noMfa));
        m.put(Capability.ENFORCES_POLICIES, Optional.of("IAM enforcement (ENFORCE_IAM) is a paid feature and MFA"
                + " context keys are undocumented"));
        m.put(Capability.ENFORCES_SESSION_DURATION, Optional.of("LocalStack's STS does not check"
                + " MaxSessionDuration"));
        m.put(Capability.VALIDATES_SIGV4, Optional.of("LocalStack accepts any credentials by default"));
        m.put(Capability.EXPIRES_SESSIONS, Optional.of("not verified for LocalStack"));
        m.put(Capability.CONTROLLABLE_CLOCK, Optional.of("LocalStack runs on real time"));
        m.put(Capability.AWS_MANAGED_POLICIES, Optional.of("not relied on: an equivalent customer-managed policy"
                + " stands in"));
        m.put(Capability.RESYNC_MFA, Optional.of("not verified for LocalStack"));
        m.put(Capability.PARTITIONS, Optional.of("the suite runs LocalStack in the aws partition only"));
        m.put(Capability.REAL_QR_PNG, Optional.of("not verified for LocalStack"));
        return m;
    }

    @Override
    public AwsCredentialsProvider adminCredentials() {
        return StaticCredentialsProvider.create(AwsBasicCredentials.create(container.getAccessKey(),
                container.getSecretKey()));
    }

    @Override
    public String rolePolicyArn(IamClient admin) {
        return ec2EquivalentPolicy(admin);
    }

    @Override
    public boolean cleanUpAfterTests() {
        return false;
    }

    @Override
    public void close() {
        container.stop();
    }
}
