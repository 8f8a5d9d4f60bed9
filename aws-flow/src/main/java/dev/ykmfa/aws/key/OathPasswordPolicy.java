package dev.ykmfa.aws.key;

import dev.ykmfa.aws.UserInteraction;
import dev.ykmfa.protocol.ykoath.OathSession;
import dev.ykmfa.protocol.ykoath.WrongPasswordException;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * How a password-protected OATH applet gets unlocked: prompt on the terminal when someone can answer (through
 * {@link UserInteraction#promptSecret}), otherwise the environment variable {@code YKMFA_OATH_PASSWORD}, otherwise
 * fail fast with a clear error — never wait for input that cannot come.
 */
public final class OathPasswordPolicy {
    /** The environment variable holding the OATH password for non-interactive use. */
    public static final String ENV_PASSWORD = "YKMFA_OATH_PASSWORD";

    private final UserInteraction interaction;
    private final UnaryOperator<String> environment;

    private OathPasswordPolicy(UserInteraction interaction, UnaryOperator<String> environment) {
        this.interaction = Objects.requireNonNull(interaction, "interaction");
        this.environment = Objects.requireNonNull(environment, "environment");
    }

    /**
     * @param interaction the prompt port
     * @param environment environment lookup, e.g. {@code System::getenv}
     * @return the policy
     */
    public static OathPasswordPolicy of(UserInteraction interaction, UnaryOperator<String> environment) {
        return new OathPasswordPolicy(interaction, environment);
    }

    /**
     * Unlocks {@code session} if it is locked; does nothing otherwise.
     *
     * @param session the open session
     * @throws OathPasswordRequiredException when no password can be obtained, or the one given is wrong
     */
    public void unlock(OathSession session) {
        if (!session.isLocked()) {
            return;
        }
        char[] password = obtain();
        try {
            session.validate(password);
        } catch (WrongPasswordException e) {
            throw new OathPasswordRequiredException("The OATH password was refused by the YubiKey: check it (or "
                    + ENV_PASSWORD + ") and retry.", e);
        } finally {
            Arrays.fill(password, '\0');
        }
    }

    /**
     * The password by the policy's order.
     *
     * @return the password; the caller clears it
     * @throws OathPasswordRequiredException when neither a prompt nor the environment can provide it
     */
    public char[] obtain() {
        Optional<char[]> typed = interaction.promptSecret("OATH password for the YubiKey: ");
        if (typed.isPresent()) {
            return typed.get();
        }
        String fromEnvironment = environment.apply(ENV_PASSWORD);
        if (fromEnvironment != null && !fromEnvironment.isEmpty()) {
            return fromEnvironment.toCharArray();
        }
        throw new OathPasswordRequiredException("The YubiKey's OATH applet is password-protected and there is no "
                + "terminal to ask: set " + ENV_PASSWORD + " or run interactively.", null);
    }

    @Override
    public String toString() {
        return "OathPasswordPolicy{prompt, then " + ENV_PASSWORD + "}";
    }
}
