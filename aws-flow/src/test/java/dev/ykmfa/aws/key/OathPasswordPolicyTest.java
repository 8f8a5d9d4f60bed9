package dev.ykmfa.aws.key;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ykmfa.aws.UserInteraction;
import dev.ykmfa.protocol.ykoath.OathSession;
import dev.ykmfa.sim.SimulatedYubiKey;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class OathPasswordPolicyTest {
    private static UserInteraction answering(String password) {
        return new UserInteraction() {
            @Override
            public void notice(String message) {
            }

            @Override
            public Optional<char[]> promptSecret(String prompt) {
                return Optional.ofNullable(password).map(String::toCharArray);
            }
        };
    }

    private static void withLockedKey(java.util.function.Consumer<OathSession> test) {
        try (SimulatedYubiKey sim = SimulatedYubiKey.create()) {
            OathSession setup = OathSession.open(sim);
            setup.setPassword("hunter2".toCharArray());
            sim.powerCycle();
            OathSession session = OathSession.open(sim);
            test.accept(session);
        }
    }

    @Test
    void unlock_promptsWhenInteractive() {
        withLockedKey(session -> {
            assertTrue(session.isLocked());
            OathPasswordPolicy.of(answering("hunter2"), name -> null).unlock(session);
            assertFalse(session.isLocked());
        });
    }

    @Test
    void unlock_usesTheEnvironmentWithoutATerminal() {
        withLockedKey(session -> {
            OathPasswordPolicy.of(UserInteraction.silent(),
                    name -> name.equals(OathPasswordPolicy.ENV_PASSWORD) ? "hunter2" : null).unlock(session);
            assertFalse(session.isLocked());
        });
    }

    @Test
    void unlock_withNeither_failsFastNamingTheVariable() {
        withLockedKey(session -> {
            OathPasswordRequiredException e = assertThrows(OathPasswordRequiredException.class,
                    () -> OathPasswordPolicy.of(UserInteraction.silent(), name -> null).unlock(session));
            assertTrue(e.getMessage().contains(OathPasswordPolicy.ENV_PASSWORD), e.getMessage());
        });
    }

    @Test
    void unlock_wrongPassword_isAClearErrorWithoutThePassword() {
        withLockedKey(session -> {
            OathPasswordRequiredException e = assertThrows(OathPasswordRequiredException.class,
                    () -> OathPasswordPolicy.of(answering("wrong-one"), name -> null).unlock(session));
            assertFalse(e.getMessage().contains("wrong-one"));
            assertTrue(e.getMessage().contains("refused"), e.getMessage());
        });
    }
}
