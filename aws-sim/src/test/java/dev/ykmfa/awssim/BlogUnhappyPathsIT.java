package dev.ykmfa.awssim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ykmfa.protocol.otp.Totp;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.ec2.model.Ec2Exception;
import software.amazon.awssdk.services.iam.model.InvalidAuthenticationCodeException;
import software.amazon.awssdk.services.iam.model.NoSuchEntityException;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.AssumeRoleResponse;
import software.amazon.awssdk.services.sts.model.Credentials;
import software.amazon.awssdk.services.sts.model.StsException;

/** The blog's unhappy paths: each asserts exception type, AWS error code, exact message and HTTP status. */
class BlogUnhappyPathsIT extends FreshSimulator {
    private static final String NOT_AUTHORIZED = "User: arn:aws:iam::123456789012:user/JohnDoe is not authorized to"
            + " perform: sts:AssumeRole on resource: arn:aws:iam::123456789012:role/developer-ec2-mfa";

    private BlogFlow blog;

    @BeforeEach
    void start() {
        blog = new BlogFlow(sim, clock).setUp();
    }

    private static <T extends AwsServiceException> T refused(Class<T> type, String code, String message, int status,
                                                            Executable call) {
        T e = assertThrows(type, call);
        assertEquals(code, e.awsErrorDetails().errorCode());
        assertEquals(message, e.awsErrorDetails().errorMessage());
        assertEquals(status, e.statusCode());
        return e;
    }

    @Test
    void assumeRole_withWrongCode_isAccessDeniedInvalidCode() {
        String good = blog.nextCode();
        String wrong = String.format("%06d", (Integer.parseInt(good) + 1) % 1_000_000);
        refused(StsException.class, "AccessDenied",
                "MultiFactorAuthentication failed with invalid MFA one time pass code.", 403,
                () -> blog.assumeWithMfa(wrong));
    }

    @Test
    void assumeRole_withReusedCode_isRefusedLikeAWrongCode() {
        String code = blog.nextCode();
        blog.assumeWithMfa(code);
        refused(StsException.class, "AccessDenied",
                "MultiFactorAuthentication failed with invalid MFA one time pass code.", 403,
                () -> blog.assumeWithMfa(code));
    }

    @Test
    void assumeRole_withOlderStepAfterNewerAccepted_isRefused() {
        String older = blog.nextCode();
        clock.advance(Duration.ofSeconds(30));
        blog.assumeWithMfa(blog.totp.generateString(clock.instant()));
        refused(StsException.class, "AccessDenied",
                "MultiFactorAuthentication failed with invalid MFA one time pass code.", 403,
                () -> blog.assumeWithMfa(older));
    }

    @Test
    void assumeRole_withCodeOutsideWindow_isRefused() {
        String old = blog.nextCode();
        clock.advance(Duration.ofSeconds(90));
        refused(StsException.class, "AccessDenied",
                "MultiFactorAuthentication failed with invalid MFA one time pass code.", 403,
                () -> blog.assumeWithMfa(old));
    }

    @Test
    void assumeRole_withAnotherUsersDevice_isUnableToValidate() {
        Seeder.SeededUser jane = sim.seeder().userWithVirtualMfa("JaneRoe", null);
        String janeCode = Totp.builder(jane.seed()).build().generateString(clock.instant());
        refused(StsException.class, "AccessDenied", "MultiFactorAuthentication failed, unable to validate MFA code."
                        + "  Please verify your MFA serial number is valid and associated with this user.", 403,
                () -> blog.johnSts().assumeRole(b -> b.roleArn(BlogFlow.ROLE_ARN).roleSessionName("s1")
                        .serialNumber(jane.serialNumber()).tokenCode(janeCode)));
    }

    @Test
    void assumeRole_withUserArnAsSerial_isUnableToValidate() {
        String code = blog.nextCode();
        refused(StsException.class, "AccessDenied", "MultiFactorAuthentication failed, unable to validate MFA code."
                        + "  Please verify your MFA serial number is valid and associated with this user.", 403,
                () -> blog.johnSts().assumeRole(b -> b.roleArn(BlogFlow.ROLE_ARN).roleSessionName("s1")
                        .serialNumber("arn:aws:iam::123456789012:user/JohnDoe").tokenCode(code)));
    }

    @Test
    void assumeRole_withoutMfa_isNotAuthorized() {
        refused(StsException.class, "AccessDenied", NOT_AUTHORIZED, 403,
                () -> blog.johnSts().assumeRole(b -> b.roleArn(BlogFlow.ROLE_ARN).roleSessionName("s1")));
    }

    @Test
    void assumeRole_withSerialButNoCode_mustProvideBoth() {
        refused(StsException.class, "AccessDenied",
                "MultiFactorAuthentication failed, must provide both MFA serial number and one time pass code.", 403,
                () -> blog.johnSts().assumeRole(b -> b.roleArn(BlogFlow.ROLE_ARN).roleSessionName("s1")
                        .serialNumber(BlogFlow.SERIAL)));
    }

    @Test
    void assumeRole_durationAboveRoleMax_isValidationError() {
        String code = blog.nextCode();
        refused(StsException.class, "ValidationError",
                "The requested DurationSeconds exceeds the MaxSessionDuration set for this role.", 400,
                () -> blog.johnSts().assumeRole(b -> b.roleArn(BlogFlow.ROLE_ARN).roleSessionName("s1")
                        .serialNumber(BlogFlow.SERIAL).tokenCode(code).durationSeconds(7200)));
    }

    @Test
    void assumeRole_sessionNameTooLongAndBadChars_usesAwsValidationTemplate() {
        String name = "x".repeat(65);
        refused(StsException.class, "ValidationError", "1 validation error detected: Value '" + name
                        + "' at 'roleSessionName' failed to satisfy constraint: Member must have length less than or"
                        + " equal to 64", 400,
                () -> blog.johnSts().assumeRole(b -> b.roleArn(BlogFlow.ROLE_ARN).roleSessionName(name)));
        refused(StsException.class, "ValidationError", "2 validation errors detected: Value 'abc' at 'tokenCode'"
                        + " failed to satisfy constraint: Member must have length greater than or equal to 6; Value"
                        + " 'abc' at 'tokenCode' failed to satisfy constraint: Member must satisfy regular expression"
                        + " pattern: [\\d]*", 400,
                () -> blog.johnSts().assumeRole(b -> b.roleArn(BlogFlow.ROLE_ARN).roleSessionName("s1")
                        .serialNumber(BlogFlow.SERIAL).tokenCode("abc")));
    }

    @Test
    void assumeRole_malformedRoleArn_isInvalid() {
        refused(StsException.class, "ValidationError", "nothing-valid-in-here is invalid", 400,
                () -> blog.johnSts().assumeRole(b -> b.roleArn("nothing-valid-in-here").roleSessionName("s1")));
    }

    @Test
    void sessionCredentials_afterExpiration_areExpiredToken() {
        AssumeRoleResponse assumed = blog.assumeWithMfa(blog.nextCode());
        StsClient session = blog.clients.sts(SdkClients.session(assumed.credentials()));
        session.getCallerIdentity();
        clock.advance(Duration.ofSeconds(3600));
        refused(StsException.class, "ExpiredToken", "The security token included in the request is expired", 403,
                session::getCallerIdentity);
        refused(Ec2Exception.class, "RequestExpired", "Request has expired.", 400,
                () -> blog.clients.ec2(SdkClients.session(assumed.credentials())).describeInstances());
    }

    @Test
    void wrongSecret_isSignatureDoesNotMatch() {
        refused(StsException.class, "SignatureDoesNotMatch", "The request signature we calculated does not match the"
                        + " signature you provided. Check your AWS Secret Access Key and signing method. Consult the"
                        + " service documentation for details.", 403,
                () -> blog.clients.sts(SdkClients.basic(blog.johnKey.accessKeyId(),
                        withFirstCharChanged(blog.johnKey.secretAccessKey()))).getCallerIdentity());
    }

    /** A different secret of the same length: the first character always changes (a random one may be '0'). */
    private static String withFirstCharChanged(String secret) {
        return (secret.charAt(0) == '0' ? "1" : "0") + secret.substring(1);
    }

    @Test
    void unknownKey_isInvalidClientTokenId_andEc2AuthFailure() {
        refused(StsException.class, "InvalidClientTokenId", "The security token included in the request is invalid.",
                403, () -> blog.clients.sts(SdkClients.basic("AKIAAAAAAAAAAAAAAAAA", "x".repeat(40)))
                        .getCallerIdentity());
        refused(Ec2Exception.class, "AuthFailure", "AWS was not able to validate the provided access credentials",
                401, () -> blog.clients.ec2(SdkClients.basic("AKIAAAAAAAAAAAAAAAAA", "x".repeat(40)))
                        .describeInstances());
    }

    @Test
    void inactiveKey_isInvalidClientTokenId() {
        blog.admin.updateAccessKey(b -> b.userName(BlogFlow.USER).accessKeyId(blog.johnKey.accessKeyId())
                .status("Inactive"));
        refused(StsException.class, "InvalidClientTokenId", "The security token included in the request is invalid.",
                403, () -> blog.johnSts().getCallerIdentity());
    }

    @Test
    void denyStatement_overridesAllow_evenWithMfa() {
        blog.admin.putUserPolicy(b -> b.userName(BlogFlow.USER).policyName("no-assume").policyDocument(
                "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Deny\",\"Action\":\"sts:AssumeRole\","
                        + "\"Resource\":\"*\"}]}"));
        String code = blog.nextCode();
        refused(StsException.class, "AccessDenied", NOT_AUTHORIZED, 403, () -> blog.assumeWithMfa(code));
    }

    @Test
    void boolIfExists_allowsLongTermKeysWithoutMfa_whereBoolRefuses() {
        refused(StsException.class, "AccessDenied", NOT_AUTHORIZED, 403,
                () -> blog.johnSts().assumeRole(b -> b.roleArn(BlogFlow.ROLE_ARN).roleSessionName("s1")));
        blog.admin.putUserPolicy(b -> b.userName(BlogFlow.USER).policyName("common-mistake").policyDocument(
                "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"sts:AssumeRole\","
                        + "\"Resource\":\"" + BlogFlow.ROLE_ARN + "\",\"Condition\":{\"BoolIfExists\":"
                        + "{\"aws:MultiFactorAuthPresent\":\"true\"}}}]}"));
        AssumeRoleResponse r = blog.johnSts().assumeRole(b -> b.roleArn(BlogFlow.ROLE_ARN).roleSessionName("s1"));
        assertTrue(r.credentials().accessKeyId().startsWith("ASIA"));
    }

    @Test
    void getSessionTokenWithMfa_thenAssumeRoleWithoutCode_isAllowedButChainedToOneHour() {
        String code = blog.nextCode();
        Credentials gst = blog.johnSts().getSessionToken(b -> b.serialNumber(BlogFlow.SERIAL).tokenCode(code)
                .durationSeconds(7200)).credentials();
        assertEquals(clock.instant().plusSeconds(7200).getEpochSecond(), gst.expiration().getEpochSecond());
        StsClient chained = blog.clients.sts(SdkClients.session(gst));
        refused(StsException.class, "ValidationError",
                "The requested DurationSeconds exceeds the 1 hour session limit for roles assumed by role chaining.",
                400, () -> chained.assumeRole(b -> b.roleArn(BlogFlow.ROLE_ARN).roleSessionName("s1")
                        .durationSeconds(7200)));
        AssumeRoleResponse r = chained.assumeRole(b -> b.roleArn(BlogFlow.ROLE_ARN).roleSessionName("s1"));
        assertEquals(clock.instant().plusSeconds(3600).getEpochSecond(), r.credentials().expiration().getEpochSecond());
        refused(StsException.class, "AccessDenied", "Cannot call GetSessionToken with session credentials", 403,
                chained::getSessionToken);
    }

    @Test
    void getSessionTokenWithoutMfa_cannotAssumeTheMfaRole() {
        Credentials gst = blog.johnSts().getSessionToken().credentials();
        assertEquals(clock.instant().plusSeconds(43200).getEpochSecond(), gst.expiration().getEpochSecond());
        refused(StsException.class, "AccessDenied", NOT_AUTHORIZED, 403,
                () -> blog.clients.sts(SdkClients.session(gst)).assumeRole(b -> b.roleArn(BlogFlow.ROLE_ARN)
                        .roleSessionName("s1")));
    }

    @Test
    void enableMfaDevice_withNonConsecutiveCodes_isInvalidAuthenticationCode() {
        blog.admin.createUser(b -> b.userName("Mallory"));
        var dev = blog.admin.createVirtualMFADevice(b -> b.virtualMFADeviceName("Mallory")).virtualMFADevice();
        Totp t = Totp.builder(dev_seed(dev.base32StringSeed().asUtf8String())).build();
        String c1 = t.generateString(clock.instant().minusSeconds(60));
        String c2 = t.generateString(clock.instant());
        refused(InvalidAuthenticationCodeException.class, "InvalidAuthenticationCode",
                "Authentication code for device is not valid.", 403,
                () -> blog.admin.enableMFADevice(b -> b.userName("Mallory").serialNumber(dev.serialNumber())
                        .authenticationCode1(c1).authenticationCode2(c2)));
    }

    private static byte[] dev_seed(String base32) {
        return dev.ykmfa.protocol.otp.Base32.decode(base32);
    }

    @Test
    void deactivateUnknownDevice_isNoSuchEntity() {
        refused(NoSuchEntityException.class, "NoSuchEntity", "MFA Device with serial number"
                        + " arn:aws:iam::123456789012:mfa/nope does not exist.", 404,
                () -> blog.admin.deactivateMFADevice(b -> b.userName(BlogFlow.USER)
                        .serialNumber("arn:aws:iam::123456789012:mfa/nope")));
    }

    @Test
    void requestSignedTwentyMinutesAgo_isSignatureExpired() {
        try (AwsSimulator skewed = AwsSimulator.builder()
                .signingClock(Clock.offset(Clock.systemUTC(), Duration.ofMinutes(20))).build().start()) {
            SdkClients c = new SdkClients(skewed);
            StsException e = assertThrows(StsException.class, () -> c.sts(c.admin()).getCallerIdentity());
            assertEquals("SignatureDoesNotMatch", e.awsErrorDetails().errorCode());
            assertTrue(e.awsErrorDetails().errorMessage().matches("Signature expired: \\d{8}T\\d{6}Z is now earlier"
                    + " than \\d{8}T\\d{6}Z \\(\\d{8}T\\d{6}Z - 15 min\\.\\)"), e.awsErrorDetails().errorMessage());
            assertEquals(403, e.statusCode());
        }
    }
}
