package dev.ykmfa.cli.key;

import dev.ykmfa.aws.UserInteraction;
import dev.ykmfa.cli.CliException;
import dev.ykmfa.cli.DebugLog;
import dev.ykmfa.protocol.ykoath.OathSession;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Opens an OATH session on the key and unlocks it when the applet is password-protected. The password comes from
 * {@value #ENV_PASSWORD} when set, else from a prompt on the terminal; when neither is possible the command fails at
 * once with a clear error (it never waits for input nobody can give).
 */
public final class KeyAccess {
    /** Environment variable holding the OATH password for non-interactive use. */
    public static final String ENV_PASSWORD = "YKMFA_OATH_PASSWORD";

    private final KeyConnector connector;
    private final UserInteraction interaction;
    private final UnaryOperator<String> env;
    private final DebugLog log;

    /**
     * @param connector how to reach the key
     * @param interaction prompts
     * @param env environment lookup
     * @param log debug lines
     */
    public KeyAccess(KeyConnector connector, UserInteraction interaction, UnaryOperator<String> env, DebugLog log) {
        this.connector = Objects.requireNonNull(connector, "connector");
        this.interaction = Objects.requireNonNull(interaction, "interaction");
        this.env = Objects.requireNonNull(env, "env");
        this.log = Objects.requireNonNull(log, "log");
    }

    /** @return the connector */
    public KeyConnector connector() {
        return connector;
    }

    /** @return prompts and notices */
    public UserInteraction interaction() {
        return interaction;
    }

    /**
     * Connects, selects OATH and unlocks when needed.
     *
     * @return the open key; close it
     */
    public OpenKey openUnlocked() {
        OpenKey key = open();
        try {
            unlock(key);
            return key;
        } catch (RuntimeException e) {
            key.close();
            throw e;
        }
    }

    /**
     * Connects and selects OATH, without unlocking.
     *
     * @return the open key; close it
     */
    public OpenKey open() {
        KeyConnector.KeyConnection connection = connector.connect();
        long start = System.nanoTime();
        OathSession session;
        try {
            session = OathSession.open(connection.transport());
        } catch (RuntimeException e) {
            connection.transport().close();
            throw e;
        }
        log.debug(() -> "selected OATH " + session.info().version() + " on '" + connection.readerName() + "' in "
                + (System.nanoTime() - start) / 1000 + " µs; password protected: " + session.info().passwordProtected());
        return new OpenKey(session, connection.readerName());
    }

    /**
     * Unlocks the session when the applet has a password.
     *
     * @param key the open key
     */
    public void unlock(OpenKey key) {
        if (!key.session().isLocked()) {
            return;
        }
        char[] password = password(key.readerName()).orElseThrow(() -> new CliException("the OATH applet on '"
                + key.readerName() + "' is password-protected: set " + ENV_PASSWORD
                + " or run ykmfa in a terminal to be asked for the password"));
        try {
            key.session().validate(password);
            log.debug(() -> "OATH applet unlocked");
        } finally {
            Arrays.fill(password, '\0');
        }
    }

    /**
     * @param readerName for the prompt
     * @return the password from the environment or the terminal, if any
     */
    public Optional<char[]> password(String readerName) {
        String fromEnv = env.apply(ENV_PASSWORD);
        if (fromEnv != null && !fromEnv.isEmpty()) {
            log.debug(() -> "OATH password taken from " + ENV_PASSWORD);
            return Optional.of(fromEnv.toCharArray());
        }
        return interaction.promptSecret("OATH password for the key in '" + readerName + "': ");
    }

    /** An open OATH session and the reader it is in. */
    public static final class OpenKey implements AutoCloseable {
        private final OathSession session;
        private final String readerName;

        OpenKey(OathSession session, String readerName) {
            this.session = session;
            this.readerName = readerName;
        }

        /** @return the session */
        public OathSession session() {
            return session;
        }

        /** @return the reader's name */
        public String readerName() {
            return readerName;
        }

        @Override
        public void close() {
            session.close();
        }
    }
}
