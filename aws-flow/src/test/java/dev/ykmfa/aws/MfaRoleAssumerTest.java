package dev.ykmfa.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sts.model.AssumeRoleRequest;

class MfaRoleAssumerTest {
    private static final String ROLE = "arn:aws:iam::123456789012:role/developer-ec2-mfa";
    private static final String MFA = "arn:aws:iam::123456789012:mfa/JohnDoe";

    private final MutableClock clock = new MutableClock(Instant.ofEpochSecond(Instant.now().getEpochSecond() / 30 * 30 + 10));
    private final TotpCodes codes = new TotpCodes();
    private final FakeSts sts = new FakeSts(clock, code -> codes.isValidNow(code, clock.instant()));

    private MfaRoleAssumer.Builder assumer() {
        return MfaRoleAssumer.builder().stsClient(sts).codeSource(codes).roleArn(ROLE).serialNumber(MFA)
                .roleSessionName("johndoe").clock(clock).sleeper(clock.sleeper());
    }

    @Test
    void assumeRole_sendsSerialTokenAndDuration_withRetriesOff() {
        assumer().duration(Duration.ofMinutes(30)).build().assumeRole();

        AssumeRoleRequest sent = sts.assumeRoleRequests.get(0);
        assertEquals(MFA, sent.serialNumber());
        assertEquals(codes.totp.generateString(clock.instant()), sent.tokenCode());
        assertEquals(1800, sent.durationSeconds());
        assertEquals("johndoe", sent.roleSessionName());
        assertTrue(sent.overrideConfiguration().orElseThrow().plugins().contains(MfaRequests.NO_RETRY),
                "MFA requests must carry the no-retry plugin");
    }

    @Test
    void assumeRole_twiceInOneStep_waitsForTheNextStepInsteadOfResendingTheCode() {
        MfaRoleAssumer assumer = assumer().build();
        assumer.assumeRole();
        assumer.assumeRole();

        assertEquals(2, sts.assumeRoleRequests.size());
        assertNotEquals(sts.assumeRoleRequests.get(0).tokenCode(), sts.assumeRoleRequests.get(1).tokenCode());
        assertEquals(Duration.ofSeconds(20), clock.totalSlept(), "waits exactly until the next 30 s step");
    }

    @Test
    void assumeRole_whenCodeWasConsumedElsewhere_retriesOnceWithTheNextStepsCode() {
        sts.consume(codes.totp.generateString(clock.instant()));

        MfaRoleAssumer assumer = assumer().build();
        assumer.assumeRole();

        assertEquals(2, sts.assumeRoleRequests.size());
        assertEquals(Duration.ofSeconds(20), clock.totalSlept());
        assertEquals(codes.totp.generateString(clock.instant()), sts.assumeRoleRequests.get(1).tokenCode());
    }

    @Test
    void assumeRole_whenEveryCodeIsRefused_failsWithTheFixAfterMaxAttempts() {
        FakeSts refusing = new FakeSts(clock, code -> false);
        MfaRoleAssumer assumer = MfaRoleAssumer.builder().stsClient(refusing).codeSource(codes).roleArn(ROLE)
                .serialNumber(MFA).clock(clock).sleeper(clock.sleeper()).maxAttempts(3).build();

        AwsFlowException e = assertThrows(AwsFlowException.class, assumer::assumeRole);

        assertEquals(3, refusing.assumeRoleRequests.size());
        assertEquals("AccessDenied", e.errorCode().orElseThrow());
        assertTrue(e.getMessage().contains("programmed from that device's seed"), e.getMessage());
        assertEquals(3, refusing.assumeRoleRequests.stream().map(AssumeRoleRequest::tokenCode).distinct().count(),
                "no code is sent twice");
    }

    @Test
    void sessionTokenFirst_oneCodeBuysSession_thenAssumesWithoutCodes() {
        MfaRoleAssumer assumer = assumer().sessionTokenFirst(Duration.ofHours(12)).build();
        assumer.assumeRole();
        clock.advance(Duration.ofMinutes(10));
        assumer.assumeRole();
        assumer.assumeRole();

        assertEquals(1, sts.sessionTokenRequests.size());
        assertEquals(1, codes.reads.size(), "only one code read (one touch)");
        assertEquals(3, sts.assumeRoleRequests.size());
        for (AssumeRoleRequest r : sts.assumeRoleRequests) {
            assertNull(r.tokenCode());
            assertTrue(r.overrideConfiguration().orElseThrow().credentialsProvider().isPresent());
        }
    }

    @Test
    void sessionTokenFirst_renewsTheSessionWhenItEnds() {
        MfaRoleAssumer assumer = assumer().sessionTokenFirst(Duration.ofHours(1)).build();
        assumer.assumeRole();
        clock.advance(Duration.ofMinutes(58));
        assumer.assumeRole();

        assertEquals(2, sts.sessionTokenRequests.size());
    }

    @Test
    void sessionTokenFirst_refusesRoleDurationsAboveTheChainingCap() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> assumer().duration(Duration.ofHours(2)).sessionTokenFirst(Duration.ofHours(12)).build());
        assertTrue(e.getMessage().contains("1 hour"), e.getMessage());
    }

    @Test
    void builder_refusesDurationsOutsideStsLimits() {
        assertThrows(IllegalArgumentException.class, () -> assumer().duration(Duration.ofSeconds(899)));
        assertThrows(IllegalArgumentException.class, () -> assumer().duration(Duration.ofHours(13)));
    }

    @Test
    void provider_refreshesOnlyWhenDue_andUsesOneCodePerRefresh() {
        MfaRoleAssumer assumer = assumer().build();
        try (MfaAssumeRoleCredentialsProvider provider = MfaAssumeRoleCredentialsProvider.builder()
                .assumer(assumer).build()) {
            String first = provider.resolveCredentials().accessKeyId();
            String second = provider.resolveCredentials().accessKeyId();

            assertEquals(first, second, "cached credentials are reused");
            assertEquals(1, codes.reads.size(), "no second touch while the credentials are good");
            assertTrue(provider.toString().contains(ROLE));
        }
    }

    @Test
    void provider_whenCodeWasConsumed_resolvesWithTheNextStepsCode() {
        sts.consume(codes.totp.generateString(clock.instant()));
        try (MfaAssumeRoleCredentialsProvider provider = MfaAssumeRoleCredentialsProvider.builder()
                .assumer(assumer().build()).build()) {
            provider.resolveCredentials();
        }
        assertEquals(2, sts.assumeRoleRequests.size());
        assertNotEquals(sts.assumeRoleRequests.get(0).tokenCode(), sts.assumeRoleRequests.get(1).tokenCode());
    }
}
