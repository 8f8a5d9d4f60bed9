package dev.ykmfa.conformance.backend;

import dev.ykmfa.aws.Sleeper;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.sts.StsClient;

/**
 * The AWS-compatible IAM + STS the suite enrolls against: aws-sim in-process, moto's server, LocalStack, or any
 * endpoint (a real AWS test account). Each declares its capabilities; the missing ones carry the reason.
 */
public interface BackendUnderTest extends AutoCloseable {
    /** @return short name for the report, e.g. {@code aws-sim}, {@code moto 5.2.1} */
    String name();

    /** @return where it listens */
    URI endpoint();

    /** @return the SDK region (it selects the partition) */
    Region region();

    /** @return the partition its ARNs use */
    String partition();

    /** @return capabilities it has, and for each missing one why it is missing */
    Map<Capability, Optional<String>> capabilityTable();

    /**
     * @param capability a capability
     * @return whether the backend has it
     */
    default boolean has(Capability capability) {
        return capabilityTable().getOrDefault(capability, Optional.of("not declared")).isEmpty();
    }

    /**
     * @param capability a capability the backend lacks
     * @return the skip reason shown in the report
     */
    default String lacks(Capability capability) {
        return name() + " lacks " + capability + " (" + capability.description() + "): "
                + capabilityTable().getOrDefault(capability, Optional.of("not declared")).orElse("");
    }

    /** @return the admin credentials (AdministratorAccess, or anything the backend accepts) */
    AwsCredentialsProvider adminCredentials();

    /**
     * @param credentials who signs
     * @return an IAM client for this backend
     */
    IamClient iam(AwsCredentialsProvider credentials);

    /**
     * @param credentials who signs
     * @return an STS client for this backend
     */
    StsClient sts(AwsCredentialsProvider credentials);

    /** @return the clock the backend checks codes and expirations against (the key computes codes with it too) */
    Clock clock();

    /** @return how the flow waits for the next TOTP step (virtual on a controllable clock) */
    Sleeper sleeper();

    /**
     * Moves the backend's clock forward (only with {@link Capability#CONTROLLABLE_CLOCK}).
     *
     * @param duration how far
     */
    void advance(Duration duration);

    /**
     * The role's permission policy for the blog's setup: {@code AmazonEC2FullAccess}, or, where the backend lacks
     * AWS-managed policies, an equivalent customer-managed policy ({@code ec2:*} on {@code *}) created once.
     *
     * @param admin an admin IAM client
     * @return the policy ARN
     */
    String rolePolicyArn(IamClient admin);

    /**
     * @param base a readable base name
     * @return a name unique on this backend for this run (backends are shared by the tests of a run)
     */
    String unique(String base);

    /** @return whether entities created by a test should be deleted afterwards (shared, persistent backends) */
    boolean cleanUpAfterTests();

    @Override
    void close();
}
