package dev.ykmfa.awssim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ykmfa.protocol.otp.Totp;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ec2.model.Ec2Exception;
import software.amazon.awssdk.services.iam.model.IamException;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.AssumeRoleResponse;
import software.amazon.awssdk.services.sts.model.Credentials;
import software.amazon.awssdk.services.sts.model.StsException;
import software.amazon.awssdk.services.sts.model.Tag;

/** AssumeRole parameters beyond the blog: ExternalId, SourceIdentity, tags, session policies, chaining, partitions. */
class StsFeaturesIT extends FreshSimulator {
    private static final String ACCT = "123456789012";
    private SdkClients clients;
    private Seeder.SeededUser user;

    @BeforeEach
    void start() {
        clients = new SdkClients(sim);
        Seeder seeder = sim.seeder();
        String allowAll = seeder.policy("assume-anything", "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":"
                + "\"Allow\",\"Action\":\"sts:AssumeRole\",\"Resource\":\"*\"}]}").arn();
        seeder.group("g", allowAll);
        user = seeder.userWithVirtualMfa("alice", "g");
        seeder.role("partner", "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":"
                + "\"" + ACCT + "\"},\"Action\":\"sts:AssumeRole\",\"Condition\":{\"StringEquals\":{\"sts:ExternalId\":"
                + "\"s3cr3t-id\"}}}]}", 7200, seeder.awsManagedPolicyArn("AmazonEC2FullAccess"));
        seeder.role("chain-target", "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":"
                + "{\"AWS\":\"arn:aws:iam::" + ACCT + ":root\"},\"Action\":\"sts:AssumeRole\"}]}", 43200,
                seeder.awsManagedPolicyArn("AdministratorAccess"));
    }

    private StsClient alice() {
        return clients.sts(SdkClients.basic(user.accessKeyId(), user.secretAccessKey()));
    }

    @Test
    void externalId_isMatchedByTheTrustPolicyCondition() {
        StsException e = assertThrows(StsException.class, () -> alice().assumeRole(b -> b
                .roleArn("arn:aws:iam::" + ACCT + ":role/partner").roleSessionName("s1").externalId("wrong-id")));
        assertEquals("User: arn:aws:iam::123456789012:user/alice is not authorized to perform: sts:AssumeRole on"
                + " resource: arn:aws:iam::123456789012:role/partner", e.awsErrorDetails().errorMessage());
        AssumeRoleResponse r = alice().assumeRole(b -> b.roleArn("arn:aws:iam::" + ACCT + ":role/partner")
                .roleSessionName("s1").externalId("s3cr3t-id").durationSeconds(7200).sourceIdentity("alice-laptop"));
        assertEquals("alice-laptop", r.sourceIdentity());
        assertEquals(clock.instant().plusSeconds(7200).getEpochSecond(), r.credentials().expiration().getEpochSecond());
    }

    @Test
    void sessionPolicy_restrictsTheRoleSession_andPackedPolicySizeIsReported() {
        AssumeRoleResponse r = alice().assumeRole(b -> b.roleArn("arn:aws:iam::" + ACCT + ":role/chain-target")
                .roleSessionName("limited").policy("{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
                        + "\"Action\":\"iam:List*\",\"Resource\":\"*\"}]}"));
        assertTrue(r.packedPolicySize() > 0);
        clients.iam(SdkClients.session(r.credentials())).listUsers();
        Ec2Exception e = assertThrows(Ec2Exception.class,
                () -> clients.ec2(SdkClients.session(r.credentials())).describeInstances());
        assertEquals("UnauthorizedOperation", e.awsErrorDetails().errorCode());
        IamException iam = assertThrows(IamException.class,
                () -> clients.iam(SdkClients.session(r.credentials())).createUser(b -> b.userName("x")));
        assertEquals("User: arn:aws:sts::123456789012:assumed-role/chain-target/limited is not authorized to"
                + " perform: iam:CreateUser on resource: arn:aws:iam::123456789012:user/x because no identity-based"
                + " policy allows the iam:CreateUser action", iam.awsErrorDetails().errorMessage());
    }

    @Test
    void tags_caseInsensitiveDuplicatesAndTransitiveKeysAreChecked() {
        StsException dup = assertThrows(StsException.class, () -> alice().assumeRole(b -> b
                .roleArn("arn:aws:iam::" + ACCT + ":role/chain-target").roleSessionName("s1")
                .tags(Tag.builder().key("Team").value("a").build(), Tag.builder().key("team").value("b").build())));
        assertEquals("InvalidParameterValue", dup.awsErrorDetails().errorCode());
        assertEquals("Duplicate tag keys found. Please note that Tag keys are case insensitive.",
                dup.awsErrorDetails().errorMessage());
        StsException transitive = assertThrows(StsException.class, () -> alice().assumeRole(b -> b
                .roleArn("arn:aws:iam::" + ACCT + ":role/chain-target").roleSessionName("s1")
                .tags(Tag.builder().key("Team").value("a").build()).transitiveTagKeys("Project")));
        assertEquals("The specified transitive tag key must be included in the requested tags.",
                transitive.awsErrorDetails().errorMessage());
    }

    @Test
    void roleChaining_fromARoleSession_isCappedAtOneHour_andSourceIdentityPersists() {
        AssumeRoleResponse first = alice().assumeRole(b -> b.roleArn("arn:aws:iam::" + ACCT + ":role/chain-target")
                .roleSessionName("first").sourceIdentity("alice"));
        StsClient session = clients.sts(SdkClients.session(first.credentials()));
        StsException capped = assertThrows(StsException.class, () -> session.assumeRole(b -> b
                .roleArn("arn:aws:iam::" + ACCT + ":role/chain-target").roleSessionName("second").durationSeconds(3601)));
        assertEquals("The requested DurationSeconds exceeds the 1 hour session limit for roles assumed by role"
                + " chaining.", capped.awsErrorDetails().errorMessage());
        AssumeRoleResponse second = session.assumeRole(b -> b.roleArn("arn:aws:iam::" + ACCT + ":role/chain-target")
                .roleSessionName("second"));
        assertEquals("arn:aws:sts::123456789012:assumed-role/chain-target/second", second.assumedRoleUser().arn());
        assertEquals("alice", sim.store().session(second.credentials().accessKeyId()).sourceIdentity());
    }

    @Test
    void getSessionTokenCredentials_reachIamOnlyWhenMfaAuthenticated() {
        Credentials plain = alice().getSessionToken().credentials();
        IamException refused = assertThrows(IamException.class,
                () -> clients.iam(SdkClients.session(plain)).listUsers());
        assertEquals("InvalidClientTokenId", refused.awsErrorDetails().errorCode());
        String code = Totp.builder(user.seed()).build().generateString(clock.instant());
        Credentials mfa = alice().getSessionToken(b -> b.serialNumber(user.serialNumber()).tokenCode(code))
                .credentials();
        IamException denied = assertThrows(IamException.class, () -> clients.iam(SdkClients.session(mfa)).listUsers());
        assertEquals("AccessDenied", denied.awsErrorDetails().errorCode(), "authenticated, but no IAM permission");
        assertEquals("arn:aws:iam::123456789012:user/alice",
                clients.sts(SdkClients.session(mfa)).getCallerIdentity().arn());
    }

    @Test
    void otherPartition_issuesItsArns() {
        try (AwsSimulator cn = AwsSimulator.builder().partition(Partition.AWS_CN).accountId("210987654321").build()
                .start()) {
            SdkClients c = new SdkClients(cn);
            assertEquals("arn:aws-cn:iam::210987654321:user/admin", c.sts(c.admin()).getCallerIdentity().arn());
            assertEquals("arn:aws-cn:iam::210987654321:user/bob",
                    c.iam(c.admin()).createUser(b -> b.userName("bob")).user().arn());
        }
    }
}
