package dev.ykmfa.cli;

import dev.ykmfa.cli.command.AddCommand;
import dev.ykmfa.cli.command.AssumeCommand;
import dev.ykmfa.cli.command.CodeCommand;
import dev.ykmfa.cli.command.CredentialProcessCommand;
import dev.ykmfa.cli.command.DeleteCommand;
import dev.ykmfa.cli.command.DemoCommand;
import dev.ykmfa.cli.command.EnrollCommand;
import dev.ykmfa.cli.command.InfoCommand;
import dev.ykmfa.cli.command.SimCommand;
import java.util.List;

/**
 * The subcommands of {@code ykmfa}, by name, in help order. Building picocli's model of every subcommand costs more
 * start-up time than a key command's whole exchange with the key, so {@link Cli} adds only the invoked one when it
 * can tell which that is ({@link #invoked}), and all of them otherwise (help, no command, an unknown command).
 */
final class Subcommands {
    /** The names in help order. */
    static final List<String> NAMES = List.of("demo", "sim", "info", "code", "add", "delete", "enroll", "assume",
            "credential-process");
    /** Ends the options: nothing after it names a command. */
    private static final String END_OF_OPTIONS = "--";

    private Subcommands() {
    }

    /**
     * @param name a subcommand name from {@link #NAMES}
     * @return its command class (only this one is loaded)
     */
    static Class<?> commandClass(String name) {
        switch (name) {
            case "demo":
                return DemoCommand.class;
            case "sim":
                return SimCommand.class;
            case "info":
                return InfoCommand.class;
            case "code":
                return CodeCommand.class;
            case "add":
                return AddCommand.class;
            case "delete":
                return DeleteCommand.class;
            case "enroll":
                return EnrollCommand.class;
            case "assume":
                return AssumeCommand.class;
            case "credential-process":
                return CredentialProcessCommand.class;
            default:
                throw new IllegalArgumentException("no ykmfa command named '" + name + "'");
        }
    }

    /**
     * The command a command line invokes: its first argument that is a subcommand name (picocli does not take a
     * subcommand name as an option's value either), before any {@code --}.
     *
     * @param args the command line
     * @return the name, or null when none is invoked
     */
    static String invoked(String[] args) {
        for (String arg : args) {
            if (END_OF_OPTIONS.equals(arg)) {
                return null;
            }
            if (NAMES.contains(arg)) {
                return arg;
            }
        }
        return null;
    }
}
