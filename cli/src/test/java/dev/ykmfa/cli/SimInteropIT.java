package dev.ykmfa.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ykmfa sim --state DIR} through pcscd + vpcd: {@code ykmfa --reader 'Virtual PCD 00 00' add} over real PC/SC,
 * {@code ykman} sees the credential, and after a restart of the simulator it is still there. Starts {@code pcscd -f}
 * when nothing listens for vpcd (and stops exactly that process); skipped, with the reason, without pcscd/vpcd.
 */
class SimInteropIT {
    private static final String READER = "Virtual PCD 00 00";
    private static final int VPCD_PORT = 35963;
    private static final String SEED = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";
    private static Process pcscd;
    private static String skipReason;

    @TempDir
    Path state;

    private final ExecutorService pool = Executors.newCachedThreadPool();

    @BeforeAll
    static void pcscd() throws Exception {
        if (!onPath("pcscd")) {
            skipReason = "pcscd is not installed (apt-get install pcscd vsmartcard-vpcd)";
            return;
        }
        // A pcscd stopped a moment ago can leave its socket behind; the next start cleans up and exits, so try twice.
        for (int attempt = 0; attempt < 2 && !listening(); attempt++) {
            Process started = new ProcessBuilder("pcscd", "-f").redirectErrorStream(true)
                    .redirectOutput(new File("target/pcscd-cli-interop.log")).start();
            pcscd = started;
            Runtime.getRuntime().addShutdownHook(new Thread(started::destroy, "stop-pcscd-started-by-SimInteropIT"));
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (!listening() && System.nanoTime() < deadline && pcscd.isAlive()) {
                Thread.sleep(100);
            }
        }
        if (!listening()) {
            skipReason = "nothing listens for vpcd on 127.0.0.1:" + VPCD_PORT
                    + " (vsmartcard-vpcd missing, or pcscd could not be started: see target/pcscd-cli-interop.log)";
        }
    }

    // A per-test assumption (not @BeforeAll) so the skip is reported as a skipped test with its reason.
    @org.junit.jupiter.api.BeforeEach
    void requirePcscd() {
        Assumptions.assumeTrue(skipReason == null, skipReason);
    }

    @AfterAll
    static void stopPcscd() throws InterruptedException {
        if (pcscd != null) {
            pcscd.destroy();
            if (!pcscd.waitFor(5, TimeUnit.SECONDS)) {
                pcscd.destroyForcibly();
            }
        }
    }

    /**
     * Whether vpcd listens, read from the kernel's socket table: connecting to vpcd's port would be a card insertion
     * to vpcd, and a second probe right after the first is refused while vpcd still serves the first.
     */
    private static boolean listening() {
        String port = String.format(":%04X", VPCD_PORT);
        for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
            try {
                for (String line : Files.readAllLines(Path.of(table))) {
                    String[] columns = line.trim().split("\\s+");
                    if (columns.length > 3 && columns[1].endsWith(port) && columns[3].equals("0A")) {
                        return true; // 0A = LISTEN
                    }
                }
            } catch (java.io.IOException e) {
                // no such table on this system: try the next one
            }
        }
        return false;
    }

    private static boolean onPath(String tool) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, tool))) {
                return true;
            }
        }
        return Files.isExecutable(Path.of("/usr/sbin", tool));
    }

    private Future<Integer> startSim(CompletableFuture<Void> stop, ByteArrayOutputStream out) throws Exception {
        CliContext context = CliContext.builder().out(new PrintStream(out, true, StandardCharsets.UTF_8))
                .err(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8)).env(Map.of())
                .stopSignal(stop).build();
        Future<Integer> exit = pool.submit(() -> Main.run(new String[] {"sim", "--no-aws", "--state",
            state.toString()}, context));
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!out.toString(StandardCharsets.UTF_8).contains("\nready")) {
            assertTrue(System.nanoTime() < deadline, "no ready line: " + out);
            assertTrue(!exit.isDone(), () -> "sim ended: " + out);
            Thread.sleep(50);
        }
        waitForCard();
        return exit;
    }

    private static void waitForCard() throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline) {
            if (new CliRunner().run("--reader", READER, "info").exit == 0) {
                return;
            }
            Thread.sleep(100);
        }
    }

    @Test
    void credentialAddedThroughPcsc_isSeenByYkman_andSurvivesARestart() throws Exception {
        CompletableFuture<Void> stop = new CompletableFuture<>();
        Future<Integer> sim = startSim(stop, new ByteArrayOutputStream());
        CliRunner.Result add = new CliRunner().run("--reader", READER, "add", "interop-alice", SEED);
        assertEquals(0, add.exit, add::toString);
        if (onPath("ykman")) {
            ProcessBuilder pb = new ProcessBuilder(List.of("ykman", "--reader", READER, "oath", "accounts",
                    "list")).redirectErrorStream(true);
            Process p = pb.start();
            String listed = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(p.waitFor(30, TimeUnit.SECONDS));
            assertTrue(listed.contains("interop-alice"), "ykman lists it: " + listed);
        }
        stop.complete(null);
        assertEquals(0, sim.get(10, TimeUnit.SECONDS));

        CompletableFuture<Void> stop2 = new CompletableFuture<>();
        Future<Integer> again = startSim(stop2, new ByteArrayOutputStream());
        CliRunner.Result code = new CliRunner().run("--reader", READER, "code", "interop-alice");
        assertEquals(0, code.exit, code::toString);
        assertTrue(code.out.matches("interop-alice  \\d{6}\\n"), code::toString);
        stop2.complete(null);
        assertEquals(0, again.get(10, TimeUnit.SECONDS));
        pool.shutdownNow();
    }
}
