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
        YkmfaCommand top = new YkmfaCommand(context);
        CommandLine cl = commandLine(top, context);
        return cl.execute(args);
    }

    /**
     * @param top the top command
     * @param context the context
     * @return the configured command line (exposed for help rendering tests)
     */
    static CommandLine commandLine(YkmfaCommand top, CliContext context) {
        CommandLine cl = new CommandLine(top);
        cl.setUsageHelpWidth(USAGE_WIDTH);
        cl.setOut(new PrintWriter(context.out(), true));
        cl.setErr(new PrintWriter(context.err(), true));
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        cl.setParameterExceptionHandler((e, args) -> {
            CommandLine failed = e.getCommandLine();
            String name = failed.getCommandSpec().qualifiedName();
            if (top.log().enabled()) {
                e.printStackTrace(context.err());
            }
            context.err().println(ERROR_PREFIX + oneLine(e.getMessage()) + " (see '" + name + " --help')");
            context.err().flush();
            return ExitCodes.USAGE;
        });
        cl.setExecutionExceptionHandler((e, failed, parseResult) -> {
            if (top.log().enabled()) {
                e.printStackTrace(context.err());
            }
            context.err().println(ERROR_PREFIX + oneLine(describe(e)));
            context.err().flush();
            return exitCode(e);
        });
        return cl;
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

    private static String oneLine(String message) {
        if (message == null) {
            return "(no message)";
        }
        return message.replaceAll("\\s*[\\r\\n]+\\s*", " ").trim();
    }
}
