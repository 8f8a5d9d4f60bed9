package dev.ykmfa.cli.command;

import dev.ykmfa.cli.CliContext;
import dev.ykmfa.cli.ExitCodes;
import dev.ykmfa.cli.key.KeyAccess;
import dev.ykmfa.protocol.ykoath.OathSelectInfo;
import java.io.PrintStream;
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
        return show(ykmfa.keyAccess(), context());
    }

    /**
     * Prints the key's OATH application: the command itself, also run without picocli by the key commands' fast path.
     *
     * @param access the key
     * @param context streams and environment
     * @return the exit code
     */
    public static int show(KeyAccess access, CliContext context) {
        PrintStream out = context.out();
        try (KeyAccess.OpenKey key = access.open()) {
            OathSelectInfo info = key.session().info();
            row(out, "Reader", key.readerName());
            row(out, "OATH version", info.version());
            row(out, "Device ID", info.deviceId());
            row(out, "Password protection", info.passwordProtected() ? "enabled" : "disabled");
            String count;
            if (key.session().isLocked() && context.env(KeyAccess.ENV_PASSWORD) == null) {
                count = "(locked: set " + KeyAccess.ENV_PASSWORD + " or run `ykmfa code` to unlock)";
            } else {
                access.unlock(key);
                count = String.valueOf(key.session().list().size());
            }
            row(out, "Credentials", count);
        }
        return ExitCodes.OK;
    }

    private static void row(PrintStream out, String label, String value) {
        out.printf("%-20s %s%n", label + ":", value);
    }
}
