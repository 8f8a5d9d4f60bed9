package dev.ykmfa.cli.sim;

import dev.ykmfa.protocol.transport.ApduTransport;
import dev.ykmfa.protocol.transport.TransportException;
import dev.ykmfa.sim.SimulatedYubiKey;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Connects a key to pcscd through vsmartcard's vpcd, like oath-applet-sim's {@code VpcdBridge}, but sending APDUs
 * through any {@link ApduTransport} — here a {@link JournaledKey}, so that what ykman and PC/SC clients program
 * survives a restart of {@code ykmfa sim --state DIR}. ({@code VpcdBridge} takes a {@link SimulatedYubiKey} only.)
 *
 * <p>vpcd frames: 2-byte big-endian length, then the payload; a 1-byte payload is a control code (0 power off,
 * 1 power on, 2 reset, 4 send the ATR), anything longer a command APDU answered with one response frame. Reconnects
 * with back-off when pcscd goes away, until {@link #close()}.
 */
public final class VpcdLink implements AutoCloseable {
    private static final int CONTROL_POWER_OFF = 0;
    private static final int CONTROL_POWER_ON = 1;
    private static final int CONTROL_RESET = 2;
    private static final int CONTROL_GET_ATR = 4;
    private static final int LENGTH_BYTES = 2;
    private static final int CONNECT_TIMEOUT_MILLIS = 1000;
    private static final long MAX_BACKOFF_MILLIS = 2000;
    private static final long FIRST_BACKOFF_MILLIS = 50;
    private static final byte[] SW_ABORTED = {(byte) 0x6F, 0x00};
    private static final int BYTE = 0xFF;
    private static final int SHIFT_BYTE = 8;

    private final ApduTransport transport;
    private final SimulatedYubiKey key;
    private final InetSocketAddress address;
    private final Thread thread;
    private volatile boolean running = true;
    private volatile CountDownLatch connected = new CountDownLatch(1);
    private volatile Socket socket;

    private VpcdLink(ApduTransport transport, SimulatedYubiKey key, InetSocketAddress address) {
        this.transport = transport;
        this.key = key;
        this.address = address;
        this.thread = new Thread(this::run, "vpcd-link-" + address);
        thread.setDaemon(true);
    }

    /**
     * @param transport where APDUs go (e.g. a journaled key)
     * @param key the simulated key behind it (ATR, power cycles)
     * @param host vpcd host
     * @param port vpcd port (35963 = reader "Virtual PCD 00 00")
     * @return the running link
     */
    public static VpcdLink start(ApduTransport transport, SimulatedYubiKey key, String host, int port) {
        VpcdLink link = new VpcdLink(Objects.requireNonNull(transport, "transport"), Objects.requireNonNull(key,
                "key"), new InetSocketAddress(host, port));
        link.thread.start();
        return link;
    }

    /**
     * @param timeout how long to wait
     * @return whether vpcd accepted the connection in time
     * @throws InterruptedException when interrupted
     */
    public boolean awaitConnected(Duration timeout) throws InterruptedException {
        return connected.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void run() {
        long backoff = FIRST_BACKOFF_MILLIS;
        while (running) {
            try (Socket s = new Socket()) {
                s.setTcpNoDelay(true);
                s.connect(address, CONNECT_TIMEOUT_MILLIS);
                socket = s;
                backoff = FIRST_BACKOFF_MILLIS;
                connected.countDown();
                serve(s);
            } catch (IOException e) {
                // vpcd not (yet) there, or gone: retry
            } finally {
                socket = null;
                if (connected.getCount() == 0) {
                    connected = new CountDownLatch(1);
                }
            }
            if (running) {
                try {
                    Thread.sleep(backoff);
                } catch (InterruptedException e) {
                    return;
                }
                backoff = Math.min(backoff * 2, MAX_BACKOFF_MILLIS);
            }
        }
    }

    private void serve(Socket s) throws IOException {
        DataInputStream in = new DataInputStream(s.getInputStream());
        OutputStream out = s.getOutputStream();
        while (running) {
            int length;
            try {
                length = in.readUnsignedShort();
            } catch (EOFException e) {
                return;
            }
            byte[] payload = new byte[length];
            in.readFully(payload);
            if (length == 1) {
                int code = payload[0] & BYTE;
                if (code == CONTROL_GET_ATR) {
                    write(out, key.atr());
                } else if (code == CONTROL_POWER_OFF || code == CONTROL_POWER_ON || code == CONTROL_RESET) {
                    key.powerCycle();
                }
            } else if (length > 1) {
                byte[] response;
                try {
                    response = transport.transmit(payload);
                } catch (TransportException | java.io.UncheckedIOException e) {
                    response = SW_ABORTED.clone();
                }
                write(out, response);
            }
        }
    }

    private static void write(OutputStream out, byte[] payload) throws IOException {
        byte[] frame = new byte[LENGTH_BYTES + payload.length];
        frame[0] = (byte) (payload.length >> SHIFT_BYTE);
        frame[1] = (byte) payload.length;
        System.arraycopy(payload, 0, frame, LENGTH_BYTES, payload.length);
        out.write(frame);
        out.flush();
    }

    @Override
    public void close() {
        running = false;
        Socket s = socket;
        if (s != null) {
            try {
                s.close();
            } catch (IOException e) {
                // closing anyway
            }
        }
        thread.interrupt();
        try {
            thread.join(CONNECT_TIMEOUT_MILLIS * 3L);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public String toString() {
        return "VpcdLink[" + address + "]";
    }
}
