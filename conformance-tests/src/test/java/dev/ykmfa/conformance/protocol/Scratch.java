package dev.ykmfa.conformance.protocol;

import dev.ykmfa.conformance.key.KeyUnderTest;
import dev.ykmfa.protocol.ykoath.Credential;
import dev.ykmfa.protocol.ykoath.CredentialId;
import dev.ykmfa.protocol.ykoath.OathSession;
import dev.ykmfa.protocol.ykoath.OathType;
import java.util.List;

/**
 * One test's session on the key, and its clean-up: on {@link #close()} every credential under
 * {@value KeyUnderTest#CREDENTIAL_PREFIX} is deleted (also after a failure, via try-with-resources) — and nothing
 * else.
 */
public final class Scratch implements AutoCloseable {
    private final KeyUnderTest key;
    private OathSession session;

    /** @param key the key under test */
    public Scratch(KeyUnderTest key) {
        this.key = key;
        this.session = key.open();
    }

    /** @return the open session */
    public OathSession session() {
        return session;
    }

    /** Closes this test's session so that another one may hold the reader (PC/SC access is exclusive). */
    public void suspend() {
        session.close();
    }

    /** Opens the session again after {@link #suspend()}. */
    public void resume() {
        session = key.open();
    }

    /** Power-cycles the key and opens a new session (unlocked with the configured password). */
    public void reconnect() {
        session.close();
        key.powerCycle();
        session = key.open();
    }

    /**
     * @param base short name
     * @param type TOTP or HOTP
     * @param period TOTP period (ignored for HOTP)
     * @return an id under the suite's prefix
     */
    public CredentialId id(String base, OathType type, int period) {
        return CredentialId.of(null, key.credentialName(base), type, type == OathType.TOTP ? period
                : CredentialId.NO_PERIOD);
    }

    /** @return the credentials of this suite now on the key */
    public List<Credential> ours() {
        return session.list().stream().filter(Scratch::isOurs).toList();
    }

    /**
     * @param c a listed credential
     * @return whether the suite created it
     */
    public static boolean isOurs(Credential c) {
        return c.id().issuer() == null && c.id().name().startsWith(KeyUnderTest.CREDENTIAL_PREFIX);
    }

    @Override
    public void close() {
        try {
            session.close();
            OathSession cleaner = key.open();
            try {
                for (Credential c : cleaner.list()) {
                    if (isOurs(c)) {
                        cleaner.delete(c.id());
                    }
                }
            } finally {
                cleaner.close();
            }
        } catch (RuntimeException e) {
            throw new IllegalStateException("could not delete the suite's credentials (names under "
                    + KeyUnderTest.CREDENTIAL_PREFIX + ") from " + key.description() + ": " + e.getMessage()
                    + "; delete them with ykman oath accounts delete", e);
        }
    }
}
