package dev.ykmfa.aws;

import java.time.Duration;
import java.util.Objects;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.auth.StsAssumeRoleCredentialsProvider;
import software.amazon.awssdk.utils.SdkAutoCloseable;

/**
 * An {@link AwsCredentialsProvider} for a role that requires MFA: each refresh reads a fresh code from the YubiKey
 * (touch prompt through the code source's {@link UserInteraction}) and calls AssumeRole with it.
 *
 * <p>Built on the SDK's {@link StsAssumeRoleCredentialsProvider} with {@code refreshRequest(Supplier)} fed by
 * {@link MfaRoleAssumer#nextRequest()}, so the SDK's cache decides when to refresh: nothing happens (no touch) while
 * the credentials are good; a refresh is attempted {@link Builder#prefetchTime prefetchTime} (default 5 minutes)
 * before expiry and is mandatory {@link Builder#staleTime staleTime} (default 1 minute) before it. Asynchronous
 * background refresh is off, so a touch is only asked while a caller is waiting for credentials. A refused code is
 * retried once with the next step's code (see {@link MfaRoleAssumer}); a code is never sent twice.
 *
 * <pre>{@code
 * try (MfaAssumeRoleCredentialsProvider provider = MfaAssumeRoleCredentialsProvider.builder()
 *         .assumer(MfaRoleAssumer.builder().stsClient(sts).codeSource(key)
 *                 .roleArn(roleArn).serialNumber(mfaArn).build())
 *         .build();
 *      Ec2Client ec2 = Ec2Client.builder().credentialsProvider(provider).build()) {
 *     ec2.describeInstances();
 * }
 * }</pre>
 */
public final class MfaAssumeRoleCredentialsProvider implements AwsCredentialsProvider, SdkAutoCloseable {
    /** Default prefetch time: refresh 5 minutes before expiry. */
    public static final Duration DEFAULT_PREFETCH_TIME = Duration.ofMinutes(5);
    /** Default stale time: credentials are not used in their last minute. */
    public static final Duration DEFAULT_STALE_TIME = Duration.ofMinutes(1);

    private final MfaRoleAssumer assumer;
    private final StsAssumeRoleCredentialsProvider delegate;
    private final int maxAttempts;

    private MfaAssumeRoleCredentialsProvider(Builder b) {
        this.assumer = Objects.requireNonNull(b.assumer, "assumer");
        this.maxAttempts = b.maxAttempts;
        this.delegate = StsAssumeRoleCredentialsProvider.builder()
                .stsClient(b.stsClient != null ? b.stsClient : assumer.stsClient())
                .refreshRequest(assumer::nextRequest)
                .prefetchTime(b.prefetchTime)
                .staleTime(b.staleTime)
                .asyncCredentialUpdateEnabled(false)
                .build();
    }

    /** @return a builder */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Cached credentials, or new ones (one code, maybe a touch) when they are due for refresh.
     *
     * @return session credentials of the role
     * @throws AwsFlowException when AWS refuses the codes or the request
     */
    @Override
    public AwsCredentials resolveCredentials() {
        for (int attempt = 1; ; attempt++) {
            try {
                return delegate.resolveCredentials();
            } catch (SdkException e) {
                Throwable refused = invalidCodeCause(e);
                if (refused != null && attempt < maxAttempts) {
                    continue;
                }
                throw e;
            }
        }
    }

    private static Throwable invalidCodeCause(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (MfaRequests.isInvalidMfaCode(t)) {
                return t;
            }
        }
        return null;
    }

    /** Releases the SDK provider's cache (not the STS client, which the caller owns). */
    @Override
    public void close() {
        delegate.close();
    }

    @Override
    public String toString() {
        return "MfaAssumeRoleCredentialsProvider{" + assumer + "}";
    }

    /** Builds a {@link MfaAssumeRoleCredentialsProvider}. */
    public static final class Builder {
        private MfaRoleAssumer assumer;
        private StsClient stsClient;
        private Duration prefetchTime = DEFAULT_PREFETCH_TIME;
        private Duration staleTime = DEFAULT_STALE_TIME;
        private int maxAttempts = MfaRoleAssumer.DEFAULT_MAX_ATTEMPTS;

        private Builder() {
        }

        /**
         * @param assumer the request source (required); its STS client is used unless {@link #stsClient} is set
         * @return this
         */
        public Builder assumer(MfaRoleAssumer assumer) {
            this.assumer = assumer;
            return this;
        }

        /**

         * @param stsClient the STS client the SDK provider calls; default the assumer's

         * @return this

         */
        public Builder stsClient(StsClient stsClient) {
            this.stsClient = stsClient;
            return this;
        }

        /**

         * @param prefetchTime how long before expiry to refresh; default 5 minutes

         * @return this

         */
        public Builder prefetchTime(Duration prefetchTime) {
            this.prefetchTime = Objects.requireNonNull(prefetchTime, "prefetchTime");
            return this;
        }

        /**

         * @param staleTime how long before expiry credentials are unusable; default 1 minute

         * @return this

         */
        public Builder staleTime(Duration staleTime) {
            this.staleTime = Objects.requireNonNull(staleTime, "staleTime");
            return this;
        }

        /**

         * @param maxAttempts resolve attempts after refused codes, at least 1; default 2

         * @return this

         */
        public Builder maxAttempts(int maxAttempts) {
            if (maxAttempts < 1) {
                throw new IllegalArgumentException("maxAttempts must be at least 1");
            }
            this.maxAttempts = maxAttempts;
            return this;
        }

        /** @return the provider */
        public MfaAssumeRoleCredentialsProvider build() {
            return new MfaAssumeRoleCredentialsProvider(this);
        }
    }
}
