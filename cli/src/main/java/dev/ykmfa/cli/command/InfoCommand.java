package dev.ykmfa.cli.command;

import dev.ykmfa.cli.ExitCodes;
import dev.ykmfa.cli.key.KeyAccess;
import dev.ykmfa.protocol.ykoath.OathSelectInfo;
import picocli.CommandLine.Command;

/** {@code ykmfa info}: the key's OATH application (like {@code ykman oath info}) and how many credentials it holds. */
@Command(name = "info", mixinStandardHelpOptions = true,
        description = "Show the OATH application of the key: reader, version, device id, password protection and the"
                + " number of credentials (counted only when the applet is unlocked or has no password).",
        footerHeading = "%nExamples:%n",
        footer = {"  ykmfa info", "  ykmfa --reader 'Virtual PCD 00 00' info"})
public final class InfoCommand extends Subcommand {
    @Override
    public Integer call() {
        KeyAccess access = ykmfa.keyAccess();
        try (KeyAccess.OpenKey key = access.open()) {
            OathSelectInfo info = key.session().info();
            row("Reader", key.readerName());
            row("OATH version", info.version());
            row("Device ID", info.deviceId());
            row("Password protection", info.passwordProtected() ? "enabled" : "disabled");
            String count;
            if (key.session().isLocked() && context().env(KeyAccess.ENV_PASSWORD) == null) {
                count = "(locked: set " + KeyAccess.ENV_PASSWORD + " or run `ykmfa code` to unlock)";
            } else {
                access.unlock(key);
                count = String.valueOf(key.session().list().size());
            }
            row("Credentials", count);
        }
        return ExitCodes.OK;
    }

    private void row(String label, String value) {
        out().printf("%-20s %s%n", label + ":", value);
    }
}
