package dev.ykmfa.sim;

import dev.ykmfa.protocol.transport.TransportException;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketAddress;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Attaches a {@link SimulatedYubiKey} to pcscd through vsmartcard's vpcd driver, so every PC/SC client (ykman,
 * {@code javax.smartcardio}, our {@code PcscTransport}) sees it as a card in the reader "Virtual PCD 00 00".
 *
 * <p>vpcd listens on TCP (127.0.0.1:35963 for its first slot); this bridge connects as the card. Every frame is a
 * 2-byte big-endian length followed by the payload. A 1-byte payload is a control frame: {@code 0} power off,
 * {@code 1} power on, {@code 2} reset, {@code 4} "send the ATR". Anything longer is a command APDU, answered with
 * one response frame. Each frame goes out in a single write with TCP_NODELAY. When pcscd (and with it vpcd) goes
 * away, the bridge reconnects with an exponential back-off until {@link #close()}.
 *
 * <p>vpcd's ports (35963 + n) lie inside Linux's ephemeral port range, so while vpcd is down a connect attempt can be
 * given vpcd's own port as its local port, and TCP simultaneous open then connects the socket to itself. Such a
 * socket would hold vpcd's port and keep pcscd from binding it, so the bridge drops it at once (without TIME_WAIT) and
 * backs off as for a refused connection.
 *
 * <pre>{@code
 * try (VpcdBridge bridge = VpcdBridge.start(SimulatedYubiKey.create())) {
 *     bridge.awaitConnected(Duration.ofSeconds(5));
 *     System.out.println(bridge.readerName());   // Virtual PCD 00 00
 * }
 * }</pre>
 */
public final class VpcdBridge implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(VpcdBridge.class.getName());
    private static final int CONTROL_POWER_OFF = 0;
    private static final int CONTROL_POWER_ON = 1;
    private static final int CONTROL_RESET = 2;
    private static final int CONTROL_GET_ATR = 4;
    private static final int LENGTH_PREFIX = 2;
    private static final int CONNECT_TIMEOUT_MILLIS = 1000;
    private static final long INITIAL_BACKOFF_MILLIS = 50;
    private static final long MAX_BACKOFF_MILLIS = 2000;
    private static final long JOIN_MILLIS = 3000;
    private static final byte[] SW_ABORTED = {(byte) 0x6F, 0x00};
    /** SO_LINGER timeout 0: close() resets the connection instead of leaving it in TIME_WAIT on vpcd's port. */
    private static final int LINGER_RESET_SECONDS = 0;

    /** Makes the unconnected sockets the bridge connects with; a seam so tests can force a self-connection. */
    @FunctionalInterface
    interface SocketSource {
        Socket newSocket() throws IOException;
    }

    private final SimulatedYubiKey key;
    private final InetSocketAddress address;
    private final SocketSource sockets;
    private final Thread thread;
    private final Object socketLock = new Object();
    private volatile boolean running = true;
    private volatile CountDownLatch connected = new CountDownLatch(1);
    private volatile int connections;
    private final java.util.concurrent.atomic.AtomicInteger frames = new java.util.concurrent.atomic.AtomicInteger();
    private Socket socket;

    private VpcdBridge(SimulatedYubiKey key, String host, int port, SocketSource sockets) {
        this.key = Objects.requireNonNull(key, "key");
        this.address = new InetSocketAddress(Objects.requireNonNull(host, "host"), port);
        this.sockets = Objects.requireNonNull(sockets, "sockets");
        this.thread = new Thread(this::run, "vpcd-bridge-" + host + ":" + port);
        thread.setDaemon(true);
    }

    /** Starts bridging {@code key} to vpcd at 127.0.0.1:35963 (reader "Virtual PCD 00 00"). */
    public static VpcdBridge start(SimulatedYubiKey key) {
        return start(key, SimConstants.VPCD_DEFAULT_HOST, SimConstants.VPCD_DEFAULT_PORT);
    }

    /**
     * Starts bridging {@code key} to a vpcd listening at {@code host:port}.
     *
     * @param port 1..65535; vpcd's slot n listens on 35963 + n
     * @return the running bridge; it keeps (re)connecting until closed
     */
    public static VpcdBridge start(SimulatedYubiKey key, String host, int port) {
        return start(key, host, port, Socket::new);
    }

    /** As {@link #start(SimulatedYubiKey, String, int)}, connecting with sockets from {@code sockets}. */
    static VpcdBridge start(SimulatedYubiKey key, String host, int port, SocketSource sockets) {
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("vpcd port must be 1..65535, was " + port);
        }
        VpcdBridge bridge = new VpcdBridge(key, host, port, sockets);
        bridge.thread.start();
        return bridge;
    }

    /**
     * @return the PC/SC reader name pcscd gives this vpcd slot ("Virtual PCD 00 0n" for port 35963 + n), which is
     *     what {@code ykman --reader} needs
     */
    public String readerName() {
        return readerNameFor(address.getPort());
    }

    /**
     * @param port a vpcd port
     * @return the reader name pcscd gives the vpcd slot on that port (vpcd's default configuration)
     */
    public static String readerNameFor(int port) {
        int slot = port - SimConstants.VPCD_DEFAULT_PORT;
        if (slot < 0 || slot > 9) {
            return "Virtual PCD (vpcd slot on port " + port + ")";
        }
        return SimConstants.VPCD_READER_PREFIX + slot;
    }

    /** @return the vpcd address this bridge connects to */
    public InetSocketAddress address() {
        return address;
    }

    /**
     * Waits until the bridge is connected to vpcd.
     *
     * @return true when connected within {@code timeout}
     */
    public boolean awaitConnected(Duration timeout) throws InterruptedException {
        return connected.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** @return whether a vpcd connection is up right now */
    public boolean isConnected() {
        return connected.getCount() == 0;
    }

    /** @return how many times the bridge has connected to vpcd (reconnects after a pcscd restart count too) */
    public int connectionCount() {
        return connections;
    }

    /**
     * @return how many frames vpcd has sent so far (power, reset, ATR requests and APDUs); stays 0 when vpcd accepted
     *     the TCP connection but does not talk to this bridge (e.g. another card already holds the slot)
     */
    public int framesReceived() {
        return frames.get();
    }

    private void run() {
        long backoff = INITIAL_BACKOFF_MILLIS;
        while (running) {
            Socket s = null;
            try {
                s = sockets.newSocket();
                s.setTcpNoDelay(true);
                s.connect(address, CONNECT_TIMEOUT_MILLIS);
                if (isSelfConnection(s.getLocalSocketAddress(), s.getRemoteSocketAddress())) {
                    // nothing listens on the port and the kernel picked that same port as our local one
                    LOG.log(System.Logger.Level.DEBUG,
                            "vpcd at {0} not listening: the connect attempt connected to itself; dropping it", address);
                    resetAndClose(s);
                } else {
                    synchronized (socketLock) {
                        if (!running) {
                            break;
                        }
                        socket = s;
                    }
                    connections++;
                    LOG.log(System.Logger.Level.DEBUG, "connected to vpcd at {0}", address);
                    connected.countDown();
                    int framesBefore = frames.get();
                    serve(s);
                    if (frames.get() != framesBefore) {
                        // only a connection vpcd actually talked on proves vpcd is back: an accept-and-close peer
                        // keeps the back-off growing instead of being re-dialled every INITIAL_BACKOFF_MILLIS
                        backoff = INITIAL_BACKOFF_MILLIS;
                    }
                }
            } catch (IOException e) {
                LOG.log(System.Logger.Level.DEBUG, "vpcd at {0} not reachable: {1}", address, e.getMessage());
            } finally {
                if (s != null) {
                    closeQuietly(s);
                }
                synchronized (socketLock) {
                    socket = null;
                }
                if (connected.getCount() == 0) {
                    connected = new CountDownLatch(1);
                }
            }
            if (running) {
                sleep(backoff);
                backoff = Math.min(backoff * 2, MAX_BACKOFF_MILLIS);
            }
        }
    }

    /**
     * @return whether a connected socket's two ends are the same address and port, i.e. TCP simultaneous open has
     *     connected it to itself (nobody else is at the other end)
     */
    static boolean isSelfConnection(SocketAddress local, SocketAddress remote) {
        if (!(local instanceof InetSocketAddress l) || !(remote instanceof InetSocketAddress r)) {
            return false;
        }
        return l.getPort() == r.getPort() && l.getAddress() != null && l.getAddress().equals(r.getAddress());
    }

    /** Closes with an RST (SO_LINGER 0) so the socket does not stay in TIME_WAIT holding the port. */
    private static void resetAndClose(Socket s) {
        try {
            s.setSoLinger(true, LINGER_RESET_SECONDS);
        } catch (IOException e) {
            LOG.log(System.Logger.Level.DEBUG, "could not set SO_LINGER on the vpcd socket: {0}", e.getMessage());
        }
        closeQuietly(s);
    }

    private void serve(Socket s) throws IOException {
        DataInputStream in = new DataInputStream(s.getInputStream());
        OutputStream out = s.getOutputStream();
        while (running) {
            int length;
            try {
                length = in.readUnsignedShort();
            } catch (EOFException e) {
                LOG.log(System.Logger.Level.DEBUG, "vpcd closed the connection");
                return;
            }
            byte[] payload = readFully(in, length);
            frames.incrementAndGet();
            if (length == 1) {
                control(payload[0] & 0xFF, out);
            } else if (length > 1) {
                writeFrame(out, respond(payload));
            }
        }
    }

    private void control(int code, OutputStream out) throws IOException {
        switch (code) {
            case CONTROL_POWER_OFF, CONTROL_POWER_ON, CONTROL_RESET -> key.powerCycle();
            case CONTROL_GET_ATR -> writeFrame(out, key.atr());
            default -> LOG.log(System.Logger.Level.DEBUG, "ignoring unknown vpcd control byte {0}", code);
        }
    }

    private byte[] respond(byte[] apdu) {
        try {
            return key.transmit(apdu);
        } catch (TransportException e) {
            LOG.log(System.Logger.Level.DEBUG, "simulated key refused an APDU: {0}", e.getMessage());
            return SW_ABORTED.clone();
        } catch (SimulatorStateException e) {
            // the command ran, but its effect could not be saved: report failure rather than pretend success
            LOG.log(System.Logger.Level.WARNING, "simulated key could not save its state: {0}", e.getMessage());
            return SW_ABORTED.clone();
        }
    }

    private static byte[] readFully(InputStream in, int length) throws IOException {
        byte[] b = new byte[length];
        int off = 0;
        while (off < length) {
            int n = in.read(b, off, length - off);
            if (n < 0) {
                throw new EOFException("vpcd closed the connection mid-frame");
            }
            off += n;
        }
        return b;
    }

    /** Writes one frame (length prefix + payload) with a single write call. */
    private static void writeFrame(OutputStream out, byte[] payload) throws IOException {
        byte[] frame = new byte[LENGTH_PREFIX + payload.length];
        frame[0] = (byte) (payload.length >> 8);
        frame[1] = (byte) payload.length;
        System.arraycopy(payload, 0, frame, LENGTH_PREFIX, payload.length);
        out.write(frame);
        out.flush();
    }

    private void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    private static void closeQuietly(Socket s) {
        try {
            s.close();
        } catch (IOException e) {
            LOG.log(System.Logger.Level.DEBUG, "closing the vpcd socket failed: {0}", e.getMessage());
        }
    }

    /** Disconnects from vpcd (pcscd then sees the card removed) and stops reconnecting. */
    @Override
    public void close() {
        running = false;
        synchronized (socketLock) {
            if (socket != null) {
                closeQuietly(socket);
            }
        }
        thread.interrupt();
        try {
            thread.join(JOIN_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public String toString() {
        return "VpcdBridge[" + address + ", reader=" + readerName() + ", connected=" + isConnected() + "]";
    }
}
