package dev.ykmfa.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ykmfa.protocol.otp.Base32;
import dev.ykmfa.protocol.otp.Totp;
import dev.ykmfa.protocol.ykoath.OathSession;
import dev.ykmfa.sim.SimulatedYubiKey;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class KeyCommandsTest {
    /** RFC 6238 appendix B: the SHA-1 seed "12345678901234567890" in Base32. */
    private static final String RFC_SEED = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";
    /** RFC 6238 vector at T = 59 s (SHA-1, 8 digits 94287082) cut to 6 digits. */
    private static final String CODE_AT_59 = "287082";
    private static final Clock AT_59 = Clock.fixed(Instant.ofEpochSecond(59), ZoneOffset.UTC);

    private final AtomicInteger touches = new AtomicInteger();
    private final SimulatedYubiKey key = SimulatedYubiKey.builder()
            .touchPolicy(() -> {
                touches.incrementAndGet();
                return true;
            }).build();
    private final CliRunner cli = new CliRunner().key(key).clock(AT_59);

    @Test
    void add_thenCodeByName_printsTheRfcCode() {
        CliRunner.Result add = cli.run("add", "alice", RFC_SEED);
        assertEquals(0, add.exit, add::toString);
        assertTrue(add.out.contains("Added 'alice' (TOTP, SHA1, 6 digits, 30 s period)"), add::toString);

        CliRunner.Result code = cli.run("code", "alice");
        assertEquals(0, code.exit, code::toString);
        assertEquals("alice  " + CODE_AT_59 + "\n", code.out);
    }

    @Test
    void code_single_printsOnlyTheCode() {
        cli.run("add", "arn:aws:iam::123456789012:mfa/JohnDoe", RFC_SEED);
        CliRunner.Result code = cli.run("code", "-s", "JohnDoe");
        assertEquals(0, code.exit, code::toString);
        assertEquals(CODE_AT_59 + "\n", code.out);
    }

    @Test
    void code_withoutName_listsEveryCredentialWithTouchAndHotpMarks() {
        cli.run("add", "alice", RFC_SEED);
        cli.run("add", "--touch", "bob", RFC_SEED);
        cli.run("add", "--oath-type", "HOTP", "carol", RFC_SEED);
        CliRunner.Result code = cli.run("code");
        assertEquals(0, code.exit, code::toString);
        assertTrue(code.out.contains("alice  " + CODE_AT_59), code::toString);
        assertTrue(code.out.contains("bob    [Requires Touch]"), code::toString);
        assertTrue(code.out.contains("carol  [HOTP Account]"), code::toString);
        assertEquals(0, touches.get(), "listing must not ask for a touch");
    }

    @Test
    void code_singleTouchCredential_promptsOnStderrAndCalculates() {
        cli.run("add", "--touch", "bob", RFC_SEED);
        CliRunner.Result code = cli.run("code", "bob");
        assertEquals(0, code.exit, code::toString);
        assertEquals("bob  " + CODE_AT_59 + "\n", code.out);
        assertTrue(code.err.contains("Touch your YubiKey"), code::toString);
        assertEquals(1, touches.get());
    }

    @Test
    void code_noMatch_exits1WithOneLine() {
        CliRunner.Result code = cli.run("code", "nobody");
        assertEquals(1, code.exit, code::toString);
        assertOneErrorLine(code, "no credential on the key matches 'nobody'");
    }

    @Test
    void add_existingName_isRefusedUnlessForced() {
        cli.run("add", "alice", RFC_SEED);
        CliRunner.Result again = cli.run("add", "alice", "JBSWY3DPEHPK3PXP");
        assertEquals(1, again.exit, again::toString);
        assertOneErrorLine(again, "already holds a credential named 'alice'");
        assertEquals("alice  " + CODE_AT_59 + "\n", cli.run("code", "alice").out, "the credential was kept");

        CliRunner.Result forced = cli.run("add", "--force", "alice", "JBSWY3DPEHPK3PXP");
        assertEquals(0, forced.exit, forced::toString);
        assertTrue(forced.out.startsWith("Replaced 'alice'"), forced::toString);
        assertFalse(cli.run("code", "alice").out.contains(CODE_AT_59), "the new seed gives another code");
    }

    @Test
    void add_seedTypedInGroupsWithoutQuotes_programsTheJoinedSeed() {
        CliRunner.Result add = cli.run("add", "grouped", "JBSW", "Y3DP", "EHPK", "3PXP");
        assertEquals(0, add.exit, add::toString);
        assertFalse(add.err.contains("Y3DP"), add::toString);

        String expected = Totp.builder(Base32.decode("JBSWY3DPEHPK3PXP")).build()
                .generateString(Instant.ofEpochSecond(59));
        CliRunner.Result code = cli.run("code", "-s", "grouped");
        assertEquals(0, code.exit, code::toString);
        assertEquals(expected + "\n", code.out);
    }

    @ParameterizedTest
    @ValueSource(strings = {"add alice --bogus JBSW Y3DP EHPK 3PXP", "add --digits JBSWY3DP alice EHPK3PXP",
        "-v add alice --bogus JBSW Y3DP EHPK 3PXP", "add alice -JBSW Y3DP EHPK 3PXP", "add --period=Y3DP alice"})
    void add_usageError_echoesNoPartOfTheSeed(String commandLine) {
        CliRunner.Result add = cli.run(commandLine.split(" "));
        assertEquals(2, add.exit, add::toString);
        assertTrue(add.err.startsWith("ykmfa: error: "), add::toString);
        assertTrue(add.err.contains("not shown"), add::toString);
        for (String fragment : new String[] {"JBSW", "Y3DP", "EHPK", "3PXP"}) {
            assertFalse(add.out.contains(fragment) || add.err.contains(fragment),
                    () -> "seed fragment " + fragment + " echoed: " + add);
        }
    }

    @Test
    void add_badBase32_isAUsageErrorThatDoesNotEchoTheSecret() {
        CliRunner.Result add = cli.run("add", "alice", "NOT-BASE32-1890!");
        assertEquals(2, add.exit, add::toString);
        assertOneErrorLine(add, "SECRET is not valid Base32");
        assertFalse(add.err.contains("1890"), "the secret must not be echoed: " + add.err);
    }

    @Test
    void add_nameOver64Bytes_isAUsageError() {
        String longName = "arn:aws:iam::123456789012:mfa/" + "x".repeat(40);
        CliRunner.Result add = cli.run("add", longName, RFC_SEED);
        assertEquals(2, add.exit, add::toString);
        assertOneErrorLine(add, "at most 64");
    }

    @Test
    void add_algorithmDigitsPeriod_areProgrammed() {
        CliRunner.Result add = cli.run("add", "--algorithm", "SHA256", "--digits", "8", "--period", "60", "wide",
                RFC_SEED);
        assertEquals(0, add.exit, add::toString);
        assertTrue(add.out.contains("(TOTP, SHA256, 8 digits, 60 s period)"), add::toString);
        CliRunner.Result code = cli.run("code", "-s", "wide");
        assertEquals(0, code.exit, code::toString);
        assertEquals(9, code.out.length(), "8 digits and a newline: " + code.out);
    }

    @Test
    void delete_removesTheCredential() {
        cli.run("add", "alice", RFC_SEED);
        cli.run("add", "bob", RFC_SEED);
        CliRunner.Result delete = cli.run("delete", "alice");
        assertEquals(0, delete.exit, delete::toString);
        assertTrue(delete.out.startsWith("Deleted 'alice'"), delete::toString);
        CliRunner.Result code = cli.run("code");
        assertFalse(code.out.contains("alice"), code::toString);
        assertTrue(code.out.contains("bob"), code::toString);
    }

    @Test
    void delete_ambiguousName_isAUsageErrorListingTheMatches() {
        cli.run("add", "alice-work", RFC_SEED);
        cli.run("add", "alice-home", RFC_SEED);
        CliRunner.Result delete = cli.run("delete", "alice");
        assertEquals(2, delete.exit, delete::toString);
        assertOneErrorLine(delete, "'alice-work'");
        assertEquals(2, cli.run("code").out.lines().count(), "nothing was deleted");
    }

    @Test
    void delete_unknownName_exits1() {
        CliRunner.Result delete = cli.run("delete", "ghost");
        assertEquals(1, delete.exit, delete::toString);
        assertOneErrorLine(delete, "no credential on the key matches 'ghost'");
    }

    @Test
    void info_showsVersionPasswordStateAndCount() {
        cli.run("add", "alice", RFC_SEED);
        CliRunner.Result info = cli.run("info");
        assertEquals(0, info.exit, info::toString);
        assertTrue(info.out.contains("OATH version:        5.4.3"), info::toString);
        assertTrue(info.out.contains("Password protection: disabled"), info::toString);
        assertTrue(info.out.contains("Credentials:         1"), info::toString);
    }

    @Test
    void code_whenPasswordSetAndNoPasswordAvailable_failsFastWithTheFix() {
        cli.run("add", "alice", RFC_SEED);
        setPassword("s3cret");
        CliRunner.Result code = cli.run("code");
        assertEquals(1, code.exit, code::toString);
        assertOneErrorLine(code, "password-protected and there is no terminal to ask: set YKMFA_OATH_PASSWORD");
    }

    @Test
    void code_whenPasswordSet_usesYkmfaOathPassword() {
        cli.run("add", "alice", RFC_SEED);
        setPassword("s3cret");
        CliRunner.Result code = cli.env("YKMFA_OATH_PASSWORD", "s3cret").run("code", "alice");
        assertEquals(0, code.exit, code::toString);
        assertEquals("alice  " + CODE_AT_59 + "\n", code.out);
        assertFalse(code.err.contains("s3cret"));
    }

    @Test
    void code_whenPasswordWrong_exits1WithoutShowingIt() {
        cli.run("add", "alice", RFC_SEED);
        setPassword("s3cret");
        CliRunner.Result code = cli.env("YKMFA_OATH_PASSWORD", "guess-wrong").run("code");
        assertEquals(1, code.exit, code::toString);
        assertOneErrorLine(code, "OATH password was refused");
        assertFalse(code.err.contains("guess-wrong"));
    }

    @Test
    void info_whenLocked_reportsPasswordProtectionWithoutFailing() {
        setPassword("s3cret");
        CliRunner.Result info = cli.run("info");
        assertEquals(0, info.exit, info::toString);
        assertTrue(info.out.contains("Password protection: enabled"), info::toString);
        assertTrue(info.out.contains("locked"), info::toString);
    }

    private void setPassword(String password) {
        try (OathSession session = OathSession.open(key)) {
            session.setPassword(password.toCharArray());
        }
    }

    static void assertOneErrorLine(CliRunner.Result result, String expectedPart) {
        assertEquals(1, result.err.lines().count(), () -> "exactly one line on stderr: " + result);
        assertTrue(result.err.startsWith("ykmfa: error: "), result::toString);
        assertTrue(result.err.contains(expectedPart), () -> "expected '" + expectedPart + "' in " + result);
    }
}
