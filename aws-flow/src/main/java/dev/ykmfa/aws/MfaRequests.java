package dev.ykmfa.aws;

import dev.ykmfa.aws.process.SessionCredentials;
import software.amazon.awssdk.awscore.AwsRequestOverrideConfiguration;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.SdkPlugin;
import software.amazon.awssdk.core.SdkServiceClientConfiguration;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.services.sts.model.Credentials;

/**
 * Helpers for MFA-bearing STS requests: they must never be retried blindly (an SDK retry would resend a code that
 * AWS may already have consumed — spec/aws-mfa.md §0.4), and a refused code must be recognised.
 */
public final class MfaRequests {
    /** A per-request plugin that turns the client's retries off for that request only. */
    public static final SdkPlugin NO_RETRY = new NoRetryPlugin();

    private MfaRequests() {
    }

    /**
     * The override configuration every request carrying a TokenCode gets: retries off.
     *
     * @return the configuration
     */
    public static AwsRequestOverrideConfiguration noRetryOverride() {
        return AwsRequestOverrideConfiguration.builder().addPlugin(NO_RETRY).build();
    }

    /**
     * @param e an exception from STS or IAM
     * @return whether AWS refused the MFA code (wrong, too old, or already used)
     */
    public static boolean isInvalidMfaCode(Throwable e) {
        if (!(e instanceof AwsServiceException)) {
            return false;
        }
        AwsServiceException service = (AwsServiceException) e;
        String code = service.awsErrorDetails() == null ? null : service.awsErrorDetails().errorCode();
        String message = service.awsErrorDetails() == null ? service.getMessage()
                : service.awsErrorDetails().errorMessage();
        return AwsFlowConstants.ERROR_ACCESS_DENIED.equals(code) && message != null
                && message.contains(AwsFlowConstants.MESSAGE_INVALID_MFA_CODE);
    }

    /**
     * @param credentials STS credentials
     * @return the same as a JDK-only value
     */
    public static SessionCredentials toSessionCredentials(Credentials credentials) {
        return SessionCredentials.of(credentials.accessKeyId(), credentials.secretAccessKey(),
                credentials.sessionToken(), credentials.expiration());
    }

    private static final class NoRetryPlugin implements SdkPlugin {
        @Override
        public void configureClient(SdkServiceClientConfiguration.Builder config) {
            ClientOverrideConfiguration existing = config.overrideConfiguration();
            ClientOverrideConfiguration.Builder updated = existing == null ? ClientOverrideConfiguration.builder()
                    : existing.toBuilder();
            config.overrideConfiguration(updated.retryStrategy(AwsRetryStrategy.doNotRetry()).build());
        }

        @Override
        public String toString() {
            return "MfaRequests.NO_RETRY";
        }
    }
}
