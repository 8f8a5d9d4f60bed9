package dev.ykmfa.cli.command;

import dev.ykmfa.aws.MfaRoleAssumer;
import dev.ykmfa.aws.process.CredentialProcessCache;
import dev.ykmfa.aws.process.CredentialProcessJson;
import dev.ykmfa.aws.process.SessionCredentials;
import dev.ykmfa.cli.ExitCodes;
import dev.ykmfa.cli.aws.AwsClients;
import dev.ykmfa.cli.process.CredentialProcessRequest;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code ykmfa credential-process}: the {@code credential_process} of an AWS profile. JSON (Version 1) on stdout;
 * prompts and "Touch your YubiKey…" on stderr or the terminal; answers cached (0600 files) until 5 minutes before
 * they expire, with concurrent calls sharing one touch.
 */
@Command(name = "credential-process", mixinStandardHelpOptions = true,
        description = {"Print credentials for an MFA-protected role as credential_process JSON (Version 1), reading a "
                + "code from the key only when the cached answer is missing or within 5 minutes of expiry.",
            "Configure it in ~/.aws/config:",
            "  [profile dev]",
            "  credential_process = /path/to/ykmfa credential-process --role-arn ARN --serial-number ARN"},
        footerHeading = "%nExamples:%n",
        footer = {"  ykmfa credential-process --role-arn arn:aws:iam::123456789012:role/developer-ec2-mfa \\",
            "      --serial-number arn:aws:iam::123456789012:mfa/JohnDoe",
            "  ykmfa credential-process --endpoint-url http://127.0.0.1:4566 --role-arn ... --serial-number ..."})
public final class CredentialProcessCommand extends Subcommand {
    @Mixin
    private RoleOptions role;

    @Option(names = "--cache-dir", paramLabel = "DIR",
            description = "Cache directory; default: YKMFA_CACHE_DIR, else ~/.aws/ykmfa/cache.")
    private String cacheDir;

    @Option(names = "--no-cache", description = "Neither read nor write the cache.")
    private boolean noCache;

    @Override
    public Integer call() {
        role.validate();
        CredentialProcessRequest request = new CredentialProcessRequest(role.roleArn, role.serialNumber,
                role.roleSessionName, role.durationSeconds, ykmfa.endpointOption(), ykmfa.profileOption(), cacheDir, context()::env);
        SessionCredentials credentials;
        if (noCache) {
            credentials = fetch();
        } else {
            CredentialProcessCache cache = request.cache(context().clock());
            log().debug(() -> "cache " + cache.directory() + ", entry " + request.cacheKey().fileStem());
            credentials = cache.getOrFetch(request.cacheKey(), this::fetch);
        }
        out().println(CredentialProcessJson.format(credentials));
        out().flush();
        return ExitCodes.OK;
    }

    private SessionCredentials fetch() {
        log().debug(() -> "no fresh cached answer: assuming " + role.roleArn);
        try (AwsClients clients = new AwsClients(ykmfa.awsSettings(), log())) {
            MfaRoleAssumer assumer = role.assumer(ykmfa, clients);
            return assumer.assumeRoleCredentials();
        }
    }
}
