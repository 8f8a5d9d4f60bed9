package dev.ykmfa.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ykmfa.sim.SimulatedYubiKey;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class UsageTest {
    private final CliRunner cli = new CliRunner().key(SimulatedYubiKey.create());

    private static void assertUsageError(CliRunner.Result r, String expected) {
        assertEquals(2, r.exit, r::toString);
        assertEquals("", r.out, "nothing on stdout for a usage error");
        assertEquals(1, r.err.lines().count(), () -> "one line: " + r);
        assertTrue(r.err.startsWith("ykmfa: error: "), r::toString);
        assertTrue(r.err.contains(expected), () -> "expected '" + expected + "' in " + r);
    }

    @Test
    void noCommand_isAUsageError() {
        assertUsageError(cli.run(), "a command is missing");
    }

    @Test
    void unknownOption_namesItAndTheHelp() {
        assertUsageError(cli.run("code", "--bogus"), "Unknown option: '--bogus' (see 'ykmfa code --help')");
    }

    @Test
    void unknownCommand_isAUsageError() {
        assertUsageError(cli.run("enrol"), "Unmatched argument at index 0: 'enrol'");
    }

    @Test
    void assume_withoutRequiredOptions_isAUsageError() {
        assertUsageError(cli.run("assume", "--role-arn", "arn:aws:iam::123456789012:role/r"),
                "Missing required option: '--serial-number=ARN'");
    }

    @Test
    void assume_roleArnThatIsNoArn_isAUsageError() {
        assertUsageError(cli.run("assume", "--role-arn", "developer-ec2-mfa", "--serial-number",
                "arn:aws:iam::123456789012:mfa/JohnDoe"), "--role-arn must be an ARN");
    }

    @Test
    void credentialProcess_durationOutOfRange_isAUsageError() {
        assertUsageError(cli.run("credential-process", "--no-cache", "--role-arn",
                "arn:aws:iam::123456789012:role/r", "--serial-number", "arn:aws:iam::123456789012:mfa/u",
                "--duration-seconds", "100"), "between 900 and 43200");
    }

    @Test
    void endpointUrlThatIsNoUrl_isAUsageError() {
        assertUsageError(cli.run("--endpoint-url", "localhost:4566", "assume", "--role-arn",
                "arn:aws:iam::123456789012:role/r", "--serial-number", "arn:aws:iam::123456789012:mfa/u"),
                "--endpoint-url must be an http:// or https:// URL");
    }

    @Test
    void nonNumericOptionValue_isAUsageError() {
        assertUsageError(cli.run("add", "--digits", "six", "alice", "GEZDGNBVGY3TQOJQ"), "--digits");
    }

    @Test
    void sim_withNothingToServe_isAUsageError() {
        assertUsageError(cli.run("sim", "--no-key", "--no-aws"), "leave nothing to serve");
    }

    @Test
    void codeSingle_withoutName_isAUsageError() {
        assertUsageError(cli.run("code", "-s"), "--single needs a NAME");
    }

    @Test
    void globalOptions_workAfterTheSubcommandToo() {
        CliRunner.Result r = cli.run("info", "--reader", "ignored-with-an-in-process-key", "-v");
        assertEquals(0, r.exit, r::toString);
        assertTrue(r.err.contains("ykmfa: debug: selected OATH 5.4.3"), r::toString);
    }

    @Test
    void verbose_addsTheStackTraceToTheOneLineError() {
        CliRunner.Result r = cli.run("-v", "delete", "ghost");
        assertEquals(1, r.exit, r::toString);
        assertTrue(r.err.contains("\tat dev.ykmfa.cli.command.DeleteCommand.call"), r::toString);
        assertTrue(r.err.lines().anyMatch(l -> l.startsWith("ykmfa: error: no credential on the key matches")),
                r::toString);
    }

    @ParameterizedTest
    @ValueSource(strings = {"demo", "sim", "info", "code", "add", "delete", "enroll", "assume",
        "credential-process"})
    void everyCommand_hasHelpWithExamples(String command) {
        CliRunner.Result r = cli.run(command, "--help");
        assertEquals(0, r.exit, r::toString);
        assertTrue(r.out.startsWith("Usage: ykmfa " + command), r::toString);
        assertTrue(r.out.contains("Examples:"), r::toString);
        assertTrue(r.out.contains("ykmfa"), r::toString);
    }

    @Test
    void topHelp_listsTheCommandsAndTheExitCodes() {
        CliRunner.Result r = cli.run("--help");
        assertEquals(0, r.exit, r::toString);
        for (String c : new String[] {"demo", "sim", "info", "code", "add", "delete", "enroll", "assume",
            "credential-process", "Exit codes: 0 ok, 1 AWS or the key refused, 2 usage error."}) {
            assertTrue(r.out.contains(c), c);
        }
    }
}
