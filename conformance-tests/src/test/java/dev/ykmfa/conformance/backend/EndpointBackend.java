package dev.ykmfa.conformance.backend;

import java.net.URI;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.EnvironmentVariableCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.iam.IamClient;

/**
 * Any AWS-compatible endpoint ({@code -Dykmfa.aws.endpoint=URL}) with admin credentials from the environment
 * ({@code AWS_ACCESS_KEY_ID}, {@code AWS_SECRET_ACCESS_KEY}, optional {@code AWS_SESSION_TOKEN}; region from
 * {@code AWS_REGION}, default us-east-1) — e.g. {@code https://iam.amazonaws.com} style endpoints of a real AWS test
 * account. It is assumed to behave like real AWS (every capability but a controllable clock and other partitions);
 * {@code -Dykmfa.aws.capabilities=A,B} narrows that for other emulators. Everything the suite creates there is
 * deleted afterwards.
 */
public final class EndpointBackend extends SdkBackend {
    /** Narrows the declared capabilities: comma-separated {@link Capability} names. */
    public static final String CAPABILITIES_PROPERTY = "ykmfa.aws.capabilities";

    private final URI endpoint;
    private final Region region;
    private final Set<Capability> capabilities;

    /** @param endpoint the endpoint URL */
    public EndpointBackend(String endpoint) {
        this.endpoint = URI.create(endpoint);
        String r = System.getenv("AWS_REGION");
        this.region = Region.of(r == null || r.isBlank() ? "us-east-1" : r);
        String declared = System.getProperty(CAPABILITIES_PROPERTY);
        if (declared == null || declared.isBlank()) {
            capabilities = EnumSet.allOf(Capability.class);
            capabilities.remove(Capability.CONTROLLABLE_CLOCK);
            capabilities.remove(Capability.PARTITIONS);
        } else {
            capabilities = EnumSet.noneOf(Capability.class);
            for (String c : declared.split(",")) {
                capabilities.add(Capability.valueOf(c.trim().toUpperCase(Locale.ROOT)));
            }
        }
    }

    /** @return empty when admin credentials are in the environment, else what to export */
    public static Optional<String> unavailableReason() {
        if (System.getenv("AWS_ACCESS_KEY_ID") == null || System.getenv("AWS_SECRET_ACCESS_KEY") == null) {
            return Optional.of("-Dykmfa.aws.endpoint needs admin credentials in the environment: export"
                    + " AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY (and AWS_SESSION_TOKEN, AWS_REGION if needed)");
        }
        return Optional.empty();
    }

    @Override
    public String name() {
        return "endpoint " + endpoint;
    }

    @Override
    public URI endpoint() {
        return endpoint;
    }

    @Override
    public Region region() {
        return region;
    }

    @Override
    public String partition() {
        String id = region.id();
        return id.startsWith("cn-") ? "aws-cn" : id.startsWith("us-gov-") ? "aws-us-gov" : "aws";
    }

    @Override
    public Map<Capability, Optional<String>> capabilityTable() {
        Map<Capability, Optional<String>> m = new EnumMap<>(Capability.class);
        for (Capability c : Capability.values()) {
            m.put(c, capabilities.contains(c) ? Optional.empty() : Optional.of(c == Capability.CONTROLLABLE_CLOCK
                    ? "a remote endpoint runs on real time" : c == Capability.PARTITIONS
                    ? "an account lives in one partition" : "not declared in -D" + CAPABILITIES_PROPERTY));
        }
        return m;
    }

    @Override
    public AwsCredentialsProvider adminCredentials() {
        return EnvironmentVariableCredentialsProvider.create();
    }

    @Override
    public String rolePolicyArn(IamClient admin) {
        return has(Capability.AWS_MANAGED_POLICIES) ? "arn:" + partition() + ":iam::aws:policy/AmazonEC2FullAccess"
                : ec2EquivalentPolicy(admin);
    }

    @Override
    public boolean cleanUpAfterTests() {
        return true;
    }

    @Override
    public void close() {
        // nothing runs locally
    }
}
