package dev.ykmfa.conformance.backend;

import dev.ykmfa.aws.Sleeper;
import dev.ykmfa.awssim.AwsSimulator;
import dev.ykmfa.awssim.Partition;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.iam.IamClient;

/**
 * aws-sim in-process on a free loopback port, on a {@link VirtualClock} shared with the key's codes: it enforces
 * MFA, policies, durations and SigV4, so every refusal test runs; its clock moves without waiting.
 * New MFA seeds are 40 bytes (64 Base32 characters) like real AWS's (spec/aws-mfa.md §4), not aws-sim's default 20.
 */
public final class AwsSimBackend extends SdkBackend {
    /** Real AWS seeds are 40 bytes (spec/aws-mfa.md §4 notes). */
    public static final int AWS_SEED_BYTES = 40;

    private final VirtualClock clock;
    private final AwsSimulator sim;
    private final Partition partition;

    /** @param partition {@code aws}, {@code aws-cn} or {@code aws-us-gov} */
    public AwsSimBackend(String partition) {
        this.partition = Partition.of(partition);
        this.clock = new VirtualClock(Instant.now());
        this.sim = AwsSimulator.builder().clock(clock).partition(this.partition).mfaSeedBytes(AWS_SEED_BYTES)
                .build().start();
    }

    /** aws-sim in the {@code aws} partition. */
    public AwsSimBackend() {
        this("aws");
    }

    /** @return the simulator (in-process inspection, e.g. sessions) */
    public AwsSimulator simulator() {
        return sim;
    }

    @Override
    public String name() {
        return "aws-sim (in-process" + (partition == Partition.AWS ? "" : ", partition " + partition.id()) + ")";
    }

    @Override
    public URI endpoint() {
        return sim.endpoint();
    }

    @Override
    public Region region() {
        return regionOf(partition.id());
    }

    @Override
    public String partition() {
        return partition.id();
    }

    @Override
    public Map<Capability, Optional<String>> capabilityTable() {
        Map<Capability, Optional<String>> m = new EnumMap<>(Capability.class);
        for (Capability c : Capability.values()) {
            m.put(c, Optional.empty());
        }
        return m;
    }

    @Override
    public AwsCredentialsProvider adminCredentials() {
        return StaticCredentialsProvider.create(AwsBasicCredentials.create(sim.adminAccessKeyId(),
                sim.adminSecretAccessKey()));
    }

    @Override
    public Clock clock() {
        return clock;
    }

    @Override
    public Sleeper sleeper() {
        return clock.sleeper();
    }

    @Override
    public void advance(Duration duration) {
        clock.advance(duration);
    }

    @Override
    public String rolePolicyArn(IamClient admin) {
        return "arn:" + partition.id() + ":iam::aws:policy/AmazonEC2FullAccess";
    }

    @Override
    public boolean cleanUpAfterTests() {
        return false;
    }

    @Override
    public void close() {
        sim.close();
    }
}
