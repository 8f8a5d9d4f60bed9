package dev.ykmfa.cli.command;

import dev.ykmfa.aws.AwsFlowConstants;
import dev.ykmfa.aws.EnrollmentRequest;
import dev.ykmfa.aws.EnrollmentResult;
import dev.ykmfa.aws.MfaEnrollment;
import dev.ykmfa.cli.ExitCodes;
import dev.ykmfa.cli.UsageException;
import dev.ykmfa.cli.aws.AccessKeyFile;
import dev.ykmfa.cli.aws.AwsClients;
import dev.ykmfa.cli.key.KeyAccess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.NoSuchEntityException;

/**
 * {@code ykmfa enroll}: the administrator's half of the blog through aws-flow's {@link MfaEnrollment}, programming
 * the key in the reader; prints the hand-off. A new key pair goes only to a 0600 file, never to stdout.
 */
@Command(name = "enroll", mixinStandardHelpOptions = true,
        description = {"Set up an IAM user for YubiKey MFA (the blog's admin part): the role (trusting the account, "
                + "AmazonEC2FullAccess by default, MaxSessionDuration), the policy allowing sts:AssumeRole on it only "
                + "with MFA, the group with that policy, the user in the group with an access key, and the virtual MFA "
                + "device - its seed programmed into the key under the MFA device ARN and enabled with two consecutive "
                + "codes (no 30 s wait).",
            "Re-running reuses what exists and never creates a second key pair. A new key pair is written only to "
                + "--access-key-out (0600, never overwritten): when that file exists and the user has no key yet, "
                + "enroll refuses before changing anything.",
            "Signs with the admin's credentials (--profile, AWS_ACCESS_KEY_ID, or the default profile)."},
        footerHeading = "%nExamples:%n",
        footer = {"  ykmfa enroll --user JohnDoe --role-name developer-ec2-mfa --touch",
            "  ykmfa --endpoint-url http://127.0.0.1:4566 enroll --user JohnDoe --role-name developer-ec2-mfa \\",
            "      --access-key-out /secure/JohnDoe.credentials"})
public final class EnrollCommand extends Subcommand {
    @Option(names = "--user", required = true, paramLabel = "NAME", description = "The IAM user (e.g. JohnDoe).")
    private String user;

    @Option(names = "--role-name", required = true, paramLabel = "NAME",
            description = "The MFA-protected role (e.g. developer-ec2-mfa).")
    private String roleName;

    @Option(names = "--role-policy-arn", paramLabel = "ARN",
            description = "Permission policy of the role; default: arn:aws:iam::aws:policy/AmazonEC2FullAccess.")
    private String rolePolicyArn;

    @Option(names = "--max-session-duration", paramLabel = "SECONDS",
            description = "The role's MaxSessionDuration, 3600..43200 (default 3600).")
    private long maxSessionDuration = AwsFlowConstants.DEFAULT_MAX_SESSION_DURATION.getSeconds();

    @Option(names = "--touch", description = "Require a touch of the key for every code (ykman oath add -t).")
    private boolean touch;

    @Option(names = "--access-key-out", paramLabel = "FILE",
            description = "Where a new key pair goes (INI, [default] profile, 0600); default: ./<user>.credentials.")
    private Path accessKeyOut;

    @Option(names = "--credential-name", paramLabel = "NAME",
            description = "Name of the key's credential when the MFA device ARN exceeds the key's 64 bytes.")
    private String credentialName;

    @Option(names = "--group", paramLabel = "NAME", description = "Group name (default developers-mfa).")
    private String group = AwsFlowConstants.DEFAULT_GROUP_NAME;

    @Option(names = "--policy-name", paramLabel = "NAME",
            description = "Name of the MFA-conditioned assume policy (default yubi-policy-mfa-level-one).")
    private String policyName = AwsFlowConstants.DEFAULT_ASSUME_POLICY_NAME;

    @Override
    public Integer call() {
        Path keyFile = accessKeyOut != null ? accessKeyOut : AccessKeyFile.defaultPath(user);
        boolean keyFileExists = Files.exists(keyFile);
        EnrollmentRequest.Builder request = EnrollmentRequest.builder().userName(user).roleName(roleName)
                .maxSessionDuration(Duration.ofSeconds(maxSessionDuration)).touch(touch).groupName(group)
                .policyName(policyName).createAccessKey(!keyFileExists);
        if (rolePolicyArn != null) {
            request.rolePolicyArn(rolePolicyArn);
        }
        if (credentialName != null) {
            request.credentialName(credentialName);
        }
        EnrollmentRequest built = request.build();
        EnrollmentResult result;
        try (AwsClients clients = new AwsClients(ykmfa.awsSettings(), log())) {
            IamClient iam = clients.iam(clients.sourceCredentials());
            if (keyFileExists && !hasAccessKey(iam)) {
                throw new UsageException(keyFile + " exists and is never overwritten, but " + user + " has no access "
                        + "key yet, so a new key pair would have nowhere to go: move that file away or choose another "
                        + "--access-key-out. Nothing was changed.");
            }
            result = enroll(iam, built);
        }
        result.newAccessKey().ifPresent(k -> AccessKeyFile.create(keyFile, user, k, context().clock().instant()));
        printHandOff(result, keyFile, keyFileExists);
        return ExitCodes.OK;
    }

    private boolean hasAccessKey(IamClient iam) {
        try {
            return !iam.listAccessKeys(r -> r.userName(user)).accessKeyMetadata().isEmpty();
        } catch (NoSuchEntityException e) {
            return false;
        }
    }

    private EnrollmentResult enroll(IamClient iam, EnrollmentRequest built) {
        try (KeyAccess.OpenKey key = ykmfa.keyAccess().openUnlocked()) {
            return MfaEnrollment.builder().iamClient(iam).oathSession(key.session())
                    .interaction(context().interaction()).clock(context().clock()).build().enroll(built);
        }
    }

    private void printHandOff(EnrollmentResult r, Path keyFile, boolean keyFileExisted) {
        Map<String, EnrollmentResult.Outcome> o = r.outcomes();
        out().println("Enrolled " + user + " (" + r.userArn() + ")");
        row("role", r.roleArn(), o.get("role"));
        row("assume policy", r.policyArn(), o.get("policy"));
        row("group", group, o.get("group"));
        row("MFA device", r.mfaSerialNumber(), o.get("mfaDevice"));
        String codes = r.codesUsed().isEmpty() ? "already enabled"
                : "enabled with codes " + String.join(" and ", r.codesUsed());
        out().printf("  %-15s %s%n", "", codes);
        row("key credential", r.credentialName() + (touch ? " (touch)" : ""), o.get("keyCredential"));
        if (r.newAccessKey().isPresent()) {
            out().printf("  %-15s %s written to %s (mode 0600; the secret is nowhere else)%n", "access key",
                    r.newAccessKey().get().accessKeyId(), keyFile);
        } else if (!r.existingAccessKeyIds().isEmpty()) {
            out().printf("  %-15s %s exists already: no new key pair was created%n", "access key",
                    String.join(", ", r.existingAccessKeyIds()));
        } else if (keyFileExisted) {
            out().printf("  %-15s none created: %s exists and is never overwritten (move it away and re-run)%n",
                    "access key", keyFile);
        }
        out().println();
        out().println("Hand to the developer: the YubiKey, the MFA device ARN, the role ARN"
                + (r.newAccessKey().isPresent() ? " and " + fileName(keyFile) : "") + ". They run:");
        out().println("  ykmfa assume --role-arn " + r.roleArn() + " --serial-number " + r.mfaSerialNumber()
                + (r.credentialName().equals(r.mfaSerialNumber()) ? "" : " --credential " + r.credentialName()));
    }

    private static String fileName(Path p) {
        Path name = p.getFileName();
        return name == null ? p.toString() : name.toString();
    }

    private void row(String label, String value, EnrollmentResult.Outcome outcome) {
        out().printf("  %-15s %s%s%n", label, value,
                outcome == null ? "" : "  [" + outcome.name().toLowerCase(java.util.Locale.ROOT) + "]");
    }
}
