package dev.ykmfa.conformance.key;

import dev.ykmfa.conformance.ConformanceProperties;
import dev.ykmfa.protocol.transport.ApduTransport;
import dev.ykmfa.protocol.transport.PcscTransport;
import dev.ykmfa.protocol.ykoath.Credential;
import dev.ykmfa.protocol.ykoath.OathSession;
import dev.ykmfa.sim.SimConstants;
import dev.ykmfa.sim.SimulatedYubiKey;
import dev.ykmfa.sim.VpcdBridge;
import java.io.PrintStream;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The key in a PC/SC reader ({@code -Phardware -Dykmfa.reader=NAME}): a real YubiKey, or the simulated key served
 * through pcscd+vpcd — by another process ({@code ykmfa sim}, {@code VpcdBridgeMain}) or, with
 * {@code -Dykmfa.hardware.bridge=sim}, by this suite itself. Every transport is a {@link GuardedTransport}.
 *
 * <p>On first use it prints what the suite will do, deletes credentials left under the prefix by an interrupted run
 * (only those), and measures the room left.
 */
public final class PcscKey implements KeyUnderTest {
    private static final int[] LARGE_STORE_FIRMWARE = {5, 7, 0};
    private static final int SMALL_STORE = 32;
    private static final int LARGE_STORE = 64;
    private static final Duration BRIDGE_WAIT = Duration.ofSeconds(20);
    /** pcscd polls vpcd for card presence: after the bridge connects the card shows up within a few seconds. */
    private static final Duration CARD_WAIT = Duration.ofSeconds(15);
    private static final long RETRY_MILLIS = 250;

    private final String reader;
    private final char[] password;
    private final boolean destructive;
    private final boolean touch;
    private final VpcdBridge bridge;
    private final String firmware;
    private final int capacity;
    private final int freeSlots;

    private PcscKey(String reader, char[] password, boolean destructive, boolean touch, VpcdBridge bridge,
                    PrintStream out) {
        this.reader = reader;
        this.password = password;
        this.destructive = destructive;
        this.touch = touch;
        this.bridge = bridge;
        awaitCard(reader, bridge == null ? Duration.ZERO : CARD_WAIT);
        try (OathSession s = open()) {
            this.firmware = s.info().version();
            this.capacity = ConformanceProperties.get(ConformanceProperties.CAPACITY).map(Integer::parseInt)
                    .orElse(s.info().isAtLeast(LARGE_STORE_FIRMWARE) ? LARGE_STORE : SMALL_STORE);
            List<Credential> all = s.list();
            List<Credential> leftovers = all.stream().filter(PcscKey::ours).toList();
            announce(out, s, all.size() - leftovers.size(), leftovers.size());
            for (Credential c : leftovers) {
                s.delete(c.id());
            }
            this.freeSlots = capacity - (all.size() - leftovers.size());
        }
    }

    /**
     * Opens the reader named by {@code -Dykmfa.reader}, starting the in-suite vpcd bridge first when asked.
     *
     * @param out where the plan is printed
     * @return the key
     */
    public static PcscKey fromProperties(PrintStream out) {
        String reader = ConformanceProperties.get(ConformanceProperties.READER).orElseThrow(() ->
                new IllegalArgumentException("-Phardware needs -Dykmfa.reader=NAME (a substring of the reader name;"
                        + " readers now: " + readersOrReason() + ")"));
        VpcdBridge bridge = null;
        Optional<String> bridgeKind = ConformanceProperties.get(ConformanceProperties.BRIDGE);
        if (bridgeKind.isPresent()) {
            if (!bridgeKind.get().equals("sim")) {
                throw new IllegalArgumentException("-Dykmfa.hardware.bridge accepts only 'sim', not '"
                        + bridgeKind.get() + "'");
            }
            int port = ConformanceProperties.get(ConformanceProperties.VPCD_PORT).map(Integer::parseInt)
                    .orElse(SimConstants.VPCD_DEFAULT_PORT);
            bridge = VpcdBridge.start(SimulatedYubiKey.create(), "127.0.0.1", port);
            try {
                if (!bridge.awaitConnected(BRIDGE_WAIT)) {
                    bridge.close();
                    throw new IllegalStateException("the in-suite vpcd bridge could not reach vpcd at 127.0.0.1:"
                            + port + " within " + BRIDGE_WAIT.toSeconds() + " s: start pcscd (with vsmartcard-vpcd)"
                            + " and make sure no other process serves that vpcd slot");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for vpcd", e);
            }
            out.println("[conformance] serving a simulated YubiKey through vpcd (" + bridge.readerName() + ")");
        }
        char[] password = ConformanceProperties.get(ConformanceProperties.OATH_PASSWORD).map(String::toCharArray)
                .orElse(null);
        return new PcscKey(reader, password, ConformanceProperties.flag(ConformanceProperties.DESTRUCTIVE),
                ConformanceProperties.flag(ConformanceProperties.TOUCH), bridge, out);
    }

    private static void awaitCard(String reader, Duration wait) {
        long deadline = System.nanoTime() + wait.toNanos();
        while (true) {
            try {
                PcscTransport.open(reader).close();
                return;
            } catch (RuntimeException e) {
                if (System.nanoTime() > deadline) {
                    throw e;
                }
            }
            try {
                Thread.sleep(RETRY_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for the card in " + reader, e);
            }
        }
    }

    private static String readersOrReason() {
        try {
            return String.valueOf(PcscTransport.readers());
        } catch (RuntimeException e) {
            return "unavailable: " + e.getMessage();
        }
    }

    static boolean ours(Credential c) {
        return c.id().issuer() == null && c.id().name().startsWith(CREDENTIAL_PREFIX);
    }

    private void announce(PrintStream out, OathSession s, int foreign, int leftovers) {
        out.println("[conformance] ==== YKOATH conformance on the key in reader '" + reader + "' ====");
        out.println("[conformance] firmware " + s.info().version() + ", device id " + s.info().deviceId()
                + ", password " + (s.info().passwordProtected() ? "set" : "not set") + ", " + foreign
                + " credential(s) of the owner (never read by name, changed or deleted), capacity " + capacity);
        out.println("[conformance] it will: create, calculate, rename and delete TOTP/HOTP credentials whose names"
                + " start with '" + CREDENTIAL_PREFIX + "' (at most " + Math.max(0, capacity - foreign)
                + " at a time), and delete them all afterwards, also when a test fails");
        out.println("[conformance] password changes and RESET: " + (destructive ? "ENABLED (-Dykmfa.hardware."
                + "destructive=true): RESET WIPES EVERY CREDENTIAL ON THIS KEY" : "skipped (enable with"
                + " -Dykmfa.hardware.destructive=true)"));
        out.println("[conformance] touch tests: " + (touch ? "enabled: touch the key when the suite says TOUCH"
                : "skipped (enable with -Dykmfa.hardware.touch=true)"));
        if (leftovers > 0) {
            out.println("[conformance] deleting " + leftovers + " credential(s) under " + CREDENTIAL_PREFIX
                    + " left by an interrupted run");
        }
        if (capacity - foreign <= 0) {
            out.println("[conformance] the key is FULL: tests that create credentials are skipped");
        }
    }

    /** @return the slots free for the suite (capacity minus the owner's credentials) */
    public int freeSlots() {
        return freeSlots;
    }

    @Override
    public String description() {
        return "key in PC/SC reader '" + reader + "'" + (bridge == null ? "" : " (simulated YubiKey served by this"
                + " suite through pcscd+vpcd)");
    }

    @Override
    public String firmwareVersion() {
        return firmware;
    }

    @Override
    public boolean inReader() {
        return true;
    }

    @Override
    public int capacity() {
        return capacity;
    }

    @Override
    public OathSession open() {
        OathSession s = OathSession.open(openTransport());
        if (s.isLocked()) {
            if (password == null) {
                s.close();
                throw new IllegalStateException("the OATH applet in '" + reader + "' is password protected: pass"
                        + " -Dykmfa.oath.password=...");
            }
            s.validate(password);
        }
        return s;
    }

    @Override
    public ApduTransport openTransport() {
        return new GuardedTransport(PcscTransport.open(reader), destructive);
    }

    @Override
    public void powerCycle() {
        // PcscTransport.close() disconnects with a card reset; the next open() starts from a fresh power-up state
    }

    @Override
    public boolean destructiveAllowed() {
        return destructive;
    }

    @Override
    public String destructiveRefusal() {
        return "changes the OATH password or resets the key in the reader: pass -Dykmfa.hardware.destructive=true"
                + " to allow it (RESET wipes every credential)";
    }

    @Override
    public boolean touchAllowed() {
        return touch;
    }

    @Override
    public String touchRefusal() {
        return "needs a person to touch the key in the reader: pass -Dykmfa.hardware.touch=true";
    }

    @Override
    public void announceTouch(String what) {
        String line = "[conformance] >>> TOUCH THE KEY NOW (" + what + ") <<<";
        System.out.println(line);
        System.err.println(line);
    }

    @Override
    public void close() {
        if (password != null) {
            Arrays.fill(password, '\0');
        }
        if (bridge != null) {
            bridge.close();
        }
    }

    @Override
    public String toString() {
        return description();
    }
}
