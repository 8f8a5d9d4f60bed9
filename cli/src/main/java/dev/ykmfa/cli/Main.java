package dev.ykmfa.cli;

import dev.ykmfa.cli.process.CredentialProcessFastPath;
import java.io.PrintStream;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * The {@code ykmfa} entry point. A {@code credential-process} call whose answer is cached is served here with JDK
 * classes only (no picocli, no AWS SDK: the AWS CLI and SDKs run it before every command, so start-up time matters);
 * everything else goes to {@link Cli}.
 */
public final class Main {
    private Main() {
    }

    /** @param args the command line */
    public static void main(String[] args) {
        if (args.length > 0 && CredentialProcessFastPath.COMMAND.equals(args[0])
                && CredentialProcessFastPath.serveFromCache(args, System.out, new SystemEnvironment(),
                        java.time.Clock.systemUTC())) {
            return;
        }
        int exit = Cli.run(args, CliContext.system());
        System.out.flush();
        System.err.flush();
        System.exit(exit);
    }

    /** The process environment as a lookup, without a lambda (lambda bootstrap costs start-up time). */
    private static final class SystemEnvironment implements UnaryOperator<String> {
        @Override
        public String apply(String name) {
            return System.getenv(name);
        }
    }

    /**
     * Runs {@code ykmfa} in-process (the test seam): the same path as {@link #main}, without exiting.
     *
     * @param args the command line
     * @param context streams, environment, clock, key
     * @return the exit code
     */
    public static int run(String[] args, CliContext context) {
        if (args.length > 0 && CredentialProcessFastPath.COMMAND.equals(args[0])
                && CredentialProcessFastPath.serveFromCache(args, context.out(), context::env, context.clock())) {
            return ExitCodes.OK;
        }
        return Cli.run(args, context);
    }

    /**
     * Runs {@code ykmfa} in-process with the given streams and environment and no terminal.
     *
     * @param args the command line
     * @param out stdout
     * @param err stderr
     * @param env the environment
     * @return the exit code
     */
    public static int run(String[] args, PrintStream out, PrintStream err, Map<String, String> env) {
        return run(args, CliContext.builder().out(out).err(err).env(env).build());
    }
}
