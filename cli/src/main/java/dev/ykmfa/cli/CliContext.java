package dev.ykmfa.cli;

import dev.ykmfa.aws.UserInteraction;
import dev.ykmfa.cli.key.KeyConnector;
import java.io.PrintStream;
import java.time.Clock;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/**
 * Everything a command reads from its surroundings, so that tests can run {@code ykmfa} in-process: the output
 * streams, the environment, the clock, how to talk to the person (prompts on the terminal) and, optionally, the key
 * to use instead of a PC/SC reader.
 */
public final class CliContext {
    private final PrintStream out;
    private final PrintStream err;
    private final Map<String, String> env;
    private final Clock clock;
    private final UserInteraction interaction;
    private final KeyConnector keyConnector;
    private final CompletableFuture<Void> stopSignal;

    private CliContext(Builder b) {
        this.out = Objects.requireNonNull(b.out, "out");
        this.err = Objects.requireNonNull(b.err, "err");
        this.env = Map.copyOf(b.env);
        this.clock = b.clock;
        this.interaction = b.interaction != null ? b.interaction : UserInteraction.terminal(err, null);
        this.keyConnector = b.keyConnector;
        this.stopSignal = b.stopSignal;
    }

    /** @return a builder with the system clock, an empty environment and no terminal */
    public static Builder builder() {
        return new Builder();
    }

    /** @return the real process: System.out/err, the process environment, the system clock, the console */
    public static CliContext system() {
        return builder().out(System.out).err(System.err).env(System.getenv())
                .interaction(TerminalInteraction.create(System.err)).build();
    }

    /** @return stdout: command results only */
    public PrintStream out() {
        return out;
    }

    /** @return stderr: errors, prompts, notices, debug lines */
    public PrintStream err() {
        return err;
    }

    /**
     * @param name an environment variable
     * @return its value, or null
     */
    public String env(String name) {
        return env.get(name);
    }

    /** @return the environment */
    public Map<String, String> environment() {
        return env;
    }

    /** @return the clock deciding TOTP steps and cache freshness */
    public Clock clock() {
        return clock;
    }

    /** @return notices ("Touch your YubiKey…") and secret prompts */
    public UserInteraction interaction() {
        return interaction;
    }

    /** @return the key to use instead of a PC/SC reader (tests), or null */
    public KeyConnector keyConnector() {
        return keyConnector;
    }

    /**
     * @return what ends a long-running command ({@code ykmfa sim}) in tests; null in the real process, where
     *     SIGINT/SIGTERM do
     */
    public CompletableFuture<Void> stopSignal() {
        return stopSignal;
    }

    /** Builds a {@link CliContext}. */
    public static final class Builder {
        private PrintStream out = System.out;
        private PrintStream err = System.err;
        private Map<String, String> env = Map.of();
        private Clock clock = Clock.systemUTC();
        private UserInteraction interaction;
        private KeyConnector keyConnector;
        private CompletableFuture<Void> stopSignal;

        private Builder() {
        }

        /** @param out stdout (default System.out) @return this */
        public Builder out(PrintStream out) {
            this.out = out;
            return this;
        }

        /** @param err stderr (default System.err) @return this */
        public Builder err(PrintStream err) {
            this.err = err;
            return this;
        }

        /** @param env the environment (default empty) @return this */
        public Builder env(Map<String, String> env) {
            this.env = Objects.requireNonNull(env, "env");
            return this;
        }

        /** @param clock the clock (default system UTC) @return this */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** @param interaction prompts and notices (default: notices on err, no prompts) @return this */
        public Builder interaction(UserInteraction interaction) {
            this.interaction = interaction;
            return this;
        }

        /** @param keyConnector the key to use instead of PC/SC (default none) @return this */
        public Builder keyConnector(KeyConnector keyConnector) {
            this.keyConnector = keyConnector;
            return this;
        }

        /** @param stopSignal completes to stop {@code ykmfa sim} (default none: SIGINT/SIGTERM) @return this */
        public Builder stopSignal(CompletableFuture<Void> stopSignal) {
            this.stopSignal = stopSignal;
            return this;
        }

        /** @return the context */
        public CliContext build() {
            return new CliContext(this);
        }
    }
}
