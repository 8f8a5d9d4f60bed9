package dev.ykmfa.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ykmfa.aws.EnrollmentResult.Outcome;
import dev.ykmfa.aws.files.CredentialsFileWriter;
import dev.ykmfa.aws.process.CredentialCacheKey;
import dev.ykmfa.aws.process.CredentialProcessCache;
import dev.ykmfa.aws.process.SessionCredentials;
import dev.ykmfa.awssim.AwsSimulator;
import dev.ykmfa.awssim.Partition;
import dev.ykmfa.protocol.ykoath.OathSession;
import dev.ykmfa.sim.SimulatedYubiKey;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Ec2Exception;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.InvalidAuthenticationCodeException;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.StsException;

/**
 * The whole blog in-process against aws-sim (which enforces MFA: wrong, replayed and missing codes are refused) and
 * the simulated YubiKey, sharing one virtual clock so no test waits 30 real seconds.
 */
class AwsSimFlowIT {
    /**
     * Enabling consumed the codes of the current and the next step (aws-sim keeps one last-used step per device, as
     * RFC 6238 §5.2 asks), so the first AssumeRole code must come from the step after those.
     */
    private static final Duration AFTER_ENABLE = Duration.ofSeconds(60);

    private final MutableClock clock = new MutableClock(Instant.now());
    private AwsSimulator sim;
    private SimulatedYubiKey simulatedKey;
    private OathSession key;

    @TempDir
    Path dir;

    private void start(Partition partition) {
        sim = AwsSimulator.builder().port(0).clock(clock).partition(partition).build().start();
        simulatedKey = SimulatedYubiKey.create();
        key = OathSession.open(simulatedKey);
    }

    @AfterEach
    void stop() {
        if (key != null) {
            key.close();
        }
        if (sim != null) {
            sim.close();
        }
    }

    private static ClientOverrideConfiguration noRetries() {
        return ClientOverrideConfiguration.builder().retryStrategy(AwsRetryStrategy.doNotRetry()).build();
    }

    private IamClient iam(Region region) {
        return IamClient.builder().endpointOverride(sim.endpoint()).region(region).overrideConfiguration(noRetries())
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(sim.adminAccessKeyId(), sim.adminSecretAccessKey()))).build();
    }

    private StsClient sts(AwsCredentialsProvider credentials) {
        return StsClient.builder().endpointOverride(sim.endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(credentials).build();
    }

    private Ec2Client ec2(AwsCredentialsProvider credentials) {
        return Ec2Client.builder().endpointOverride(sim.endpoint()).region(Region.US_EAST_1)
                .overrideConfiguration(noRetries()).credentialsProvider(credentials).build();
    }

    private EnrollmentResult enroll(IamClient iam, EnrollmentRequest request) {
        return MfaEnrollment.builder().iamClient(iam).oathSession(key).interaction(UserInteraction.silent())
                .clock(clock).sleeper(clock.sleeper()).build().enroll(request);
    }

    /** @return an STS client signing with the long-term access key the enrollment created */
    private StsClient stsWithNewKey(EnrollmentResult enrolled) {
        SessionCredentials longTerm = enrolled.newAccessKey().orElseThrow();
        return sts(StaticCredentialsProvider.create(
                AwsBasicCredentials.create(longTerm.accessKeyId(), longTerm.secretAccessKey())));
    }

    private MfaRoleAssumer.Builder assumer(StsClient sts, EnrollmentResult enrolled) {
        return MfaRoleAssumer.builder().stsClient(sts)
                .codeSource(YubiKeyMfaCodeSource.builder().oathSession(key).interaction(UserInteraction.silent())
                        .build())
                .roleArn(enrolled.roleArn()).serialNumber(enrolled.mfaSerialNumber()).roleSessionName("johndoe")
                .clock(clock).sleeper(clock.sleeper());
    }

    @Test
    void blog_enrollAssumeProfileDescribeInstances_withTheLibrary() {
        start(Partition.AWS);
        try (IamClient admin = iam(Region.AWS_GLOBAL)) {
            EnrollmentRequest request = EnrollmentRequest.builder().userName("JohnDoe")
                    .roleName("developer-ec2-mfa").build();
            EnrollmentResult enrolled = enroll(admin, request);

            assertEquals("arn:aws:iam::123456789012:mfa/JohnDoe", enrolled.mfaSerialNumber());
            assertTrue(enrolled.outcomes().values().stream().allMatch(o -> o == Outcome.CREATED),
                    enrolled.toString());
            SessionCredentials longTerm = enrolled.newAccessKey().orElseThrow();

            EnrollmentResult again = enroll(admin, request);
            assertTrue(again.newAccessKey().isEmpty());
            assertTrue(again.outcomes().values().stream().allMatch(o -> o == Outcome.REUSED), again.toString());

            AwsCredentialsProvider johnKeys = StaticCredentialsProvider.create(
                    AwsBasicCredentials.create(longTerm.accessKeyId(), longTerm.secretAccessKey()));
            try (StsClient sts = sts(johnKeys); Ec2Client ec2WithKeys = ec2(johnKeys)) {
                StsException noMfa = assertThrows(StsException.class, () -> sts.assumeRole(r -> r
                        .roleArn(enrolled.roleArn()).roleSessionName("nomfa")));
                assertEquals("AccessDenied", noMfa.awsErrorDetails().errorCode());

                clock.advance(Duration.ofSeconds(30));
                SessionCredentials role = assumer(sts, enrolled).build().assumeRoleCredentials();

                Path credentials = dir.resolve("credentials");
                CredentialsFileWriter.builder().file(credentials).build()
                        .writeProfile("johndoe-developer-role", role);
                AwsCredentialsProvider fromProfile = SourceCredentials.profile("johndoe-developer-role", credentials);
                try (Ec2Client ec2WithRole = ec2(fromProfile)) {
                    assertTrue(ec2WithRole.describeInstances().reservations().isEmpty());
                }
                Ec2Exception denied = assertThrows(Ec2Exception.class, ec2WithKeys::describeInstances);
                assertEquals("UnauthorizedOperation", denied.awsErrorDetails().errorCode());
            }
        }
    }

    @Test
    void assume_twiceInOneStep_waitsInsteadOfReplaying_andReplayIsRefusedByAws() {
        start(Partition.AWS);
        try (IamClient admin = iam(Region.AWS_GLOBAL)) {
            EnrollmentResult enrolled = enroll(admin, EnrollmentRequest.builder().userName("JohnDoe")
                    .roleName("developer-ec2-mfa").build());
            try (StsClient sts = stsWithNewKey(enrolled)) {
                clock.advance(AFTER_ENABLE);
                String code = key.calculate(dev.ykmfa.protocol.ykoath.CredentialId.of(null,
                        enrolled.credentialName(), dev.ykmfa.protocol.ykoath.OathType.TOTP, 30),
                        clock.instant()).value();
                sts.assumeRole(r -> r.roleArn(enrolled.roleArn()).roleSessionName("other-process")
                        .serialNumber(enrolled.mfaSerialNumber()).tokenCode(code));
                StsException replay = assertThrows(StsException.class, () -> sts.assumeRole(r -> r
                        .roleArn(enrolled.roleArn()).roleSessionName("replay")
                        .serialNumber(enrolled.mfaSerialNumber()).tokenCode(code)));
                assertTrue(MfaRequests.isInvalidMfaCode(replay), replay.getMessage());

                Duration before = clock.totalSlept();
                MfaRoleAssumer assumer = assumer(sts, enrolled).build();
                assumer.assumeRole();
                assumer.assumeRole();
                assertTrue(clock.totalSlept().compareTo(before.plusSeconds(30)) >= 0,
                        "each call used a later step than the consumed one: waited " + clock.totalSlept());
            }
        }
    }

    @Test
    void provider_andSessionTokenFirst_touchOnlyWhenNeeded() {
        start(Partition.AWS);
        AtomicInteger codes = new AtomicInteger();
        try (IamClient admin = iam(Region.AWS_GLOBAL)) {
            EnrollmentResult enrolled = enroll(admin, EnrollmentRequest.builder().userName("JohnDoe")
                    .roleName("developer-ec2-mfa").build());
            YubiKeyMfaCodeSource yubi = YubiKeyMfaCodeSource.builder().oathSession(key)
                    .interaction(UserInteraction.silent()).build();
            MfaCodeSource counting = (serial, time) -> {
                codes.incrementAndGet();
                return yubi.code(serial, time);
            };
            try (StsClient sts = stsWithNewKey(enrolled)) {
                clock.advance(AFTER_ENABLE);
                MfaRoleAssumer chained = assumer(sts, enrolled).codeSource(counting)
                        .sessionTokenFirst(Duration.ofHours(12)).build();
                chained.assumeRole();
                chained.assumeRole();
                chained.assumeRole();
                assertEquals(1, codes.get(), "GetSessionToken-first: one code for three role sessions");

                clock.advance(Duration.ofSeconds(30));
                try (MfaAssumeRoleCredentialsProvider provider = MfaAssumeRoleCredentialsProvider.builder()
                        .assumer(assumer(sts, enrolled).codeSource(counting).build()).build();
                     StsClient asRole = sts(provider)) {
                    String arn = asRole.getCallerIdentity().arn();
                    assertTrue(arn.contains(":assumed-role/developer-ec2-mfa/johndoe"), arn);
                    asRole.getCallerIdentity();
                    assertEquals(2, codes.get(), "the provider read one code for two calls");
                }
            }
        }
    }

    @Test
    void credentialProcessCache_secondCallNeitherTouchesTheKeyNorCallsSts() {
        start(Partition.AWS);
        try (IamClient admin = iam(Region.AWS_GLOBAL)) {
            EnrollmentResult enrolled = enroll(admin, EnrollmentRequest.builder().userName("JohnDoe")
                    .roleName("developer-ec2-mfa").build());
            AtomicInteger fetches = new AtomicInteger();
            try (StsClient sts = stsWithNewKey(enrolled)) {
                clock.advance(AFTER_ENABLE);
                MfaRoleAssumer assumer = assumer(sts, enrolled).build();
                CredentialProcessCache cache = CredentialProcessCache.builder().directory(dir.resolve("cache"))
                        .build();
                CredentialCacheKey cacheKey = CredentialCacheKey.builder().roleArn(enrolled.roleArn())
                        .serialNumber(enrolled.mfaSerialNumber()).roleSessionName("johndoe")
                        .scope(sim.endpoint().toString()).build();
                SessionCredentials first = cache.getOrFetch(cacheKey, () -> {
                    fetches.incrementAndGet();
                    return assumer.assumeRoleCredentials();
                });
                SessionCredentials second = cache.getOrFetch(cacheKey, () -> {
                    fetches.incrementAndGet();
                    return assumer.assumeRoleCredentials();
                });
                assertEquals(first, second);
                assertEquals(1, fetches.get());
            }
        }
    }

    @Test
    void enrollment_whenAwsRefusesAFutureCode_waitsForTheNextStepAndSendsPreviousAndCurrent() {
        start(Partition.AWS);
        AtomicInteger enableCalls = new AtomicInteger();
        try (IamClient admin = iam(Region.AWS_GLOBAL)) {
            IamClient refusingFirstEnable = (IamClient) Proxy.newProxyInstance(IamClient.class.getClassLoader(),
                    new Class<?>[] {IamClient.class}, (proxy, method, args) -> {
                        boolean consumerOverload = args != null && args.length == 1
                                && args[0] instanceof java.util.function.Consumer;
                        if (method.isDefault() && consumerOverload) {
                            // builds the request and calls back through the proxy
                            return InvocationHandler.invokeDefault(proxy, method, args);
                        }
                        if (method.getName().equals("enableMFADevice") && enableCalls.incrementAndGet() == 1) {
                            throw InvalidAuthenticationCodeException.builder().statusCode(403)
                                    .awsErrorDetails(AwsErrorDetails.builder().errorCode("InvalidAuthenticationCode")
                                            .errorMessage("Authentication code for device is not valid.").build())
                                    .build();
                        }
                        try {
                            return method.invoke(admin, args);
                        } catch (InvocationTargetException e) {
                            throw e.getCause();
                        }
                    });
            Instant start = clock.instant();
            EnrollmentResult enrolled = enroll(refusingFirstEnable, EnrollmentRequest.builder().userName("JohnDoe")
                    .roleName("developer-ec2-mfa").build());

            assertEquals(2, enableCalls.get());
            long step = start.getEpochSecond() / 30;
            assertEquals((step + 1) * 30, clock.instant().getEpochSecond(), "waited exactly for the next step");
            assertEquals(Outcome.CREATED, enrolled.outcomes().get("mfaEnabled"));
            assertEquals(1, admin.listMFADevices(r -> r.userName("JohnDoe")).mfaDevices().size(),
                    "aws-sim accepted the previous + current pair");
        }
    }

    @Test
    void enrollment_withTouch_promptsOnThePortForEachOfTheTwoCodes_neverOnStdout() {
        start(Partition.AWS);
        key.close();
        AtomicInteger touches = new AtomicInteger();
        simulatedKey = SimulatedYubiKey.builder().touchPolicy(() -> {
            touches.incrementAndGet();
            return true;
        }).build();
        key = OathSession.open(simulatedKey);
        java.util.List<String> notices = new java.util.ArrayList<>();
        UserInteraction recording = new UserInteraction() {
            @Override
            public void notice(String message) {
                notices.add(message);
            }

            @Override
            public java.util.Optional<char[]> promptSecret(String prompt) {
                return java.util.Optional.empty();
            }
        };
        java.io.PrintStream stdout = System.out;
        java.io.ByteArrayOutputStream captured = new java.io.ByteArrayOutputStream();
        System.setOut(new java.io.PrintStream(captured, true, java.nio.charset.StandardCharsets.UTF_8));
        try (IamClient admin = iam(Region.AWS_GLOBAL)) {
            EnrollmentResult enrolled = MfaEnrollment.builder().iamClient(admin).oathSession(key)
                    .interaction(recording).clock(clock).sleeper(clock.sleeper()).build()
                    .enroll(EnrollmentRequest.builder().userName("JohnDoe").roleName("developer-ec2-mfa")
                            .touch(true).build());
            assertEquals(Outcome.CREATED, enrolled.outcomes().get("mfaEnabled"));
        } finally {
            System.setOut(stdout);
        }
        assertEquals(2, touches.get());
        assertEquals(java.util.List.of("Touch your YubiKey… (code 1 of 2)", "Touch your YubiKey… (code 2 of 2)"),
                notices);
        assertEquals("", captured.toString(java.nio.charset.StandardCharsets.UTF_8), "nothing on stdout");
    }

    @Test
    void enrollment_replacesAnUnassignedDeviceLeftByAnInterruptedRun() {
        start(Partition.AWS);
        try (IamClient admin = iam(Region.AWS_GLOBAL)) {
            admin.createVirtualMFADevice(r -> r.virtualMFADeviceName("Carol"));
            EnrollmentResult enrolled = enroll(admin, EnrollmentRequest.builder().userName("Carol")
                    .roleName("carol-role").build());

            assertEquals(Outcome.UPDATED, enrolled.outcomes().get("mfaDevice"));
            assertEquals(Outcome.CREATED, enrolled.outcomes().get("mfaEnabled"));
            try (StsClient sts = stsWithNewKey(enrolled)) {
                clock.advance(AFTER_ENABLE);
                assertTrue(assumer(sts, enrolled).build().assumeRole().assumedRoleUser().arn().contains("carol-role"),
                        "the key holds the replacement device's seed");
            }
        }
    }

    @Test
    void enrollment_inChinaAndGovCloudPartitions_usesThePartitionsArns() {
        for (Partition partition : new Partition[] {Partition.AWS_CN, Partition.AWS_US_GOV}) {
            stop();
            start(partition);
            Region region = partition == Partition.AWS_CN ? Region.CN_NORTH_1 : Region.US_GOV_WEST_1;
            try (IamClient admin = iam(region)) {
                EnrollmentResult enrolled = enroll(admin, EnrollmentRequest.builder().userName("JohnDoe")
                        .roleName("developer-ec2-mfa").build());
                assertEquals("arn:" + partition.id() + ":iam::123456789012:mfa/JohnDoe", enrolled.mfaSerialNumber());
                assertEquals("arn:" + partition.id() + ":iam::123456789012:role/developer-ec2-mfa",
                        enrolled.roleArn());
                assertFalse(enrolled.outcomes().containsValue(Outcome.SKIPPED));
            }
        }
    }
}
