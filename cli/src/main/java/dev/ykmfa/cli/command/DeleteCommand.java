package dev.ykmfa.cli.command;

import dev.ykmfa.cli.CliException;
import dev.ykmfa.cli.ExitCodes;
import dev.ykmfa.cli.UsageException;
import dev.ykmfa.cli.key.CredentialMatcher;
import dev.ykmfa.cli.key.KeyAccess;
import dev.ykmfa.protocol.ykoath.Credential;
import java.util.List;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code ykmfa delete NAME}: removes one credential, like {@code ykman oath accounts delete}. */
@Command(name = "delete", mixinStandardHelpOptions = true,
        description = "Delete the one credential whose name is NAME (or the only one containing it).",
        footerHeading = "%nExamples:%n",
        footer = {"  ykmfa delete arn:aws:iam::123456789012:mfa/JohnDoe", "  ykmfa delete JohnDoe"})
public final class DeleteCommand extends Subcommand {
    @Parameters(index = "0", paramLabel = "NAME", description = "The credential's name, or a unique part of it.")
    private String name;

    @Override
    public Integer call() {
        try (KeyAccess.OpenKey key = ykmfa.keyAccess().openUnlocked()) {
            List<Credential> matches = CredentialMatcher.match(key.session().list(), Credential::id, name);
            if (matches.isEmpty()) {
                throw new CliException("no credential on the key matches '" + name + "': `ykmfa code` lists them");
            }
            if (matches.size() > 1) {
                throw new UsageException("'" + name + "' matches " + matches.size() + " credentials ("
                        + matches.stream().map(c -> "'" + c.id().displayName() + "'").collect(Collectors.joining(", "))
                        + "): give the full name of the one to delete");
            }
            Credential victim = matches.get(0);
            key.session().delete(victim.id());
            out().println("Deleted '" + victim.id().displayName() + "' from '" + key.readerName() + "'");
        }
        return ExitCodes.OK;
    }
}
