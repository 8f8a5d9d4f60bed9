package dev.ykmfa.cli.command;

import dev.ykmfa.aws.MfaRoleAssumer;
import dev.ykmfa.cli.DebugLog;
import dev.ykmfa.cli.UsageException;
import dev.ykmfa.cli.YkmfaCommand;
import dev.ykmfa.cli.aws.AwsClients;
import dev.ykmfa.cli.key.KeyMfaCodeSource;
import dev.ykmfa.cli.process.CredentialProcessRequest;
import java.time.Duration;
import picocli.CommandLine.Option;

/** The options of the developer flow shared by {@code assume} and {@code credential-process}. */
final class RoleOptions {
    /** Attempts per AssumeRole: the first code, then up to two fresh codes from the following steps. */
    static final int MAX_ATTEMPTS = 3;

    @Option(names = "--role-arn", required = true, paramLabel = "ARN",
            description = "The role to assume, e.g. arn:aws:iam::123456789012:role/developer-ec2-mfa.")
    String roleArn;

    @Option(names = "--serial-number", required = true, paramLabel = "ARN",
            description = "The MFA device ARN, e.g. arn:aws:iam::123456789012:mfa/JohnDoe; also the name of the key's "
                    + "credential unless --credential says otherwise.")
    String serialNumber;

    @Option(names = "--role-session-name", paramLabel = "NAME",
            description = "Role session name; default: the MFA device's name (JohnDoe).")
    String roleSessionName;

    @Option(names = "--duration-seconds", paramLabel = "N",
            description = "Session length, 900 to the role's MaxSessionDuration (default 3600).")
    int durationSeconds = CredentialProcessRequest.DEFAULT_DURATION_SECONDS;

    @Option(names = "--credential", paramLabel = "NAME",
            description = "The key's credential name when it is not the MFA device ARN (a shorter name chosen at "
                    + "enrollment).")
    String credentialName;

    void validate() {
        requireArn(roleArn, "--role-arn", "arn:aws:iam::123456789012:role/developer-ec2-mfa");
        requireArn(serialNumber, "--serial-number", "arn:aws:iam::123456789012:mfa/JohnDoe");
    }

    private static void requireArn(String value, String option, String example) {
        if (!value.startsWith("arn:") || value.split(":", -1).length < 6) {
            throw new UsageException(option + " must be an ARN such as " + example + ", not '" + value + "'");
        }
    }

    String sessionName() {
        return roleSessionName != null ? roleSessionName : CredentialProcessRequest.defaultSessionName(serialNumber);
    }

    MfaRoleAssumer assumer(YkmfaCommand ykmfa, AwsClients clients) {
        DebugLog log = ykmfa.log();
        Duration duration = Duration.ofSeconds(durationSeconds);
        MfaRoleAssumer.Builder builder = MfaRoleAssumer.builder()
                .codeSource(new KeyMfaCodeSource(ykmfa.keyAccess(), credentialName, log))
                .roleArn(roleArn)
                .serialNumber(serialNumber)
                .roleSessionName(sessionName())
                .duration(duration)
                .clock(ykmfa.context().clock())
                // A code AWS has seen (e.g. the enrollment's second code, which is for the next step) is refused:
                // wait for the next step, saying so, up to twice.
                .maxAttempts(MAX_ATTEMPTS)
                .sleeper(wait -> {
                    ykmfa.context().interaction().notice("Waiting " + Math.max(1, wait.toSeconds())
                            + " s for the key's next code (AWS accepts each code once)…");
                    Thread.sleep(wait.toMillis());
                });
        return builder.stsClient(clients.sts(clients.sourceCredentials())).build();
    }
}
