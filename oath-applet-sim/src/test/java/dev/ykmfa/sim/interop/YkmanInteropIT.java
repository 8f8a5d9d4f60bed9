package dev.ykmfa.sim.interop;

import static org.junit.jupiter.api.Assertions.*;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * ykman (4.0.9 on Debian 12) as a black box against the simulated key behind pcscd + vpcd: exit codes, output,
 * and codes compared with oathtool for the same secret and time.
 */
class YkmanInteropIT {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final String SECRET = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ"; // "12345678901234567890"
    private static final String SECRET2 = "JBSWY3DPEHPK3PXP";
    private static final int PERIOD = 30;

    // Assumptions live in @BeforeEach, not @BeforeAll: an aborted class shows up in the reports as "0 tests", a
    // skipped test as "skipped" with its reason.
    @BeforeEach
    void toolsAndEmptyKey() {
        assumeTrue(InteropEnvironment.onPath("ykman"), "ykman is not installed (apt-get install yubikey-manager)");
        assumeTrue(InteropEnvironment.onPath("oathtool"), "oathtool is not installed (apt-get install oathtool)");
        InteropEnvironment.get();
        ok(ykman("oath", "reset", "-f"));
    }

    private static ProcessResult ykman(String... args) {
        List<String> cmd = new ArrayList<>(List.of("ykman", "--reader", InteropEnvironment.READER));
        cmd.addAll(List.of(args));
        return ProcessResult.run(TIMEOUT, cmd.toArray(String[]::new));
    }

    private static ProcessResult ok(ProcessResult r) {
        assertEquals(0, r.exitCode(), r::toString);
        return r;
    }

    private static String oathtool(String... args) {
        List<String> cmd = new ArrayList<>(List.of("oathtool"));
        cmd.addAll(List.of(args));
        ProcessResult r = ProcessResult.run(TIMEOUT, cmd.toArray(String[]::new));
        assertEquals(0, r.exitCode(), r::toString);
        return r.stdout().trim();
    }

    /**
     * Runs a TOTP code command and the matching oathtool call for the same 30 s step; retries once when the step
     * changed while ykman ran.
     */
    private static void assertTotpMatches(Supplier<String> ykmanCode, String... oathtoolArgs) {
        for (int attempt = 0; attempt < 2; attempt++) {
            long before = Instant.now().getEpochSecond() / PERIOD;
            String code = ykmanCode.get();
            long after = Instant.now().getEpochSecond() / PERIOD;
            if (before == after) {
                List<String> args = new ArrayList<>(List.of(oathtoolArgs));
                if (args.stream().noneMatch(a -> a.startsWith("--totp"))) {
                    args.add(0, "--totp");
                }
                args.add("--now=@" + before * PERIOD);
                assertEquals(oathtool(args.toArray(String[]::new)), code);
                return;
            }
        }
        fail("the TOTP step changed during both attempts");
    }

    @Test
    void info_reportsYubiKey5WithSerialFirmwareAndOath() {
        String out = ok(ykman("info")).stdout();
        assertTrue(out.contains("Device type: YubiKey 5 NFC"), out);
        assertTrue(out.contains("Serial number: " + InteropEnvironment.SERIAL), out);
        assertTrue(out.contains("Firmware version: 5.4.3"), out);
        assertTrue(out.matches("(?s).*OATH\\s+Enabled\\s+Enabled.*"), out);
    }

    @Test
    void oathInfo_reportsVersionAndPasswordState() {
        String out = ok(ykman("oath", "info")).stdout();
        assertTrue(out.contains("OATH version: 5.4.3"), out);
        assertTrue(out.contains("Password protection: disabled"), out);
    }

    @Test
    void add_list_code_allVariants_matchOathtool() {
        ok(ykman("oath", "accounts", "add", "-f", "-i", "AWS", "plain", SECRET));
        ok(ykman("oath", "accounts", "add", "-f", "--touch", "touchy", SECRET2));
        ok(ykman("oath", "accounts", "add", "-f", "--oath-type", "HOTP", "counter", SECRET));
        ok(ykman("oath", "accounts", "add", "-f", "--algorithm", "SHA256", "--digits", "8", "sha256", SECRET));

        String list = ok(ykman("oath", "accounts", "list")).stdout();
        assertEquals(List.of("AWS:plain", "counter", "sha256", "touchy"), list.lines().toList());

        assertTotpMatches(() -> ok(ykman("oath", "accounts", "code", "-s", "plain")).stdout().trim(),
                "-b", SECRET);
        assertTotpMatches(() -> ok(ykman("oath", "accounts", "code", "-s", "sha256")).stdout().trim(),
                "--totp=sha256", "-d", "8", "-b", SECRET);
        ProcessResult touch = ok(ykman("oath", "accounts", "code", "touchy"));
        assertTrue(touch.stderr().contains("Touch your YubiKey"), touch::toString);
        assertTotpMatches(() -> ok(ykman("oath", "accounts", "code", "-s", "touchy")).stdout().trim(),
                "-b", SECRET2);
        for (int c = 0; c < 3; c++) {
            assertEquals(oathtool("--hotp", "-c", String.valueOf(c), "-b", SECRET),
                    ok(ykman("oath", "accounts", "code", "-s", "counter")).stdout().trim(), "HOTP counter " + c);
        }

        String all = ok(ykman("oath", "accounts", "code")).stdout();
        List<String> lines = all.lines().toList();
        assertEquals(4, lines.size(), all);
        assertTrue(lines.get(0).matches("AWS:plain\\s+\\d{6}"), all);
        assertTrue(lines.get(1).matches("counter\\s+\\[HOTP Account\\]"), all);
        assertTrue(lines.get(2).matches("sha256\\s+\\d{8}"), all);
        assertTrue(lines.get(3).matches("touchy\\s+\\[Requires Touch\\]"), all);
    }

    @Test
    void rename_and_delete() {
        ok(ykman("oath", "accounts", "add", "-f", "old-name", SECRET));
        ok(ykman("oath", "accounts", "add", "-f", "doomed", SECRET2));
        ProcessResult renamed = ok(ykman("oath", "accounts", "rename", "-f", "old-name", "NewIssuer:new-name"));
        assertTrue(renamed.stdout().contains("Renamed old-name to NewIssuer:new-name"), renamed::toString);
        ProcessResult deleted = ok(ykman("oath", "accounts", "delete", "-f", "doomed"));
        assertTrue(deleted.stdout().contains("Deleted doomed"), deleted::toString);
        assertEquals(List.of("NewIssuer:new-name"), ok(ykman("oath", "accounts", "list")).stdout().lines().toList());
        assertTotpMatches(() -> ok(ykman("oath", "accounts", "code", "-s", "new-name")).stdout().trim(),
                "-b", SECRET);
    }

    @Test
    void password_change_use_remove() {
        ok(ykman("oath", "accounts", "add", "-f", "guarded", SECRET));
        ok(ykman("oath", "access", "change", "-n", "s3cret-pw"));
        assertTrue(ok(ykman("oath", "info")).stdout().contains("Password protection: enabled"));

        ProcessResult noPassword = ykman("oath", "accounts", "list");
        assertNotEquals(0, noPassword.exitCode(), noPassword::toString);
        ProcessResult wrong = ykman("oath", "accounts", "list", "-p", "wrong");
        assertEquals(1, wrong.exitCode(), wrong::toString);
        assertTrue(wrong.stderr().contains("Wrong password"), wrong::toString);

        assertEquals(List.of("guarded"),
                ok(ykman("oath", "accounts", "list", "-p", "s3cret-pw")).stdout().lines().toList());
        assertTotpMatches(() -> ok(ykman("oath", "accounts", "code", "-s", "-p", "s3cret-pw", "guarded")).stdout()
                .trim(), "-b", SECRET);

        ProcessResult cleared = ok(ykman("oath", "access", "change", "-p", "s3cret-pw", "-c"));
        assertTrue(cleared.stdout().contains("Password cleared"), cleared::toString);
        assertTrue(ok(ykman("oath", "info")).stdout().contains("Password protection: disabled"));
    }

    @Test
    void reset_wipesAccountsAndPassword() {
        ok(ykman("oath", "accounts", "add", "-f", "gone", SECRET));
        ok(ykman("oath", "access", "change", "-n", "pw"));
        ProcessResult reset = ok(ykman("oath", "reset", "-f"));
        assertTrue(reset.stdout().contains("Success! All OATH accounts have been deleted"), reset::toString);
        assertEquals("", ok(ykman("oath", "accounts", "list")).stdout());
        assertTrue(ok(ykman("oath", "info")).stdout().contains("Password protection: disabled"));
    }
}
