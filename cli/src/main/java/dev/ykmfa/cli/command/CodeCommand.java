package dev.ykmfa.cli.command;

import dev.ykmfa.cli.CliException;
import dev.ykmfa.cli.ExitCodes;
import dev.ykmfa.cli.UsageException;
import dev.ykmfa.cli.key.CredentialMatcher;
import dev.ykmfa.cli.key.KeyAccess;
import dev.ykmfa.cli.key.KeyMfaCodeSource;
import dev.ykmfa.protocol.ykoath.CalculateAllEntry;
import dev.ykmfa.protocol.ykoath.Code;
import java.time.Instant;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code ykmfa code [NAME]}: codes from the key, like {@code ykman oath accounts code}. */
@Command(name = "code", mixinStandardHelpOptions = true,
        description = "Show codes. Without NAME every credential is listed; with NAME only those whose name "
                + "contains it (an exact name wins). A single matching touch or HOTP credential is calculated "
                + "(\"Touch your YubiKey…\" on stderr).",
        footerHeading = "%nExamples:%n",
        footer = {"  ykmfa code",
            "  ykmfa code arn:aws:iam::123456789012:mfa/JohnDoe",
            "  ykmfa code -s JohnDoe           # just the code, for scripts"})
public final class CodeCommand extends Subcommand {
    static final String TOUCH_MARK = "[Requires Touch]";
    static final String HOTP_MARK = "[HOTP Account]";

    @Parameters(index = "0", arity = "0..1", paramLabel = "NAME",
            description = "Part of the credential name (issuer:name); an exact name selects just that one.")
    private String name;

    @Option(names = {"-s", "--single"}, description = "Print only the code of the one matching credential.")
    private boolean single;

    @Override
    public Integer call() {
        if (single && name == null) {
            throw new UsageException("--single needs a NAME that matches exactly one credential");
        }
        KeyAccess access = ykmfa.keyAccess();
        Instant now = context().clock().instant();
        try (KeyAccess.OpenKey key = access.openUnlocked()) {
            List<CalculateAllEntry> entries = key.session().calculateAll(now);
            if (name != null) {
                entries = CredentialMatcher.match(entries, CalculateAllEntry::id, name);
                if (entries.isEmpty()) {
                    throw new CliException("no credential on the key matches '" + name
                            + "': `ykmfa code` lists them all");
                }
            }
            if (single && entries.size() != 1) {
                throw new UsageException("--single needs exactly one match, but " + entries.size()
                        + " credentials match '" + name + "': give more of the name");
            }
            if (name != null && entries.size() == 1) {
                CalculateAllEntry entry = entries.get(0);
                String value = entry.code().map(Code::value).orElseGet(() -> {
                    if (entry.touchRequired()) {
                        access.interaction().notice(KeyMfaCodeSource.TOUCH_PROMPT);
                    }
                    return key.session().calculate(entry.id(), now).value();
                });
                if (single) {
                    out().println(value);
                } else {
                    print(java.util.Collections.singletonList(new String[] {entry.id().displayName(), value}));
                }
                return ExitCodes.OK;
            }
            print(entries.stream().map(e -> new String[] {e.id().displayName(),
                e.code().map(Code::value).orElse(e.touchRequired() ? TOUCH_MARK : HOTP_MARK)}).toList());
        }
        return ExitCodes.OK;
    }

    private void print(List<String[]> rows) {
        int width = rows.stream().mapToInt(r -> r[0].length()).max().orElse(0);
        for (String[] row : rows) {
            out().printf("%-" + Math.max(width, 1) + "s  %s%n", row[0], row[1]);
        }
    }
}
