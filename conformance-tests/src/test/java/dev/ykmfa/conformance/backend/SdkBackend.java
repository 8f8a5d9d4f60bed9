package dev.ykmfa.conformance.backend;

import dev.ykmfa.aws.Sleeper;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.NoSuchEntityException;
import software.amazon.awssdk.services.sts.StsClient;

/** What every backend reached over HTTP with the AWS SDK shares: clients, real-time clock, unique names. */
abstract class SdkBackend implements BackendUnderTest {
    /** The customer-managed stand-in for AmazonEC2FullAccess on backends without AWS-managed policies. */
    static final String EC2_EQUIVALENT_POLICY = "ykmfa-conformance-ec2-full-access-equivalent";
    static final String EC2_EQUIVALENT_DOCUMENT = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
            + "\"Action\":\"ec2:*\",\"Resource\":\"*\"}]}";
    private static final int RUN_ID_LENGTH = 4;

    private final String runId = randomRunId();
    private final AtomicInteger counter = new AtomicInteger();

    private static String randomRunId() {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < RUN_ID_LENGTH; i++) {
            b.append((char) ('a' + ThreadLocalRandom.current().nextInt(26)));
        }
        return b.toString();
    }

    @Override
    public IamClient iam(AwsCredentialsProvider credentials) {
        return IamClient.builder().endpointOverride(endpoint()).region(region()).credentialsProvider(credentials)
                .build();
    }

    @Override
    public StsClient sts(AwsCredentialsProvider credentials) {
        return StsClient.builder().endpointOverride(endpoint()).region(region()).credentialsProvider(credentials)
                .build();
    }

    @Override
    public Clock clock() {
        return Clock.systemUTC();
    }

    @Override
    public Sleeper sleeper() {
        return Sleeper.system();
    }

    @Override
    public void advance(Duration duration) {
        throw new UnsupportedOperationException(name() + " runs on real time: the suite cannot move its clock");
    }

    @Override
    public String unique(String base) {
        return base + "-" + runId + counter.incrementAndGet();
    }

    /**
     * @param admin admin client
     * @return the ARN of the customer-managed {@code ec2:*} policy, created on first use
     */
    String ec2EquivalentPolicy(IamClient admin) {
        String account;
        try (StsClient sts = sts(adminCredentials())) {
            account = sts.getCallerIdentity().account();
        }
        String arn = "arn:" + partition() + ":iam::" + account + ":policy/" + EC2_EQUIVALENT_POLICY;
        try {
            return admin.getPolicy(r -> r.policyArn(arn)).policy().arn();
        } catch (NoSuchEntityException e) {
            return admin.createPolicy(r -> r.policyName(EC2_EQUIVALENT_POLICY).policyDocument(EC2_EQUIVALENT_DOCUMENT)
                    .description("ykmfa conformance: stands in for AmazonEC2FullAccess")).policy().arn();
        }
    }

    static Region regionOf(String partition) {
        return switch (partition.toLowerCase(Locale.ROOT)) {
            case "aws-cn" -> Region.CN_NORTH_1;
            case "aws-us-gov" -> Region.US_GOV_WEST_1;
            default -> Region.US_EAST_1;
        };
    }

    @Override
    public String toString() {
        return name() + " at " + endpoint();
    }

    static URI uri(String s) {
        return URI.create(s);
    }
}
