package dev.ykmfa.cli.process;

import java.io.PrintStream;
import java.time.Clock;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * The start-up fast path of {@code ykmfa credential-process}: before picocli or the AWS SDK is loaded, parse the
 * few options that decide the cache entry and, when a fresh entry exists, print it and finish — core JDK classes only
 * ({@link LeanCacheHit}). Anything it does not fully understand (help, {@code -v}, an unknown option, a
 * missing value, {@code --no-cache}) makes it step aside so the full command handles the call.
 */
public final class CredentialProcessFastPath {
    /** The subcommand this path serves. */
    public static final String COMMAND = "credential-process";

    private CredentialProcessFastPath() {
    }

    /**
     * @param args the whole command line, starting with {@value #COMMAND}
     * @param out stdout
     * @param env environment lookup
     * @param clock the clock
     * @return true when the answer came from the cache and was printed
     */
    public static boolean serveFromCache(String[] args, PrintStream out, UnaryOperator<String> env, Clock clock) {
        Optional<CredentialProcessRequest> request = parse(args, env);
        if (request.isEmpty()) {
            return false;
        }
        try {
            return LeanCacheHit.serve(request.get().cacheDirectoryName(), request.get().cacheKey().fileStem(),
                    clock.instant().getEpochSecond(), out);
        } catch (RuntimeException e) {
            return false; // let the full command report it properly
        }
    }

    /**
     * Parses the command line for the fast path.
     *
     * @param args the command line, starting with {@value #COMMAND}
     * @param env environment lookup
     * @return the request, or empty when the full command must handle the call
     */
    static Optional<CredentialProcessRequest> parse(String[] args, UnaryOperator<String> env) {
        if (args.length == 0 || !COMMAND.equals(args[0])) {
            return Optional.empty();
        }
        String roleArn = null;
        String serial = null;
        String sessionName = null;
        String duration = null;
        String endpoint = null;
        String profile = null;
        String cacheDir = null;
        for (int i = 1; i < args.length; i++) {
            String arg = args[i];
            String name = arg;
            String value = null;
            int eq = arg.indexOf('=');
            if (arg.startsWith("--") && eq > 0) {
                name = arg.substring(0, eq);
                value = arg.substring(eq + 1);
            }
            switch (name) {
                case "--role-arn":
                case "--serial-number":
                case "--role-session-name":
                case "--duration-seconds":
                case "--endpoint-url":
                case "--region":
                case "--reader":
                case "--profile":
                case "--cache-dir":
                    if (value == null) {
                        if (i + 1 >= args.length) {
                            return Optional.empty();
                        }
                        value = args[++i];
                    }
                    break;
                default:
                    return Optional.empty();
            }
            switch (name) {
                case "--role-arn" -> roleArn = value;
                case "--serial-number" -> serial = value;
                case "--role-session-name" -> sessionName = value;
                case "--duration-seconds" -> duration = value;
                case "--endpoint-url" -> endpoint = value;
                case "--profile" -> profile = value;
                case "--cache-dir" -> cacheDir = value;
                default -> {
                    // --region, --reader: they do not decide the cache entry
                }
            }
        }
        if (roleArn == null || serial == null || roleArn.isEmpty() || serial.isEmpty()) {
            return Optional.empty();
        }
        int durationSeconds = CredentialProcessRequest.DEFAULT_DURATION_SECONDS;
        if (duration != null) {
            try {
                durationSeconds = Integer.parseInt(duration);
            } catch (NumberFormatException e) {
                return Optional.empty(); // the full command reports the bad value
            }
        }
        return Optional.of(new CredentialProcessRequest(roleArn, serial, sessionName, durationSeconds, endpoint,
                profile, cacheDir, env));
    }
}
