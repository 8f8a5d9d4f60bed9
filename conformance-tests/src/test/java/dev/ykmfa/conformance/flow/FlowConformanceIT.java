package dev.ykmfa.conformance.flow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ykmfa.aws.AwsFlowException;
import dev.ykmfa.aws.EnrollmentRequest;
import dev.ykmfa.aws.EnrollmentResult.Outcome;
import dev.ykmfa.aws.MfaAssumeRoleCredentialsProvider;
import dev.ykmfa.aws.MfaRoleAssumer;
import dev.ykmfa.aws.MfaRequests;
import dev.ykmfa.aws.files.CredentialsFileWriter;
import dev.ykmfa.aws.process.SessionCredentials;
import dev.ykmfa.conformance.Needs;
import dev.ykmfa.conformance.Suite;
import dev.ykmfa.conformance.backend.BackendUnderTest;
import dev.ykmfa.conformance.backend.Capability;
import dev.ykmfa.conformance.flow.FlowDriver.Enrolled;
import dev.ykmfa.protocol.ykoath.Credential;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.profiles.ProfileFile;
import software.amazon.awssdk.services.iam.model.IamException;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.AssumeRoleResponse;
import software.amazon.awssdk.services.sts.model.GetCallerIdentityResponse;
import software.amazon.awssdk.services.sts.model.StsException;

/**
 * The blog end to end against the backend under test with the key under test: enrollment (role, policy, group,
 * user, access key, virtual MFA device programmed into the key, two codes), assume with MFA, use the session — and
 * the refusals the backend can enforce (skipped with the reason where it cannot).
 */
@Needs(backend = true)
class FlowConformanceIT {
    private static final String ACCOUNT = "\\d{12}";
    private static final String ACCESS_KEY = "AKIA[A-Z0-9]{16}";
    private static final String SESSION_KEY = "ASIA[A-Z0-9]{16}";
    private static final int SECRET_LENGTH = 40;
    private static final Duration EXPIRY_TOLERANCE = Duration.ofMinutes(5);

    @TempDir
    Path dir;

    private FlowDriver driver() {
        return new FlowDriver(Suite.key(), Suite.backend());
    }

    @Test
    void enroll_createsEveryEntityAndProgramsTheKey_andReRunningReusesThem() {
        try (FlowDriver d = driver()) {
            BackendUnderTest b = d.backend();
            EnrollmentRequest request = d.request("JohnDoe").build();
            Enrolled e = d.enroll(request);
            String p = b.partition();

            assertTrue(e.result().userArn().matches("arn:" + p + ":iam::" + ACCOUNT + ":user/" + request.userName()),
                    e.result().userArn());
            assertTrue(e.result().roleArn().matches("arn:" + p + ":iam::" + ACCOUNT + ":role/" + request.roleName()),
                    e.result().roleArn());
            assertTrue(e.result().policyArn().matches("arn:" + p + ":iam::" + ACCOUNT + ":policy/"
                    + request.policyName()), e.result().policyArn());
            assertTrue(e.result().mfaSerialNumber().matches("arn:" + p + ":iam::" + ACCOUNT + ":mfa/"
                    + request.userName()), e.result().mfaSerialNumber());
            assertTrue(e.result().outcomes().values().stream().allMatch(o -> o == Outcome.CREATED),
                    e.result().outcomes().toString());
            assertEquals(2, e.result().codesUsed().size());
            assertTrue(e.result().codesUsed().stream().allMatch(c -> c.matches("\\d{6}")));
            assertNotNull(e.userKey(), "a new user gets an access key");
            assertTrue(e.userKey().accessKeyId().matches(ACCESS_KEY), e.userKey().accessKeyId());
            assertEquals(SECRET_LENGTH, e.userKey().secretAccessKey().length());
            assertFalse(e.result().toString().contains(e.userKey().secretAccessKey()), "secret kept out of toString");

            byte[] credential = d.credentialId(e).toBytes();
            assertTrue(d.session().list().stream().map(Credential::id).anyMatch(id -> Arrays.equals(id.toBytes(),
                    credential)), "the key holds the device's seed under " + e.result().credentialName());
            assertTrue(d.admin().listMFADevices(r -> r.userName(request.userName())).mfaDevices().stream()
                    .anyMatch(m -> m.serialNumber().equals(e.result().mfaSerialNumber())), "device enabled for user");

            Enrolled again = d.enroll(request);
            assertTrue(again.result().outcomes().values().stream().allMatch(o -> o == Outcome.REUSED),
                    again.result().outcomes().toString());
            assertTrue(again.result().newAccessKey().isEmpty(), "no second key pair on a re-run");
            assertEquals(1, d.admin().listAccessKeys(r -> r.userName(request.userName())).accessKeyMetadata().size());
        }
    }

    @Test
    void assumeRoleWithMfa_givesASessionThatWorksDirectlyThroughAProfileAndThroughTheProvider() throws Exception {
        try (FlowDriver d = driver()) {
            Enrolled e = d.enroll(d.request("Alice").build());
            MfaRoleAssumer assumer = d.assumer(e, b -> b.roleSessionName("alice-dev"));
            Instant before = d.backend().clock().instant();

            AssumeRoleResponse assumed = assumer.assumeRole();

            String roleName = e.request().roleName();
            String p = d.backend().partition();
            assertTrue(assumed.assumedRoleUser().arn().matches("arn:" + p + ":sts::" + ACCOUNT + ":assumed-role/"
                    + roleName + "/alice-dev"), assumed.assumedRoleUser().arn());
            assertTrue(assumed.assumedRoleUser().assumedRoleId().matches("AROA[A-Z0-9]+:alice-dev"),
                    assumed.assumedRoleUser().assumedRoleId());
            assertTrue(assumed.credentials().accessKeyId().matches(SESSION_KEY), assumed.credentials().accessKeyId());
            assertEquals(SECRET_LENGTH, assumed.credentials().secretAccessKey().length());
            assertFalse(assumed.credentials().sessionToken().isEmpty());
            Duration lifetime = Duration.between(before, assumed.credentials().expiration());
            assertTrue(lifetime.minus(Duration.ofHours(1)).abs().compareTo(EXPIRY_TOLERANCE) < 0,
                    "default session lasts 1 h, got " + lifetime);

            SessionCredentials session = MfaRequests.toSessionCredentials(assumed.credentials());
            GetCallerIdentityResponse me = d.sts(FlowDriver.provider(session)).getCallerIdentity();
            assertEquals(assumed.assumedRoleUser().arn(), me.arn());
            assertEquals(assumed.assumedRoleUser().assumedRoleId(), me.userId());

            Path credentials = dir.resolve("credentials");
            CredentialsFileWriter.builder().file(credentials).build().writeProfile("alice-developer-role", session);
            ProfileFile profiles = ProfileFile.builder().content(credentials).type(ProfileFile.Type.CREDENTIALS).build();
            try (StsClient viaProfile = d.backend().sts(ProfileCredentialsProvider.builder().profileFile(profiles)
                    .profileName("alice-developer-role").build())) {
                assertEquals(me.arn(), viaProfile.getCallerIdentity().arn(), "the written profile works");
            }

            if (d.backend().has(Capability.CONTROLLABLE_CLOCK)) {
                d.backend().advance(FlowDriver.STEP);   // the first code's step is spent: a person waits for the next
            }
            try (MfaAssumeRoleCredentialsProvider provider = MfaAssumeRoleCredentialsProvider.builder()
                    .assumer(d.assumer(e, b -> b.roleSessionName("alice-provider"))).build();
                 StsClient viaProvider = d.backend().sts(provider)) {
                assertTrue(viaProvider.getCallerIdentity().arn().endsWith(":assumed-role/" + roleName
                        + "/alice-provider"), "the credentials provider assumes the role with a fresh code");
            }
        }
    }

    @Test
    @Needs(capabilities = Capability.ENFORCES_MFA_CODES)
    void assumeRole_withAWrongCode_isRefused() {
        try (FlowDriver d = driver()) {
            Enrolled e = d.enroll(d.request("Wrong").build());
            Instant now = d.backend().clock().instant();
            Set<String> valid = new HashSet<>();
            for (int i = -10; i <= 10; i++) {
                valid.add(d.code(e, now.plus(FlowDriver.STEP.multipliedBy(i))));
            }
            String wrong = "000000";
            for (int i = 0; valid.contains(wrong); i++) {
                wrong = String.format("%06d", (i * 7919 + 13) % 1_000_000);
            }
            String code = wrong;
            StsException ex = assertThrows(StsException.class, () -> d.sts(e.userCredentials()).assumeRole(r -> r
                    .roleArn(e.result().roleArn()).roleSessionName("wrong").serialNumber(e.result().mfaSerialNumber())
                    .tokenCode(code)));
            assertEquals("AccessDenied", ex.awsErrorDetails().errorCode());
            assertTrue(ex.awsErrorDetails().errorMessage().contains("invalid MFA one time pass code"),
                    ex.awsErrorDetails().errorMessage());
        }
    }

    @Test
    @Needs(capabilities = Capability.REJECTS_REPLAYED_CODES)
    void assumeRole_withACodeAlreadyUsed_isRefused() {
        try (FlowDriver d = driver()) {
            Enrolled e = d.enroll(d.request("Replay").build());
            StsClient sts = d.sts(e.userCredentials());
            if (!d.backend().has(Capability.CONTROLLABLE_CLOCK)) {
                waitForNextStep(d);
            }
            String code = d.code(e, d.backend().clock().instant());
            sts.assumeRole(r -> r.roleArn(e.result().roleArn()).roleSessionName("first")
                    .serialNumber(e.result().mfaSerialNumber()).tokenCode(code)
                    .overrideConfiguration(MfaRequests.noRetryOverride()));
            StsException ex = assertThrows(StsException.class, () -> sts.assumeRole(r -> r
                    .roleArn(e.result().roleArn()).roleSessionName("second")
                    .serialNumber(e.result().mfaSerialNumber()).tokenCode(code)
                    .overrideConfiguration(MfaRequests.noRetryOverride())));
            assertEquals("AccessDenied", ex.awsErrorDetails().errorCode());
            assertTrue(ex.awsErrorDetails().errorMessage().contains("invalid MFA one time pass code"),
                    ex.awsErrorDetails().errorMessage());
        }
    }

    private static void waitForNextStep(FlowDriver d) {
        Instant now = d.backend().clock().instant();
        long next = (Math.floorDiv(now.getEpochSecond(), FlowDriver.STEP.getSeconds()) + 1) * FlowDriver.STEP
                .getSeconds();
        try {
            d.backend().sleeper().sleep(Duration.between(now, Instant.ofEpochSecond(next)).plusMillis(200));
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(ex);
        }
    }

    @Test
    @Needs(capabilities = Capability.ENFORCES_POLICIES)
    void assumeRole_withoutMfa_isRefusedByTheMfaCondition() {
        try (FlowDriver d = driver()) {
            Enrolled e = d.enroll(d.request("NoMfa").build());
            StsException ex = assertThrows(StsException.class, () -> d.sts(e.userCredentials()).assumeRole(r -> r
                    .roleArn(e.result().roleArn()).roleSessionName("nomfa")));
            assertEquals("AccessDenied", ex.awsErrorDetails().errorCode());
            assertTrue(ex.awsErrorDetails().errorMessage().startsWith("User: " + e.result().userArn()
                    + " is not authorized to perform: sts:AssumeRole"), ex.awsErrorDetails().errorMessage());
        }
    }

    @Test
    @Needs(capabilities = Capability.ENFORCES_SESSION_DURATION)
    void assumeRole_forLongerThanTheRolesMaxSessionDuration_isRefused() {
        try (FlowDriver d = driver()) {
            Enrolled e = d.enroll(d.request("TooLong").build());
            MfaRoleAssumer assumer = d.assumer(e, b -> b.duration(Duration.ofHours(2)));
            AwsFlowException ex = assertThrows(AwsFlowException.class, assumer::assumeRole);
            assertEquals("ValidationError", ex.errorCode().orElse(null));
            assertTrue(ex.getMessage().contains("exceeds the MaxSessionDuration"), ex.getMessage());
        }
    }

    @Test
    @Needs(capabilities = {Capability.EXPIRES_SESSIONS, Capability.CONTROLLABLE_CLOCK})
    void session_afterItsExpiration_isRefused() {
        try (FlowDriver d = driver()) {
            Enrolled e = d.enroll(d.request("Expiry").build());
            SessionCredentials s = d.assumer(e, b -> b.duration(Duration.ofMinutes(15))).assumeRoleCredentials();
            StsClient asRole = d.sts(FlowDriver.provider(s));
            asRole.getCallerIdentity();
            d.backend().advance(Duration.ofMinutes(15).plusSeconds(1));
            StsException ex = assertThrows(StsException.class, asRole::getCallerIdentity);
            assertEquals("ExpiredToken", ex.awsErrorDetails().errorCode());
        }
    }

    @Test
    @Needs(capabilities = Capability.VALIDATES_ENABLE_CODES)
    void enableMfaDevice_withCodesThatAreNotTheDevicesCodes_isRefused() {
        try (FlowDriver d = driver()) {
            String user = d.backend().unique("BadEnable");
            d.admin().createUser(r -> r.userName(user));
            String serial = d.admin().createVirtualMFADevice(r -> r.virtualMFADeviceName(user)).virtualMFADevice()
                    .serialNumber();
            try {
                IamException ex = assertThrows(IamException.class, () -> d.admin().enableMFADevice(r -> r
                        .userName(user).serialNumber(serial).authenticationCode1("123456")
                        .authenticationCode2("654321")));
                assertEquals("InvalidAuthenticationCode", ex.awsErrorDetails().errorCode());
                assertEquals(403, ex.statusCode());
            } finally {
                d.admin().deleteVirtualMFADevice(r -> r.serialNumber(serial));
                d.admin().deleteUser(r -> r.userName(user));
            }
        }
    }

    @Test
    @Needs(capabilities = Capability.VALIDATES_SIGV4)
    void deletedAccessKey_isRefused() {
        try (FlowDriver d = driver()) {
            Enrolled e = d.enroll(d.request("Deleted").build());
            StsClient sts = d.sts(e.userCredentials());
            sts.getCallerIdentity();
            d.admin().deleteAccessKey(r -> r.userName(e.request().userName()).accessKeyId(e.userKey().accessKeyId()));
            StsException ex = assertThrows(StsException.class, sts::getCallerIdentity);
            assertEquals("InvalidClientTokenId", ex.awsErrorDetails().errorCode());
        }
    }
}
