package dev.ykmfa.cli.readme;

import dev.ykmfa.aws.MfaAssumeRoleCredentialsProvider;
import dev.ykmfa.aws.MfaRoleAssumer;
import dev.ykmfa.aws.SourceCredentials;
import dev.ykmfa.aws.YubiKeyMfaCodeSource;
import dev.ykmfa.protocol.transport.ApduTransport;
import dev.ykmfa.protocol.transport.PcscTransport;
import dev.ykmfa.protocol.ykoath.OathSession;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.Ec2ClientBuilder;
import software.amazon.awssdk.services.ec2.model.DescribeInstancesResponse;
import software.amazon.awssdk.services.sts.StsClient;

/**
 * The "Embedding the provider in Java" example of the root README, verbatim between the markers (imports included
 * above); {@link EmbeddingExampleIT} runs it against a simulated key and aws-sim.
 */
public final class EmbeddingExample {
    private EmbeddingExample() {
    }

    // README-BEGIN
    /** DescribeInstances as the MFA-protected role, with a code read from the YubiKey. */
    static DescribeInstancesResponse describeInstancesWithYubiKey(ApduTransport yubiKey, StsClient sts,
            Ec2ClientBuilder ec2Builder) {
        try (OathSession key = OathSession.open(yubiKey)) {
            MfaRoleAssumer assumer = MfaRoleAssumer.builder()
                    .stsClient(sts)   // signed with the developer's long-term keys
                    .codeSource(YubiKeyMfaCodeSource.builder().oathSession(key).build())   // "Touch your YubiKey…"
                    .roleArn("arn:aws:iam::123456789012:role/developer-ec2-mfa")
                    .serialNumber("arn:aws:iam::123456789012:mfa/JohnDoe")
                    .build();
            try (MfaAssumeRoleCredentialsProvider provider =
                         MfaAssumeRoleCredentialsProvider.builder().assumer(assumer).build();
                 Ec2Client ec2 = ec2Builder.credentialsProvider(provider).build()) {
                return ec2.describeInstances();   // a touch only when the role session needs renewing
            }
        }
    }

    public static void main(String[] args) {
        try (StsClient sts = StsClient.builder().credentialsProvider(SourceCredentials.profile("default")).build()) {
            System.out.println(describeInstancesWithYubiKey(PcscTransport.open("Yubico"), sts, Ec2Client.builder()));
        }
    }
    // README-END
}
