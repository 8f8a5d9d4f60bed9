package dev.ykmfa.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ykmfa.cli.key.SimulatedKeyConnector;
import dev.ykmfa.sim.SimulatedYubiKey;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine.Command;

class KeyCommandFastPathTest {
    /** RFC 6238 appendix B: the SHA-1 seed "12345678901234567890" in Base32. */
    private static final String RFC_SEED = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";
    /** RFC 6238 vector at T = 59 s cut to 6 digits. */
    private static final String CODE_AT_59 = "287082";
    private static final Clock AT_59 = Clock.fixed(Instant.ofEpochSecond(59), ZoneOffset.UTC);

    private final SimulatedYubiKey key = SimulatedYubiKey.create();
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final CliContext context = CliContext.builder()
            .out(new PrintStream(out, true, StandardCharsets.UTF_8))
            .err(new PrintStream(err, true, StandardCharsets.UTF_8))
            .env(Map.of()).clock(AT_59).keyConnector(new SimulatedKeyConnector(key)).build();

    private int fast(String... args) {
        return KeyCommandFastPath.run(args, context);
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void codeSingle_withGlobalOptionsBeforeAndAfter_printsTheCode() {
        assertEquals(0, Main.run(new String[] {"add", "arn:aws:iam::123456789012:mfa/JohnDoe", RFC_SEED}, context));
        out.reset();
        assertEquals(0, fast("--reader", "Virtual PCD 00 00", "code", "-s", "JohnDoe", "--region=us-east-1"));
        assertEquals(CODE_AT_59 + "\n", out());
        assertEquals("", err());
    }

    @Test
    void info_isServed() {
        assertEquals(0, fast("info", "--reader=Yubico"));
        assertTrue(out().contains("Credentials:         0"), this::out);
    }

    @Test
    void code_failure_isOneErrorLineWithTheCommandsExitCode() {
        assertEquals(ExitCodes.REFUSED, fast("code", "nobody"));
        assertEquals("", out());
        assertEquals("ykmfa: error: no credential on the key matches 'nobody': `ykmfa code` lists them all\n", err());
    }

    @Test
    void codeSingle_withoutName_isAUsageError() {
        assertEquals(ExitCodes.USAGE, fast("code", "--single"));
        assertTrue(err().startsWith("ykmfa: error: --single needs a NAME"), this::err);
    }

    @ParameterizedTest
    @ValueSource(strings = {"code --help", "code -h", "-V code", "code --bogus", "code -sv x", "code a b",
        "code --reader", "code --reader -v", "--simulated-key code", "code -- x", "add alice X", "info -s", "",
        "enrol", "-v",
        "--region code info"})
    void commandLinesItDoesNotFullyUnderstand_areLeftToPicocli(String line) {
        String[] args = line.isEmpty() ? new String[0] : line.split(" ");
        assertEquals(KeyCommandFastPath.NOT_HANDLED, fast(args));
        assertEquals("", out());
        assertEquals("", err());
    }

    @Test
    void invokedSubcommand_isTheFirstArgumentThatNamesOne() {
        assertEquals("code", Subcommands.invoked(new String[] {"--reader", "x", "code", "info"}));
        assertNull(Subcommands.invoked(new String[] {"--help"}));
        assertNull(Subcommands.invoked(new String[] {"--", "code"}));
    }

    @Test
    void everySubcommandName_isItsCommandsOwnName() {
        for (String name : Subcommands.NAMES) {
            assertEquals(name, Subcommands.commandClass(name).getAnnotation(Command.class).name());
        }
    }

    @Test
    void topLevelHelp_stillListsEverySubcommand() {
        CliRunner.Result help = new CliRunner().run("--help");
        assertEquals(0, help.exit, help::toString);
        for (String name : Subcommands.NAMES) {
            assertTrue(help.out.contains("  " + name + " "), () -> name + " missing in " + help);
        }
    }
}
