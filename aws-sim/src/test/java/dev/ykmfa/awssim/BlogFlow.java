package dev.ykmfa.awssim;

import dev.ykmfa.protocol.otp.Base32;
import dev.ykmfa.protocol.otp.Totp;
import java.time.Duration;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.AccessKey;
import software.amazon.awssdk.services.iam.model.CreateVirtualMfaDeviceResponse;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.AssumeRoleResponse;

/** The blog's setup done by the admin over the real SDK, reusable by the test classes. */
final class BlogFlow {
    static final String ACCOUNT = AwsSimulator.DEFAULT_ACCOUNT_ID;
    static final String ROLE = "developer-ec2-mfa";
    static final String ROLE_ARN = "arn:aws:iam::" + ACCOUNT + ":role/" + ROLE;
    static final String USER = "JohnDoe";
    static final String SERIAL = "arn:aws:iam::" + ACCOUNT + ":mfa/" + USER;
    static final String GROUP = "developers-mfa";
    static final String POLICY = "yubi-policy-mfa-level-one";
    /** Trust policy the console writes for "Another AWS account" = this account. */
    static final String TRUST = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":"
            + "{\"AWS\":\"arn:aws:iam::" + ACCOUNT + ":root\"},\"Action\":\"sts:AssumeRole\",\"Condition\":{}}]}";
    /** The blog's policy exactly as pasted (placeholder replaced, the missing closing brace restored). */
    static final String BLOG_POLICY = "{ \"Version\": \"2012-10-17\", \"Statement\": [ { \"Sid\": \"\", \"Effect\":"
            + " \"Allow\", \"Action\": \"sts:AssumeRole\", \"Resource\": \"" + ROLE_ARN + "\", \"Condition\": {"
            + " \"Bool\": { \"aws:multifactorAuthPresent\": true } } } ] }";

    final AwsSimulator sim;
    final MutableClock clock;
    final SdkClients clients;
    final IamClient admin;
    AccessKey johnKey;
    byte[] seed;
    Totp totp;

    BlogFlow(AwsSimulator sim, MutableClock clock) {
        this.sim = sim;
        this.clock = clock;
        this.clients = new SdkClients(sim);
        this.admin = clients.iam(clients.admin());
    }

    /** Runs the administrator part of the blog: role, policy, group, user, key, virtual MFA enabled. */
    BlogFlow setUp() {
        admin.createRole(b -> b.roleName(ROLE).assumeRolePolicyDocument(TRUST));
        admin.attachRolePolicy(b -> b.roleName(ROLE).policyArn("arn:aws:iam::aws:policy/AmazonEC2FullAccess"));
        admin.updateRole(b -> b.roleName(ROLE).maxSessionDuration(3600));
        String policyArn = admin.createPolicy(b -> b.policyName(POLICY).policyDocument(BLOG_POLICY)).policy().arn();
        admin.createGroup(b -> b.groupName(GROUP));
        admin.attachGroupPolicy(b -> b.groupName(GROUP).policyArn(policyArn));
        admin.createUser(b -> b.userName(USER));
        admin.addUserToGroup(b -> b.groupName(GROUP).userName(USER));
        johnKey = admin.createAccessKey(b -> b.userName(USER)).accessKey();
        CreateVirtualMfaDeviceResponse d = admin.createVirtualMFADevice(b -> b.virtualMFADeviceName(USER));
        seed = Base32.decode(d.virtualMFADevice().base32StringSeed().asUtf8String());
        totp = Totp.builder(seed).build();
        String code1 = totp.generateString(clock.instant().minusSeconds(30));
        String code2 = totp.generateString(clock.instant());
        admin.enableMFADevice(b -> b.userName(USER).serialNumber(SERIAL).authenticationCode1(code1)
                .authenticationCode2(code2));
        return this;
    }

    AwsCredentials john() {
        return SdkClients.basic(johnKey.accessKeyId(), johnKey.secretAccessKey());
    }

    StsClient johnSts() {
        return clients.sts(john());
    }

    /** Moves to the next TOTP step and returns its code. */
    String nextCode() {
        clock.advance(Duration.ofSeconds(30));
        return totp.generateString(clock.instant());
    }

    AssumeRoleResponse assumeWithMfa(String code) {
        return johnSts().assumeRole(b -> b.roleArn(ROLE_ARN).roleSessionName("johndoe-dev").serialNumber(SERIAL)
                .tokenCode(code).durationSeconds(3600));
    }
}
