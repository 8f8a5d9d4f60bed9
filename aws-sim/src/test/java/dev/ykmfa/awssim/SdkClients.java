package dev.ykmfa.awssim;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.Credentials;

/** Real AWS SDK v2 clients pointed at a simulator (no retries, so every error surfaces as the server sent it). */
final class SdkClients {
    private static final SdkHttpClient HTTP = ApacheHttpClient.create();
    private final AwsSimulator sim;

    SdkClients(AwsSimulator sim) {
        this.sim = sim;
    }

    static AwsCredentials basic(String id, String secret) {
        return AwsBasicCredentials.create(id, secret);
    }

    static AwsCredentials session(Credentials c) {
        return AwsSessionCredentials.create(c.accessKeyId(), c.secretAccessKey(), c.sessionToken());
    }

    AwsCredentials admin() {
        return basic(sim.adminAccessKeyId(), sim.adminSecretAccessKey());
    }

    private static ClientOverrideConfiguration noRetries() {
        return ClientOverrideConfiguration.builder().retryStrategy(AwsRetryStrategy.doNotRetry()).build();
    }

    IamClient iam(AwsCredentials c) {
        return IamClient.builder().endpointOverride(sim.endpoint()).region(Region.AWS_GLOBAL).httpClient(HTTP)
                .overrideConfiguration(noRetries())
                .credentialsProvider(StaticCredentialsProvider.create(c)).build();
    }

    StsClient sts(AwsCredentials c) {
        return StsClient.builder().endpointOverride(sim.endpoint()).region(Region.US_EAST_1).httpClient(HTTP)
                .overrideConfiguration(noRetries())
                .credentialsProvider(StaticCredentialsProvider.create(c)).build();
    }

    Ec2Client ec2(AwsCredentials c) {
        return Ec2Client.builder().endpointOverride(sim.endpoint()).region(Region.EU_WEST_1).httpClient(HTTP)
                .overrideConfiguration(noRetries())
                .credentialsProvider(StaticCredentialsProvider.create(c)).build();
    }
}
