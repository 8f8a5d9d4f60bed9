package dev.ykmfa.aws;

import dev.ykmfa.aws.process.SessionCredentials;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.AwsRequestOverrideConfiguration;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.AssumeRoleRequest;
import software.amazon.awssdk.services.sts.model.AssumeRoleResponse;
import software.amazon.awssdk.services.sts.model.GetSessionTokenRequest;
import software.amazon.awssdk.services.sts.model.GetSessionTokenResponse;

/**
 * The developer's half of the blog: AssumeRole with SerialNumber + TokenCode from the YubiKey (spec/aws-mfa.md §2).
 *
 * <p>Rules: a code is read right before its request, for the current 30-second step; a step whose code was already
 * sent (accepted or not) is never used again — the assumer waits for the next step instead; each MFA request goes out
 * with SDK retries off ({@link MfaRequests#NO_RETRY}); when AWS answers "invalid MFA one time pass code" (the code was
 * consumed, e.g. by another process in the same step) it waits for the next step, reads a fresh code and tries again,
 * up to {@link Builder#maxAttempts} (default 2) attempts in all.
 *
 * <p>Optional {@link Builder#sessionTokenFirst GetSessionToken-first mode}: one code buys an MFA session
 * (GetSessionToken, default 12 h) and every AssumeRole then runs with that session's credentials and no code — no
 * touch — capped at the 1-hour role-chaining limit. A new code is read only when the MFA session itself ends.
 *
 * <pre>{@code
 * MfaRoleAssumer assumer = MfaRoleAssumer.builder()
 *         .stsClient(sts).codeSource(yubiKeyCodes)
 *         .roleArn("arn:aws:iam::123456789012:role/developer-ec2-mfa")
 *         .serialNumber("arn:aws:iam::123456789012:mfa/JohnDoe")
 *         .roleSessionName("johndoe").build();
 * AssumeRoleResponse response = assumer.assumeRole();
 * }</pre>
 * Thread-safe: calls are serialised.
 */
public final class MfaRoleAssumer {
    /** Default role session name. */
    public static final String DEFAULT_ROLE_SESSION_NAME = "ykmfa";
    /** Default attempts per call (the first and one after a refused code). */
    public static final int DEFAULT_MAX_ATTEMPTS = 2;
    private static final long NO_STEP = Long.MIN_VALUE;
    private static final Duration SESSION_RENEW_MARGIN = Duration.ofMinutes(5);

    private final StsClient stsClient;
    private final MfaCodeSource codeSource;
    private final String roleArn;
    private final String serialNumber;
    private final String roleSessionName;
    private final Duration duration;
    private final String sourceIdentity;
    private final int maxAttempts;
    private final Clock clock;
    private final Sleeper sleeper;
    private final Duration sessionTokenDuration;

    private long lastSentStep = NO_STEP;
    private SessionCredentials mfaSession;

    private MfaRoleAssumer(Builder b) {
        this.stsClient = Objects.requireNonNull(b.stsClient, "stsClient");
        this.codeSource = Objects.requireNonNull(b.codeSource, "codeSource");
        this.roleArn = requireText(b.roleArn, "roleArn");
        this.serialNumber = requireText(b.serialNumber, "serialNumber");
        this.roleSessionName = requireText(b.roleSessionName, "roleSessionName");
        this.duration = b.duration;
        this.sourceIdentity = b.sourceIdentity;
        this.maxAttempts = b.maxAttempts;
        this.clock = b.clock;
        this.sleeper = b.sleeper;
        this.sessionTokenDuration = b.sessionTokenDuration;
        if (sessionTokenDuration != null && duration.compareTo(AwsFlowConstants.ROLE_CHAINING_CAP) > 0) {
            throw new IllegalArgumentException("In GetSessionToken-first mode the role session is role chaining, "
                    + "capped at 1 hour by AWS: use a duration of at most 3600 s (was " + duration.getSeconds()
                    + " s)");
        }
    }

    private static String requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " is required");
        }
        return value;
    }

    /** @return a builder */
    public static Builder builder() {
        return new Builder();
    }

    /** @return the role ARN */
    public String roleArn() {
        return roleArn;
    }

    /** @return the MFA device ARN */
    public String serialNumber() {
        return serialNumber;
    }

    /** @return the role session name */
    public String roleSessionName() {
        return roleSessionName;
    }

    /** @return the requested session duration */
    public Duration duration() {
        return duration;
    }

    /**
     * Assumes the role, reading one code from the key (or none, in GetSessionToken-first mode while the MFA session
     * lasts), with the refused-code rule described on the class.
     *
     * @return STS's answer
     * @throws AwsFlowException when AWS refuses (the message names the cause and the fix)
     */
    public synchronized AssumeRoleResponse assumeRole() {
        for (int attempt = 1; ; attempt++) {
            AssumeRoleRequest request = nextRequest();
            try {
                return stsClient.assumeRole(request);
            } catch (AwsServiceException e) {
                if (MfaRequests.isInvalidMfaCode(e) && attempt < maxAttempts) {
                    mfaSession = null;
                    continue;
                }
                throw translate(e, "AssumeRole");
            }
        }
    }

    /**
     * {@link #assumeRole()} as JDK-only credentials.
     *
     * @return the role session's credentials
     */
    public SessionCredentials assumeRoleCredentials() {
        return MfaRequests.toSessionCredentials(assumeRole().credentials());
    }

    /**
     * The next AssumeRole request: with a fresh code for a step never sent before (waiting for the next step when
     * needed) and retries off; or, in GetSessionToken-first mode, without a code but signed with the MFA session.
     * Used as the {@code refreshRequest} supplier of {@link MfaAssumeRoleCredentialsProvider}.
     *
     * @return the request
     */
    public synchronized AssumeRoleRequest nextRequest() {
        AssumeRoleRequest.Builder request = AssumeRoleRequest.builder()
                .roleArn(roleArn)
                .roleSessionName(roleSessionName)
                .durationSeconds((int) duration.getSeconds());
        if (sourceIdentity != null) {
            request.sourceIdentity(sourceIdentity);
        }
        if (sessionTokenDuration != null) {
            SessionCredentials session = mfaSession();
            AwsCredentialsProvider signer = StaticCredentialsProvider.create(AwsSessionCredentials.create(
                    session.accessKeyId(), session.secretAccessKey(), session.sessionToken().orElseThrow()));
            return request.overrideConfiguration(AwsRequestOverrideConfiguration.builder()
                    .credentialsProvider(signer).build()).build();
        }
        String code = freshCode();
        return request.serialNumber(serialNumber).tokenCode(code)
                .overrideConfiguration(MfaRequests.noRetryOverride()).build();
    }

    /**
     * The MFA session of GetSessionToken-first mode, obtained (one code) when missing or ending within 5 minutes.
     *
     * @return the session credentials
     */
    private SessionCredentials mfaSession() {
        if (mfaSession != null && mfaSession.expiration().orElseThrow()
                .isAfter(clock.instant().plus(SESSION_RENEW_MARGIN))) {
            return mfaSession;
        }
        for (int attempt = 1; ; attempt++) {
            GetSessionTokenRequest request = GetSessionTokenRequest.builder()
                    .serialNumber(serialNumber)
                    .tokenCode(freshCode())
                    .durationSeconds((int) sessionTokenDuration.getSeconds())
                    .overrideConfiguration(MfaRequests.noRetryOverride())
                    .build();
            try {
                GetSessionTokenResponse response = stsClient.getSessionToken(request);
                mfaSession = MfaRequests.toSessionCredentials(response.credentials());
                return mfaSession;
            } catch (AwsServiceException e) {
                if (!MfaRequests.isInvalidMfaCode(e) || attempt >= maxAttempts) {
                    throw translate(e, "GetSessionToken");
                }
            }
        }
    }

    /** Reads a code for the current step, after waiting until the step is later than any step already sent. */
    private String freshCode() {
        Instant now = clock.instant();
        long step = step(now);
        while (step <= lastSentStep) {
            Instant nextStepStart = Instant.ofEpochSecond((lastSentStep + 1) * periodSeconds());
            try {
                sleeper.sleep(Duration.between(now, nextStepStart));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AwsFlowException("Interrupted while waiting for the next MFA code");
            }
            now = clock.instant();
            step = step(now);
        }
        String code = codeSource.code(serialNumber, now);
        lastSentStep = step;
        return code;
    }

    private static long periodSeconds() {
        return AwsFlowConstants.TOTP_PERIOD.getSeconds();
    }

    private static long step(Instant time) {
        return Math.floorDiv(time.getEpochSecond(), periodSeconds());
    }

    private AwsFlowException translate(AwsServiceException e, String operation) {
        String code = e.awsErrorDetails() == null ? null : e.awsErrorDetails().errorCode();
        String awsMessage = e.awsErrorDetails() == null ? e.getMessage() : e.awsErrorDetails().errorMessage();
        String fix;
        if (MfaRequests.isInvalidMfaCode(e)) {
            fix = "AWS refused the MFA code " + maxAttempts + " time(s), each time for a new 30-second step: check "
                    + "that the key's credential for " + serialNumber + " was programmed from that device's seed "
                    + "(re-run the enrollment) and that this computer's clock is right";
        } else if (awsMessage != null && awsMessage.contains("unable to validate MFA code")) {
            fix = "the serial number " + serialNumber + " is not an MFA device of the calling user: pass the ARN "
                    + "of the user's virtual MFA device (arn:aws:iam::ACCOUNT:mfa/USER)";
        } else if (awsMessage != null && awsMessage.contains("is not authorized to perform")) {
            fix = "check that the calling user may assume " + roleArn + " with MFA (group policy) and that the role "
                    + "trusts the account";
        } else if (awsMessage != null && awsMessage.contains("DurationSeconds")) {
            fix = "ask for a shorter session (the role's MaxSessionDuration, or 1 hour when chaining)";
        } else {
            fix = "see the AWS message";
        }
        return new AwsFlowException(operation + " failed: " + (code == null ? "" : code + ": ") + awsMessage
                + " — " + fix + ".", code, e);
    }

    @Override
    public String toString() {
        return "MfaRoleAssumer{roleArn=" + roleArn + ", serialNumber=" + serialNumber + ", roleSessionName="
                + roleSessionName + ", duration=" + duration.getSeconds() + "s"
                + (sessionTokenDuration == null ? "" : ", sessionTokenFirst=" + sessionTokenDuration.getSeconds()
                + "s") + "}";
    }

    /** Builds a {@link MfaRoleAssumer}. */
    public static final class Builder {
        private StsClient stsClient;
        private MfaCodeSource codeSource;
        private String roleArn;
        private String serialNumber;
        private String roleSessionName = DEFAULT_ROLE_SESSION_NAME;
        private Duration duration = AwsFlowConstants.DEFAULT_ROLE_SESSION_DURATION;
        private String sourceIdentity;
        private int maxAttempts = DEFAULT_MAX_ATTEMPTS;
        private Clock clock = Clock.systemUTC();
        private Sleeper sleeper = Sleeper.system();
        private Duration sessionTokenDuration;

        private Builder() {
        }

        /**

         * @param stsClient the STS client, signed with the user's long-term keys (required)

         * @return this

         */
        public Builder stsClient(StsClient stsClient) {
            this.stsClient = stsClient;
            return this;
        }

        /**

         * @param codeSource where codes come from, normally the YubiKey (required)

         * @return this

         */
        public Builder codeSource(MfaCodeSource codeSource) {
            this.codeSource = codeSource;
            return this;
        }

        /**

         * @param roleArn the role to assume (required)

         * @return this

         */
        public Builder roleArn(String roleArn) {
            this.roleArn = roleArn;
            return this;
        }

        /**

         * @param serialNumber the MFA device ARN (required)

         * @return this

         */
        public Builder serialNumber(String serialNumber) {
            this.serialNumber = serialNumber;
            return this;
        }

        /**

         * @param roleSessionName the role session name; default {@code ykmfa}

         * @return this

         */
        public Builder roleSessionName(String roleSessionName) {
            this.roleSessionName = roleSessionName;
            return this;
        }

        /**
         * @param duration the role session duration (900 s … the role's MaxSessionDuration); default 1 hour
         * @return this
         */
        public Builder duration(Duration duration) {
            if (duration == null || duration.compareTo(AwsFlowConstants.MIN_SESSION_DURATION) < 0
                    || duration.compareTo(AwsFlowConstants.MAX_ROLE_SESSION_DURATION) > 0) {
                throw new IllegalArgumentException("The role session duration must be between 900 and 43200 "
                        + "seconds (was " + (duration == null ? "null" : duration.getSeconds() + " s") + ")");
            }
            this.duration = duration;
            return this;
        }

        /**

         * @param sourceIdentity the source identity; default none

         * @return this

         */
        public Builder sourceIdentity(String sourceIdentity) {
            this.sourceIdentity = sourceIdentity;
            return this;
        }

        /**

         * @param maxAttempts attempts per call, at least 1; default 2

         * @return this

         */
        public Builder maxAttempts(int maxAttempts) {
            if (maxAttempts < 1) {
                throw new IllegalArgumentException("maxAttempts must be at least 1");
            }
            this.maxAttempts = maxAttempts;
            return this;
        }

        /**

         * @param clock the clock deciding the time step; default the system UTC clock

         * @return this

         */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**

         * @param sleeper how to wait for the next step; default {@link Sleeper#system()}

         * @return this

         */
        public Builder sleeper(Sleeper sleeper) {
            this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
            return this;
        }

        /**
         * GetSessionToken-first mode: one code buys an MFA session of {@code sessionDuration} and role sessions are
         * then assumed with it (no further codes; role chaining caps them at 1 hour). Default off.
         *
         * @param sessionDuration the GetSessionToken duration (900 s … 36 h), e.g. 12 hours
         * @return this
         */
        public Builder sessionTokenFirst(Duration sessionDuration) {
            if (sessionDuration != null && (sessionDuration.compareTo(AwsFlowConstants.MIN_SESSION_DURATION) < 0
                    || sessionDuration.compareTo(AwsFlowConstants.MAX_SESSION_TOKEN_DURATION) > 0)) {
                throw new IllegalArgumentException("The GetSessionToken duration must be between 900 and 129600 "
                        + "seconds (was " + sessionDuration.getSeconds() + " s)");
            }
            this.sessionTokenDuration = sessionDuration;
            return this;
        }

        /** @return the assumer */
        public MfaRoleAssumer build() {
            return new MfaRoleAssumer(this);
        }
    }

    /** @return the STS client */
    StsClient stsClient() {
        return stsClient;
    }
}
