package dev.ykmfa.cli;

import dev.ykmfa.cli.aws.AwsSettings;
import dev.ykmfa.cli.command.AddCommand;
import dev.ykmfa.cli.command.AssumeCommand;
import dev.ykmfa.cli.command.CodeCommand;
import dev.ykmfa.cli.command.CredentialProcessCommand;
import dev.ykmfa.cli.command.DeleteCommand;
import dev.ykmfa.cli.command.DemoCommand;
import dev.ykmfa.cli.command.EnrollCommand;
import dev.ykmfa.cli.command.SimCommand;
import dev.ykmfa.cli.command.InfoCommand;
import dev.ykmfa.cli.key.KeyAccess;
import dev.ykmfa.cli.key.KeyConnector;
import dev.ykmfa.cli.key.PcscKeyConnector;
import dev.ykmfa.cli.key.SimulatedKeyConnector;
import dev.ykmfa.sim.SimulatedYubiKey;
import java.nio.file.Paths;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/** The top {@code ykmfa} command: the global options (inherited by every subcommand) and the subcommands. */
@Command(name = "ykmfa", mixinStandardHelpOptions = true, versionProvider = YkmfaCommand.Version.class,
        subcommands = {DemoCommand.class, SimCommand.class, InfoCommand.class, CodeCommand.class, AddCommand.class,
                DeleteCommand.class, EnrollCommand.class,
                AssumeCommand.class, CredentialProcessCommand.class},
        description = {"A YubiKey's OATH-TOTP applet as an AWS IAM virtual MFA device: the AWS Security Blog's "
                + "workflow (an admin enrolls the key, a developer assumes an MFA-protected role with a touch) as "
                + "one command, plus a simulator to try it without a key or an AWS account.", ""},
        footerHeading = "%nExamples:%n",
        footer = {
            "  ykmfa demo                      # the whole blog in-process, on a simulated key and a local AWS",
            "  ykmfa code                      # every code on the key (like ykman oath accounts code)",
            "  ykmfa --reader 'Virtual PCD 00 00' info      # the key of `ykmfa sim` (vpcd)",
            "  ykmfa assume --role-arn arn:aws:iam::123456789012:role/developer-ec2-mfa \\",
            "      --serial-number arn:aws:iam::123456789012:mfa/JohnDoe --profile-out johndoe-developer-role",
            "",
            "Exit codes: 0 ok, 1 AWS or the key refused, 2 usage error."})
public final class YkmfaCommand implements Callable<Integer> {
    /** Environment variable choosing an in-process simulated key instead of PC/SC ("memory" or a state dir). */
    public static final String ENV_SIMULATED_KEY = "YKMFA_SIMULATED_KEY";
    /** The value of {@code --simulated-key}/{@value #ENV_SIMULATED_KEY} for a key that lives only in memory. */
    public static final String SIMULATED_IN_MEMORY = "memory";
    /** The simulated key's state file inside a state directory. */
    public static final String KEY_STATE_FILE = "key.state";

    private final CliContext context;
    private final DebugLog log;

    @Spec
    private CommandSpec spec;

    @Option(names = "--endpoint-url", paramLabel = "URL", scope = ScopeType.INHERIT,
            description = "AWS endpoint (e.g. http://127.0.0.1:4566 for `ykmfa sim`); default: AWS_ENDPOINT_URL, "
                    + "else AWS itself.")
    private String endpointUrl;

    @Option(names = "--region", paramLabel = "REGION", scope = ScopeType.INHERIT,
            description = "AWS region; default: AWS_REGION, AWS_DEFAULT_REGION, the profile's region, us-east-1.")
    private String region;

    @Option(names = "--reader", paramLabel = "NAME", scope = ScopeType.INHERIT,
            description = "PC/SC reader (part of its name); default: the one reader whose name contains 'Yubico'.")
    private String reader;

    @Option(names = "--profile", paramLabel = "PROFILE", scope = ScopeType.INHERIT,
            description = "Profile with the source credentials (long-term keys); default: AWS_ACCESS_KEY_ID/"
                    + "AWS_SECRET_ACCESS_KEY, else AWS_PROFILE, else 'default'.")
    private String profile;

    @Option(names = "--simulated-key", paramLabel = "memory|DIR", arity = "0..1", fallbackValue = SIMULATED_IN_MEMORY,
            hidden = true, scope = ScopeType.INHERIT,
            description = "Use an in-process simulated YubiKey instead of PC/SC: in memory, or persisted in DIR.")
    private String simulatedKey;

    /** @param context streams, environment, clock, key */
    public YkmfaCommand(CliContext context) {
        this.context = context;
        this.log = new DebugLog(context.err());
    }

    @Option(names = {"-v", "--verbose"}, scope = ScopeType.INHERIT,
            description = "Debug lines on stderr (never secrets) and stack traces for errors.")
    void setVerbose(boolean verbose) {
        if (verbose) {
            log.enable();
        }
    }

    @Override
    public Integer call() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a command is missing: choose one of "
                + String.join(", ", spec.subcommands().keySet()));
    }

    /** @return streams, environment, clock, key */
    public CliContext context() {
        return context;
    }

    /** @return the {@code -v} debug log */
    public DebugLog log() {
        return log;
    }

    /** @return endpoint, region and profile from the options and the environment */
    public AwsSettings awsSettings() {
        return AwsSettings.of(endpointUrl, region, profile, context::env);
    }

    /** @return the {@code --endpoint-url} option, or null */
    public String endpointOption() {
        return endpointUrl;
    }

    /** @return the {@code --profile} option, or null */
    public String profileOption() {
        return profile;
    }

    /** @return how commands reach the key: the context's key, a simulated key, or PC/SC */
    public KeyConnector keyConnector() {
        if (context.keyConnector() != null) {
            return context.keyConnector();
        }
        String simulated = simulatedKey != null ? simulatedKey : context.env(ENV_SIMULATED_KEY);
        if (simulated != null && !simulated.isBlank()) {
            if (SIMULATED_IN_MEMORY.equals(simulated)) {
                log.debug(() -> "using an in-memory simulated key");
                return new SimulatedKeyConnector(SimulatedYubiKey.create());
            }
            SimulatedYubiKey key = SimulatedYubiKey.builder().stateFile(Paths.get(simulated, KEY_STATE_FILE)).build();
            log.debug(() -> "using a simulated key with its state in " + simulated);
            return new SimulatedKeyConnector(key);
        }
        return new PcscKeyConnector(reader);
    }

    /** @return key access (connection, unlock with prompt or YKMFA_OATH_PASSWORD) */
    public KeyAccess keyAccess() {
        return new KeyAccess(keyConnector(), context.interaction(), context::env, log);
    }

    /** Reports the version from the jar manifest. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = YkmfaCommand.class.getPackage().getImplementationVersion();
            return new String[] {"ykmfa " + (v == null ? "(development build)" : v)};
        }
    }
}
