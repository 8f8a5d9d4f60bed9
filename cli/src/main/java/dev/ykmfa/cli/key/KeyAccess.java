package dev.ykmfa.cli.key;

import dev.ykmfa.aws.UserInteraction;
import dev.ykmfa.aws.key.OathPasswordPolicy;
import dev.ykmfa.cli.DebugLog;
import dev.ykmfa.protocol.ykoath.OathSession;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * Opens an OATH session on the key and unlocks it when the applet is password-protected. The password comes from a
 * prompt on the terminal when there is one, else from {@value #ENV_PASSWORD}; when neither is possible the command
 * fails at once with a clear error (it never waits for input nobody can give).
 */
public final class KeyAccess {
    /** Environment variable holding the OATH password for non-interactive use. */
    public static final String ENV_PASSWORD = OathPasswordPolicy.ENV_PASSWORD;

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
     * Unlocks the session when the applet has a password, with aws-flow's {@link OathPasswordPolicy}: a prompt when
     * someone can answer it (a terminal), else {@value #ENV_PASSWORD}, else a clear error at once.
     *
     * @param key the open key
     */
    public void unlock(OpenKey key) {
        if (!key.session().isLocked()) {
            return;
        }
        OathPasswordPolicy.of(interaction, env).unlock(key.session());
        log.debug(() -> "OATH applet unlocked");
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
