package dev.ykmfa.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.ykmfa.aws.EnrollmentResult.Outcome;
import dev.ykmfa.aws.files.CredentialsFileWriter;
import dev.ykmfa.aws.process.CredentialCacheKey;
import dev.ykmfa.aws.process.CredentialProcessCache;
import dev.ykmfa.aws.process.CredentialProcessJson;
import dev.ykmfa.aws.process.SessionCredentials;
import dev.ykmfa.protocol.ykoath.OathSession;
import dev.ykmfa.sim.SimulatedYubiKey;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.profiles.Profile;
import software.amazon.awssdk.profiles.ProfileFile;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.NoSuchEntityException;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.AssumeRoleResponse;

/**
 * Tests share one moto server: each uses its own user, role, policy and group names.
 *
 * <p>The whole blog — enroll, assume with MFA, write the profile, credential_process — against moto's IAM/STS server, a
 * third-party implementation (it checks no MFA codes and lacks AWS-managed policies, so an equivalent customer policy
 * stands in for AmazonEC2FullAccess), with the simulated YubiKey holding the seed.
 */
class MotoFlowIT {
    private static MotoServer moto;
    private static IamClient adminIam;

    @TempDir
    Path dir;

    @BeforeAll
    static void startMoto() throws Exception {
        if (!MotoServer.available()) {
            return; // each test is then skipped with the reason (see requireMoto)
        }
        moto = MotoServer.start();
        adminIam = IamClient.builder().endpointOverride(moto.endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create("AKIAIOSFODNN7EXAMPLE", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY")))
                .build();
    }

    // A per-test assumption (not @BeforeAll) so the skip is reported as a skipped test with its reason.
    @BeforeEach
    void requireMoto() {
        assumeTrue(moto != null, "python3 with moto is not installed (pip install 'moto[server]'): "
                + "skipping the moto suite");
    }

    @AfterAll
    static void stopMoto() throws Exception {
        if (adminIam != null) {
            adminIam.close();
        }
        if (moto != null) {
            moto.close();
        }
    }

    private StsClient sts(SessionCredentials longTerm) {
        return StsClient.builder().endpointOverride(moto.endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(longTerm.accessKeyId(), longTerm.secretAccessKey())))
                .build();
    }

    @Test
    void enrollAssumeProfileAndCredentialProcess_againstMoto() {
        String ec2Policy = ec2PolicyArn();
        EnrollmentRequest request = EnrollmentRequest.builder().userName("JohnDoe").roleName("developer-ec2-mfa")
                .rolePolicyArn(ec2Policy).build();
        try (SimulatedYubiKey simulated = SimulatedYubiKey.create(); OathSession key = OathSession.open(simulated)) {
            MfaEnrollment enrollment = MfaEnrollment.builder().iamClient(adminIam).oathSession(key)
                    .interaction(UserInteraction.silent()).build();

            EnrollmentResult first = enrollment.enroll(request);

            assertEquals("arn:aws:iam::123456789012:mfa/JohnDoe", first.mfaSerialNumber());
            assertEquals("arn:aws:iam::123456789012:role/developer-ec2-mfa", first.roleArn());
            assertTrue(first.outcomes().values().stream().allMatch(o -> o == Outcome.CREATED), first.toString());
            assertEquals(2, first.codesUsed().size());
            SessionCredentials accessKey = first.newAccessKey().orElseThrow();
            assertFalse(first.toString().contains(accessKey.secretAccessKey()), "secret kept out of toString");

            EnrollmentResult second = enrollment.enroll(request);

            assertTrue(second.newAccessKey().isEmpty(), "no second key pair on a re-run");
            assertEquals(java.util.List.of(accessKey.accessKeyId()), second.existingAccessKeyIds());
            assertTrue(second.outcomes().values().stream().allMatch(o -> o == Outcome.REUSED), second.toString());
            assertEquals(1, adminIam.listAccessKeys(r -> r.userName("JohnDoe")).accessKeyMetadata().size());
            assertEquals(1, adminIam.listMFADevices(r -> r.userName("JohnDoe")).mfaDevices().size());

            MutableClock clock = new MutableClock(java.time.Instant.now());
            try (StsClient sts = sts(accessKey)) {
                AtomicInteger stsCalls = new AtomicInteger();
                MfaRoleAssumer assumer = MfaRoleAssumer.builder().stsClient(sts)
                        .codeSource(YubiKeyMfaCodeSource.builder().oathSession(key)
                                .interaction(UserInteraction.silent()).build())
                        .roleArn(first.roleArn()).serialNumber(first.mfaSerialNumber())
                        .roleSessionName("johndoe")
                        // moto checks no codes: a virtual clock spares the real wait for the next step between the
                        // two AssumeRole calls (the never-resend rule itself is unit-tested in MfaRoleAssumerTest)
                        .clock(clock).sleeper(clock.sleeper()).build();

                AssumeRoleResponse assumed = assumer.assumeRole();
                assertTrue(assumed.assumedRoleUser().arn().contains("developer-ec2-mfa/johndoe"));

                SessionCredentials session = MfaRequests.toSessionCredentials(assumed.credentials());
                Path credentials = dir.resolve("credentials");
                CredentialsFileWriter.builder().file(credentials).build()
                        .writeProfile("johndoe-developer-role", session);
                Profile profile = ProfileFile.builder().content(credentials).type(ProfileFile.Type.CREDENTIALS)
                        .build().profile("johndoe-developer-role").orElseThrow();
                assertEquals(session.accessKeyId(), profile.property("aws_access_key_id").orElseThrow());
                assertEquals(session.sessionToken().orElseThrow(),
                        profile.property("aws_session_token").orElseThrow());

                CredentialProcessCache cache = CredentialProcessCache.builder().directory(dir.resolve("cache"))
                        .build();
                CredentialCacheKey cacheKey = CredentialCacheKey.builder().roleArn(first.roleArn())
                        .serialNumber(first.mfaSerialNumber()).roleSessionName("johndoe")
                        .scope(moto.endpoint().toString()).build();
                String json1 = CredentialProcessJson.format(cache.getOrFetch(cacheKey, () -> {
                    stsCalls.incrementAndGet();
                    return assumer.assumeRoleCredentials();
                }));
                String json2 = CredentialProcessJson.format(cache.getOrFetch(cacheKey, () -> {
                    stsCalls.incrementAndGet();
                    return assumer.assumeRoleCredentials();
                }));
                assertEquals(json1, json2);
                assertEquals(1, stsCalls.get(), "second credential_process call is a cache hit");
            }
        }
    }

    @Test
    void enroll_whenThePolicyExistsForAnotherRole_reportsTheConflict() {
        adminIam.createPolicy(r -> r.policyName("taken-policy").policyDocument("{\"Version\":\"2012-10-17\","
                + "\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"sts:AssumeRole\",\"Resource\":"
                + "\"arn:aws:iam::123456789012:role/someone-else\"}]}"));
        EnrollmentRequest request = EnrollmentRequest.builder().userName("Alice").roleName("alice-role")
                .policyName("taken-policy").groupName("alice-group").rolePolicyArn(ec2PolicyArn()).build();
        try (SimulatedYubiKey simulated = SimulatedYubiKey.create(); OathSession key = OathSession.open(simulated)) {
            AwsFlowException e = assertThrows(AwsFlowException.class, () -> MfaEnrollment.builder()
                    .iamClient(adminIam).oathSession(key).interaction(UserInteraction.silent()).build()
                    .enroll(request));
            assertTrue(e.getMessage().contains("taken-policy") && e.getMessage().contains("another policy name"),
                    e.getMessage());
        }
    }

    @Test
    void enroll_whenTheDeviceIsEnabledButThisKeyLacksTheSeed_reportsWhatToDo() {
        EnrollmentRequest request = EnrollmentRequest.builder().userName("Bob").roleName("bob-role")
                .policyName("bob-policy").groupName("bob-group").rolePolicyArn(ec2PolicyArn()).build();
        try (SimulatedYubiKey first = SimulatedYubiKey.create(); OathSession key = OathSession.open(first)) {
            MfaEnrollment.builder().iamClient(adminIam).oathSession(key).interaction(UserInteraction.silent())
                    .build().enroll(request);
        }
        try (SimulatedYubiKey other = SimulatedYubiKey.create(); OathSession key = OathSession.open(other)) {
            AwsFlowException e = assertThrows(AwsFlowException.class, () -> MfaEnrollment.builder()
                    .iamClient(adminIam).oathSession(key).interaction(UserInteraction.silent()).build()
                    .enroll(request));
            assertTrue(e.getMessage().contains("deactivate"), e.getMessage());
        }
        assertEquals(1, adminIam.listAccessKeys(r -> r.userName("Bob")).accessKeyMetadata().size());
    }

    private static synchronized String ec2PolicyArn() {
        String name = "ec2-full-access-equivalent";
        return adminIam.listPolicies(r -> r.scope("Local")).policies().stream()
                .filter(p -> p.policyName().equals(name)).findFirst()
                .map(p -> p.arn())
                .orElseGet(() -> adminIam.createPolicy(r -> r.policyName(name).policyDocument(
                        "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":"
                                + "\"ec2:*\",\"Resource\":\"*\"}]}")).policy().arn());
    }

    @Test
    void enroll_withAnArnTooLongForTheKey_failsBeforeTouchingAws() {
        String longPath = "/" + "department".repeat(3) + "/";
        EnrollmentRequest request = EnrollmentRequest.builder().userName("LongUserName").roleName("r")
                .path(longPath).build();
        try (SimulatedYubiKey simulated = SimulatedYubiKey.create(); OathSession key = OathSession.open(simulated)) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> MfaEnrollment.builder()
                    .iamClient(adminIam).oathSession(key).interaction(UserInteraction.silent()).build()
                    .enroll(request));

            assertTrue(e.getMessage().contains("64"), e.getMessage());
            assertTrue(e.getMessage().contains("credential-name"), e.getMessage());
            assertThrows(NoSuchEntityException.class, () -> adminIam.getUser(r -> r.userName("LongUserName")));
        }
    }
}
