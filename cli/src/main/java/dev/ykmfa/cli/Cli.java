package dev.ykmfa.cli;

import dev.ykmfa.aws.AwsFlowException;
import dev.ykmfa.aws.files.CredentialsFileFormatException;
import dev.ykmfa.aws.key.KeySelectionException;
import dev.ykmfa.aws.key.OathPasswordRequiredException;
import dev.ykmfa.protocol.transport.TransportException;
import dev.ykmfa.protocol.ykoath.OathException;
import dev.ykmfa.sim.SimulatorStateException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.List;
import picocli.CommandLine;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * Runs the picocli command tree: parses, executes, and turns every failure into one line on stderr
 * ({@code ykmfa: error: …}; the stack trace too with {@code -v}) and an exit code — 0 ok, 1 AWS or the key
 * refused, 2 usage error.
 */
public final class Cli {
    /** Prefix of every error line. */
    public static final String ERROR_PREFIX = "ykmfa: error: ";
    /** The command whose arguments may hold an MFA seed: its usage errors never echo argument values. */
    private static final String SECRET_COMMAND = "add";
    /** Help text width: room for the examples' command lines. */
    private static final int USAGE_WIDTH = 120;

    private Cli() {
    }

    /**
     * @param args the command line
     * @param context streams, environment, clock, key
     * @return the exit code
     */
    public static int run(String[] args, CliContext context) {
        int fast = KeyCommandFastPath.run(args, context);
        if (fast != KeyCommandFastPath.NOT_HANDLED) {
            return fast;
        }
        YkmfaCommand top = new YkmfaCommand(context);
        String invoked = Subcommands.invoked(args);
        CommandLine cl = commandLine(top, context, invoked == null ? Subcommands.NAMES : List.of(invoked), invoked);
        return cl.execute(args);
    }

    /**
     * @param top the top command
     * @param context the context
     * @return the configured command line with every subcommand (exposed for help rendering tests)
     */
    static CommandLine commandLine(YkmfaCommand top, CliContext context) {
        return commandLine(top, context, Subcommands.NAMES);
    }

    private static CommandLine commandLine(YkmfaCommand top, CliContext context, List<String> subcommands) {
        return commandLine(top, context, subcommands, null);
    }

    private static CommandLine commandLine(YkmfaCommand top, CliContext context, List<String> subcommands,
            String invoked) {
        CommandLine cl = new CommandLine(top);
        // Before the settings below: picocli applies them only to the subcommands present when they are set.
        for (String name : subcommands) {
            cl.addSubcommand(name, Subcommands.commandClass(name));
        }
        cl.setUsageHelpWidth(USAGE_WIDTH);
        cl.setOut(new PrintWriter(context.out(), true));
        cl.setErr(new PrintWriter(context.err(), true));
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        cl.setParameterExceptionHandler((e, args) -> {
            CommandLine failed = e.getCommandLine();
            String name = failed.getCommandSpec().qualifiedName();
            boolean secretMayBeInArgs = SECRET_COMMAND.equals(failed.getCommandSpec().name())
                    || SECRET_COMMAND.equals(invoked);
            if (top.log().enabled() && !secretMayBeInArgs) {
                e.printStackTrace(context.err());
            }
            String message = secretMayBeInArgs ? withoutValues(e) : e.getMessage();
            context.err().println(ERROR_PREFIX + oneLine(message) + " (see '" + name + " --help')");
            context.err().flush();
            return ExitCodes.USAGE;
        });
        cl.setExecutionExceptionHandler((e, failed, parseResult) -> reportFailure(e, top, context));
        return cl;
    }

    /**
     * Reports a command's failure: one line on stderr (and the stack trace with {@code -v}).
     *
     * @param e the failure
     * @param top the top command (its {@code -v} log)
     * @param context the streams
     * @return the exit code
     */
    static int reportFailure(Throwable e, YkmfaCommand top, CliContext context) {
        if (top.log().enabled()) {
            e.printStackTrace(context.err());
        }
        context.err().println(ERROR_PREFIX + oneLine(describe(e)));
        context.err().flush();
        return exitCode(e);
    }

    /**
     * @param e a failure
     * @return its exit code
     */
    static int exitCode(Throwable e) {
        if (e instanceof CliException) {
            return ((CliException) e).exitCode();
        }
        if (e instanceof IllegalArgumentException) {
            return ExitCodes.USAGE;
        }
        return ExitCodes.REFUSED;
    }

    /**
     * The one-line message for a failure: the library's own message (they say what to do), with a prefix naming
     * where it happened for AWS and key errors.
     *
     * @param e the failure
     * @return the text
     */
    static String describe(Throwable e) {
        if (e instanceof CliException || e instanceof AwsFlowException || e instanceof IllegalArgumentException
                || e instanceof CredentialsFileFormatException) {
            return e.getMessage();
        }
        if (e instanceof OathPasswordRequiredException || e instanceof KeySelectionException
                || e instanceof SimulatorStateException) {
            return e.getMessage();
        }
        if (e instanceof OathException) {
            return "the key refused: " + e.getMessage();
        }
        if (e instanceof TransportException) {
            return "cannot talk to the key: " + e.getMessage();
        }
        if (e instanceof AwsServiceException) {
            AwsServiceException a = (AwsServiceException) e;
            String code = a.awsErrorDetails() == null ? null : a.awsErrorDetails().errorCode();
            String message = a.awsErrorDetails() == null ? a.getMessage() : a.awsErrorDetails().errorMessage();
            String service = a.awsErrorDetails() == null ? "AWS" : a.awsErrorDetails().serviceName();
            return service + " refused: " + (code == null ? "" : code + ": ") + message;
        }
        if (e instanceof SdkClientException) {
            return "cannot reach AWS: " + e.getMessage()
                    + " (check --endpoint-url / AWS_ENDPOINT_URL and the network)";
        }
        if (e instanceof SdkException) {
            return "AWS SDK: " + e.getMessage();
        }
        if (e instanceof UncheckedIOException) {
            return e.getMessage();
        }
        return "unexpected " + e.getClass().getSimpleName() + ": " + e.getMessage() + " (run with -v for details)";
    }

    /**
     * A usage error's message that names what was wrong but none of the values given: for {@code add}, whose
     * arguments may hold (part of) an MFA seed, which must never reach stderr.
     *
     * @param e picocli's parse failure
     * @return the text
     */
    static String withoutValues(CommandLine.ParameterException e) {
        String hidden = " (the values are not shown: they may hold the secret)";
        if (e instanceof CommandLine.MissingParameterException) {
            return e.getMessage(); // names only the missing options' and parameters' labels
        }
        if (e instanceof CommandLine.UnmatchedArgumentException) {
            return "unknown option or unexpected argument" + hidden + "; quote the secret, or leave it out to be "
                    + "asked for it";
        }
        CommandLine.Model.ArgSpec spec = e.getArgSpec();
        if (spec instanceof CommandLine.Model.OptionSpec) {
            return "invalid value for option '" + ((CommandLine.Model.OptionSpec) spec).longestName() + "'" + hidden;
        }
        if (spec instanceof CommandLine.Model.PositionalParamSpec) {
            return "invalid value for " + spec.paramLabel() + hidden;
        }
        return "the arguments cannot be parsed" + hidden;
    }

    private static String oneLine(String message) {
        if (message == null) {
            return "(no message)";
        }
        return message.replaceAll("\\s*[\\r\\n]+\\s*", " ").trim();
    }
}
