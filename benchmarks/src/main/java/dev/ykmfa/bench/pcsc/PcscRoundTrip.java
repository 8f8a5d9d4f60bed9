package dev.ykmfa.bench.pcsc;

import dev.ykmfa.bench.harness.LatencyStats;
import dev.ykmfa.bench.harness.Results;
import dev.ykmfa.bench.sim.SimKeys;
import dev.ykmfa.protocol.transport.PcscTransport;
import dev.ykmfa.protocol.transport.TransportException;
import dev.ykmfa.protocol.ykoath.OathSession;
import dev.ykmfa.sim.SimulatedYubiKey;
import dev.ykmfa.sim.VpcdBridge;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;

/**
 * APDU round trips through the real PC/SC stack: {@link PcscTransport} → javax.smartcardio → pcscd → vpcd (TCP on
 * loopback) → {@link VpcdBridge} → {@link SimulatedYubiKey}. Times each SELECT APDU and each whole CALCULATE (one
 * APDU) one by one and prints {@code RESULT} lines; prints {@code SKIPPED} with the reason when pcscd or vpcd is not
 * there. Whether loopback uses TCP quick ACKs is set outside (scripts/bench toggles the route and passes a label).
 *
 * <p>Usage: {@code java -cp benchmarks.jar dev.ykmfa.bench.pcsc.PcscRoundTrip LABEL [VPCD_PORT] [ROUND_TRIPS]}.
 * The default port 35964 is vpcd's second slot ("Virtual PCD 00 01"), leaving the first slot to other users.
 */
public final class PcscRoundTrip {
    private static final int DEFAULT_PORT = 35964;
    private static final int DEFAULT_ROUND_TRIPS = 2000;
    private static final int WARMUP_ROUND_TRIPS = 300;
    private static final int CREDENTIALS = 8;
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    private static final long CARD_WAIT_MILLIS = 5000;
    private static final long RETRY_MILLIS = 50;
    private static final byte[] SELECT_OATH = HexFormat.of().parseHex("00A4040007A0000005272101");

    private PcscRoundTrip() {
    }

    /** @param args label, optional vpcd port, optional number of round trips */
    public static void main(String[] args) throws InterruptedException {
        String label = args.length > 0 ? args[0] : "default";
        int port = args.length > 1 ? Integer.parseInt(args[1]) : DEFAULT_PORT;
        int n = args.length > 2 ? Integer.parseInt(args[2]) : DEFAULT_ROUND_TRIPS;
        String name = "pcsc." + label;
        List<String> readers;
        try {
            readers = PcscTransport.readers();
        } catch (TransportException e) {
            Results.skip(name, "no PC/SC service (" + e.getMessage() + "); install and start pcscd and vsmartcard-vpcd");
            return;
        }
        if (readers.stream().noneMatch(r -> r.startsWith("Virtual PCD"))) {
            Results.skip(name, "pcscd has no vpcd reader (readers: " + readers + "); install vsmartcard-vpcd");
            return;
        }
        SimulatedYubiKey key = SimKeys.filledKey(CREDENTIALS);
        try (VpcdBridge bridge = VpcdBridge.start(key, "127.0.0.1", port)) {
            if (!bridge.awaitConnected(CONNECT_TIMEOUT)) {
                Results.skip(name, "vpcd does not accept a card on 127.0.0.1:" + port + "; is pcscd running with vpcd?");
                return;
            }
            measure(name, openSession(bridge.readerName()), n);
        }
    }

    /**
     * Opens the reader and selects OATH, retrying for a few seconds: right after a bridge (re)connects, pcscd may
     * still be settling the virtual card and answer SCARD_E_NOT_TRANSACTED or "no card".
     */
    private static PcscTransport openSession(String reader) throws InterruptedException {
        long deadline = System.currentTimeMillis() + CARD_WAIT_MILLIS;
        while (true) {
            PcscTransport transport = null;
            try {
                transport = PcscTransport.open(reader);
                OathSession.open(transport);
                return transport;
            } catch (TransportException e) {
                if (transport != null) {
                    transport.close();
                }
                if (System.currentTimeMillis() > deadline) {
                    throw e;
                }
                Thread.sleep(RETRY_MILLIS);
            }
        }
    }

    private static void measure(String name, PcscTransport transport, int n) {
        OathSession session = OathSession.open(transport);
        SimKeys.checkCode(CREDENTIALS - 1, session.calculate(SimKeys.id(CREDENTIALS - 1), SimKeys.TIME));
        for (int i = 0; i < Math.min(WARMUP_ROUND_TRIPS, n / 4); i++) {
            transport.transmit(SELECT_OATH);
            session.calculate(SimKeys.id(i % CREDENTIALS), SimKeys.TIME);
        }
        long[] select = new long[n];
        for (int i = 0; i < n; i++) {
            long t0 = System.nanoTime();
            byte[] r = transport.transmit(SELECT_OATH);
            select[i] = System.nanoTime() - t0;
            if (r.length < 2 || r[r.length - 2] != (byte) 0x90) {
                throw new IllegalStateException("SELECT through PC/SC failed");
            }
        }
        session = OathSession.open(transport);
        long[] calculate = new long[n];
        for (int i = 0; i < n; i++) {
            long t0 = System.nanoTime();
            session.calculate(SimKeys.id(i % CREDENTIALS), SimKeys.TIME);
            calculate[i] = System.nanoTime() - t0;
        }
        Results.emit(name + ".select_apdu", new LatencyStats(select).jsonFields()
                + ",\"reader\":\"" + transport.readerName() + "\"");
        Results.emit(name + ".calculate", new LatencyStats(calculate).jsonFields());
        transport.close();
    }
}
