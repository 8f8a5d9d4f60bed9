package dev.ykmfa.sim.interop;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.ykmfa.sim.SimConstants;
import dev.ykmfa.sim.SimulatedYubiKey;
import dev.ykmfa.sim.VpcdBridge;
import java.io.File;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import javax.smartcardio.CardTerminal;
import javax.smartcardio.TerminalFactory;

/**
 * One simulated key bridged into pcscd through vpcd, shared by all interop suites of the JVM.
 *
 * <p>Needs pcscd and vsmartcard-vpcd installed. When nothing listens on vpcd's port (127.0.0.1:35963), it starts
 * {@code pcscd -f} itself (this needs root or the pcscd group) and stops exactly that process when the JVM exits;
 * a pcscd that was already running is used and left alone. Anything missing skips the suites with the reason.
 */
final class InteropEnvironment {
    static final String READER = "Virtual PCD 00 00";
    static final int SERIAL = 7654321;
    private static final Path VPCD_DRIVER = Path.of("/usr/lib/pcsc/drivers/serial/libifdvpcd.so");
    private static final Path PCSC_LIBRARY = Path.of("/usr/lib/x86_64-linux-gnu/libpcsclite.so.1");
    private static final Duration STARTUP = Duration.ofSeconds(15);

    private static InteropEnvironment instance;
    private static String unavailable;

    final SimulatedYubiKey key;
    final VpcdBridge bridge;
    private final Process pcscd;

    private InteropEnvironment(SimulatedYubiKey key, VpcdBridge bridge, Process pcscd) {
        this.key = key;
        this.bridge = bridge;
        this.pcscd = pcscd;
    }

    /** @return the shared environment; skips the calling test (with the reason) when it cannot exist here */
    static synchronized InteropEnvironment get() {
        if (instance == null && unavailable == null) {
            try {
                instance = start();
            } catch (IllegalStateException e) {
                unavailable = e.getMessage();
            }
        }
        assumeTrue(instance != null, () -> "interop environment unavailable: " + unavailable);
        return instance;
    }

    static boolean onPath(String tool) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, tool))) {
                return true;
            }
        }
        return Files.isExecutable(Path.of("/usr/sbin", tool));
    }

    private static InteropEnvironment start() {
        if (!onPath("pcscd")) {
            throw new IllegalStateException("pcscd is not installed (apt-get install pcscd)");
        }
        if (!Files.exists(VPCD_DRIVER)) {
            throw new IllegalStateException("vpcd is not installed (apt-get install vsmartcard-vpcd): no "
                    + VPCD_DRIVER);
        }
        if (System.getProperty("sun.security.smartcardio.library") == null && Files.exists(PCSC_LIBRARY)) {
            System.setProperty("sun.security.smartcardio.library", PCSC_LIBRARY.toString());
        }
        Process pcscd = null;
        if (!listening()) {
            pcscd = startPcscd();
        }
        SimulatedYubiKey key = SimulatedYubiKey.builder().serial(SERIAL).build();
        VpcdBridge bridge = VpcdBridge.start(key);
        InteropEnvironment env = new InteropEnvironment(key, bridge, pcscd);
        Runtime.getRuntime().addShutdownHook(new Thread(env::stop, "interop-environment-stop"));
        long deadline = System.nanoTime() + STARTUP.toNanos();
        while (System.nanoTime() < deadline) {
            if (bridge.framesReceived() > 0 && cardPresent()) {
                return env;
            }
            sleep(100);
        }
        env.stop();
        throw new IllegalStateException("the bridged key did not appear in pcscd as '" + READER + "' within "
                + STARTUP.toSeconds() + " s (frames from vpcd: " + bridge.framesReceived()
                + "; is another virtual card already connected to vpcd's slot 0?)");
    }

    private static boolean listening() {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(SimConstants.VPCD_DEFAULT_HOST, SimConstants.VPCD_DEFAULT_PORT), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static Process startPcscd() {
        Process p;
        try {
            p = new ProcessBuilder("pcscd", "-f")
                    .redirectErrorStream(true)
                    .redirectOutput(new File("target/pcscd-interop.log"))
                    .start();
        } catch (IOException e) {
            throw new IllegalStateException("pcscd is not running and could not be started: " + e.getMessage());
        }
        long deadline = System.nanoTime() + STARTUP.toNanos();
        while (System.nanoTime() < deadline && p.isAlive()) {
            if (listening()) {
                return p;
            }
            sleep(100);
        }
        p.destroy();
        throw new IllegalStateException("pcscd did not start listening for vpcd on port "
                + SimConstants.VPCD_DEFAULT_PORT + " (needs root or the pcscd group; see target/pcscd-interop.log)");
    }

    private static boolean cardPresent() {
        try {
            CardTerminal t = TerminalFactory.getDefault().terminals().getTerminal(READER);
            return t != null && t.isCardPresent();
        } catch (Exception e) {
            return false;
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void stop() {
        bridge.close();
        if (pcscd != null && pcscd.isAlive()) {
            pcscd.destroy();
            try {
                if (!pcscd.waitFor(5, TimeUnit.SECONDS)) {
                    pcscd.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
