package dev.ykmfa.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ykmfa.sim.SimulatedYubiKey;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The simulated key's state survives a restart: each run below builds a fresh key from the state directory. */
class SimulatedKeyStateTest {
    private static final String RFC_SEED = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";
    private static final Clock AT_59 = Clock.fixed(Instant.ofEpochSecond(59), ZoneOffset.UTC);

    @TempDir
    Path state;

    private CliRunner.Result run(String... args) {
        return new CliRunner().clock(AT_59).env("YKMFA_SIMULATED_KEY", state.toString()).run(args);
    }

    @Test
    void addedCredential_isThereAfterARestart() throws Exception {
        assertEquals(0, run("add", "alice", RFC_SEED).exit);
        CliRunner.Result code = run("code", "alice");
        assertEquals(0, code.exit, code::toString);
        assertEquals("alice  287082\n", code.out);
        assertTrue(Files.isRegularFile(state.resolve(YkmfaCommand.KEY_STATE_FILE)));
    }

    @Test
    void deleteAndPassword_areReplayed() {
        assertEquals(0, run("add", "alice", RFC_SEED).exit);
        assertEquals(0, run("add", "bob", RFC_SEED).exit);
        assertEquals(0, run("delete", "alice").exit);
        try (SimulatedYubiKey key = SimulatedYubiKey.builder().stateFile(state.resolve(YkmfaCommand.KEY_STATE_FILE))
                .build();
             dev.ykmfa.protocol.ykoath.OathSession s = dev.ykmfa.protocol.ykoath.OathSession.open(key)) {
            s.setPassword("pw".toCharArray());
        }
        CliRunner.Result locked = run("code");
        assertEquals(1, locked.exit, "the password came back: " + locked);
        CliRunner.Result unlocked = new CliRunner().clock(AT_59).env("YKMFA_SIMULATED_KEY", state.toString())
                .env("YKMFA_OATH_PASSWORD", "pw").run("code");
        assertEquals(0, unlocked.exit, unlocked::toString);
        assertTrue(unlocked.out.contains("bob"), unlocked::toString);
        assertFalse(unlocked.out.contains("alice"), unlocked::toString);
    }

    @Test
    void hiddenOption_inMemory_startsEmptyEachTime() {
        assertEquals(0, new CliRunner().run("--simulated-key", "add", "alice", RFC_SEED).exit);
        CliRunner.Result code = new CliRunner().run("--simulated-key", "code");
        assertEquals(0, code.exit, code::toString);
        assertEquals("", code.out);
    }
}
