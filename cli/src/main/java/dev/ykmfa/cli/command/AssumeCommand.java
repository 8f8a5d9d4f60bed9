package dev.ykmfa.cli.command;

import dev.ykmfa.aws.MfaRequests;
import dev.ykmfa.aws.MfaRoleAssumer;
import dev.ykmfa.aws.files.CredentialsFileWriter;
import dev.ykmfa.aws.process.SessionCredentials;
import dev.ykmfa.cli.ExitCodes;
import dev.ykmfa.cli.aws.AwsClients;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import software.amazon.awssdk.services.sts.model.AssumeRoleResponse;

/**
 * {@code ykmfa assume}: the developer's half of the blog — a code from the key ("Touch your YubiKey…" on stderr),
 * AssumeRole with it, and the session written as a profile into the shared credentials file.
 */
@Command(name = "assume", mixinStandardHelpOptions = true,
        description = {"Assume an MFA-protected role with a code from the key and write the session as a profile "
                + "into the credentials file (AWS_SHARED_CREDENTIALS_FILE or ~/.aws/credentials; every other line is "
                + "kept). The source credentials are the user's long-term keys (--profile, AWS_ACCESS_KEY_ID, or the "
                + "default profile)."},
        footerHeading = "%nExamples:%n",
        footer = {"  ykmfa assume --role-arn arn:aws:iam::123456789012:role/developer-ec2-mfa \\",
            "      --serial-number arn:aws:iam::123456789012:mfa/JohnDoe --profile-out johndoe-developer-role",
            "  aws --profile johndoe-developer-role ec2 describe-instances"})
public final class AssumeCommand extends Subcommand {
    /** Suffix of the default profile name: {@code <user>-developer-role}, as in the blog. */
    static final String DEFAULT_PROFILE_SUFFIX = "-developer-role";

    @Mixin
    private RoleOptions role;

    @Option(names = "--profile-out", paramLabel = "NAME",
            description = "Profile to write; default: <user>-developer-role (johndoe-developer-role).")
    private String profileOut;

    @Override
    public Integer call() {
        role.validate();
        String profile = profileOut != null ? profileOut
                : role.sessionName().toLowerCase(Locale.ROOT) + DEFAULT_PROFILE_SUFFIX;
        CredentialsFileWriter writer = CredentialsFileWriter.builder().environment(context()::env).build();
        try (AwsClients clients = new AwsClients(ykmfa.awsSettings(), log())) {
            MfaRoleAssumer assumer = role.assumer(ykmfa, clients);
            AssumeRoleResponse response = assumer.assumeRole();
            SessionCredentials session = MfaRequests.toSessionCredentials(response.credentials());
            writer.writeProfile(profile, session);
            out().println("Assumed " + response.assumedRoleUser().arn());
            out().println("  access key id: " + session.accessKeyId());
            out().println("  expires:       " + session.expiration().map(Object::toString).orElse("?"));
            out().println("Wrote profile [" + profile + "] to " + writer.file());
            out().println("Try: aws --profile " + profile + " ec2 describe-instances");
        }
        return ExitCodes.OK;
    }
}
