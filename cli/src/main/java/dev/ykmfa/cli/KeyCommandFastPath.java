package dev.ykmfa.cli;

import dev.ykmfa.cli.command.CodeCommand;
import dev.ykmfa.cli.command.InfoCommand;

/**
 * The start-up fast path of the key-only commands {@code ykmfa code [-s] [NAME]} and {@code ykmfa info}: their plain
 * command lines are parsed here, without building picocli's command model (which costs more than the whole exchange
 * with the key), and run the commands' own code. Anything it does not fully understand (help, version, an unknown
 * or combined option, a missing value, {@code --simulated-key}, {@code --}, a second NAME) makes it step aside
 * ({@link #NOT_HANDLED}) so picocli parses the call and reports usage errors as usual.
 */
final class KeyCommandFastPath {
    /** Returned when picocli must handle the call. */
    static final int NOT_HANDLED = -1;
    private static final String CODE = "code";
    private static final String INFO = "info";

    private KeyCommandFastPath() {
    }

    /**
     * @param args the command line
     * @param context streams, environment, clock, key
     * @return the exit code, or {@link #NOT_HANDLED}
     */
    static int run(String[] args, CliContext context) {
        String command = null;
        String reader = null;
        boolean verbose = false;
        String name = null;
        boolean single = false;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            String option = arg;
            String value = null;
            int eq = arg.indexOf('=');
            if (arg.startsWith("--") && eq > 0) {
                option = arg.substring(0, eq);
                value = arg.substring(eq + 1);
            }
            switch (option) {
                case "--reader":
                case "--endpoint-url":
                case "--region":
                case "--profile":
                    if (value == null) {
                        // picocli takes neither an option nor a command name as an option's value
                        if (i + 1 >= args.length || args[i + 1].startsWith("-")
                                || Subcommands.NAMES.contains(args[i + 1])) {
                            return NOT_HANDLED;
                        }
                        value = args[++i];
                    }
                    if ("--reader".equals(option)) {
                        reader = value;
                    }
                    break;
                case "-v":
                case "--verbose":
                    verbose = true;
                    break;
                case "-s":
                case "--single":
                    if (!CODE.equals(command)) {
                        return NOT_HANDLED;
                    }
                    single = true;
                    break;
                default:
                    if (arg.startsWith("-")) {
                        return NOT_HANDLED;
                    }
                    if (command == null) {
                        if (!CODE.equals(arg) && !INFO.equals(arg)) {
                            return NOT_HANDLED;
                        }
                        command = arg;
                    } else if (CODE.equals(command) && name == null) {
                        name = arg;
                    } else {
                        return NOT_HANDLED;
                    }
            }
        }
        if (command == null) {
            return NOT_HANDLED;
        }
        YkmfaCommand top = new YkmfaCommand(context);
        top.presetKeyOptions(reader, verbose);
        try {
            return CODE.equals(command)
                    ? CodeCommand.show(top.keyAccess(), context, name, single)
                    : InfoCommand.show(top.keyAccess(), context);
        } catch (RuntimeException e) {
            return Cli.reportFailure(e, top, context);
        }
    }
}
