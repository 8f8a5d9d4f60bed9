package dev.ykmfa.sim;

import static dev.ykmfa.sim.Apdus.*;
import static org.junit.jupiter.api.Assertions.*;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.ConnectException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The vpcd wire protocol, against a stand-in for vpcd (a local server socket speaking vpcd's framing). */
@Timeout(20)
class VpcdBridgeTest {

    /** Plays vpcd's side of one connection. */
    private static final class FakeVpcd implements AutoCloseable {
        final Socket socket;
        final DataInputStream in;
        final OutputStream out;

        FakeVpcd(ServerSocket server) throws IOException {
            socket = server.accept();
            socket.setSoTimeout(5000);
            in = new DataInputStream(socket.getInputStream());
            out = socket.getOutputStream();
        }

        void send(byte[] payload) throws IOException {
            byte[] frame = new byte[payload.length + 2];
            frame[0] = (byte) (payload.length >> 8);
            frame[1] = (byte) payload.length;
            System.arraycopy(payload, 0, frame, 2, payload.length);
            out.write(frame);
            out.flush();
        }

        byte[] receive() throws IOException {
            int len = in.readUnsignedShort();
            byte[] b = new byte[len];
            in.readFully(b);
            return b;
        }

        byte[] transmit(byte[] apdu) throws IOException {
            send(apdu);
            return receive();
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }

    private static ServerSocket listen(int port) throws IOException {
        ServerSocket s = new ServerSocket();
        s.setReuseAddress(true);
        s.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        return s;
    }

    @Test
    void bridge_answersAtrRequestAndApdus_inLengthPrefixedFrames() throws Exception {
        SimulatedYubiKey key = SimulatedYubiKey.create();
        try (ServerSocket server = listen(0);
             VpcdBridge bridge = VpcdBridge.start(key, "127.0.0.1", server.getLocalPort());
             FakeVpcd vpcd = new FakeVpcd(server)) {
            assertTrue(bridge.awaitConnected(Duration.ofSeconds(5)));
            vpcd.send(new byte[] {1}); // power on: no answer
            vpcd.send(new byte[] {4}); // ATR request
            assertEquals("3B8D80018073C021C057597562694B6579F9", hex(vpcd.receive()));
            byte[] select = vpcd.transmit(selectOath());
            assertEquals(0x9000, sw(select));
            assertEquals(0x6A82, sw(vpcd.transmit(hex("00A4040005A000000308"))));
            assertEquals("9000", hex(vpcd.transmit(hex("00A1000000"))));
            vpcd.send(new byte[] {2}); // reset: the session is gone
            assertNotEquals(0x9000, sw(vpcd.transmit(hex("00A1000000"))));
        }
    }

    @Test
    void bridge_reconnects_whenVpcdRestarts() throws Exception {
        SimulatedYubiKey key = SimulatedYubiKey.create();
        int port;
        VpcdBridge bridge;
        try (ServerSocket server = listen(0)) {
            port = server.getLocalPort();
            bridge = VpcdBridge.start(key, "127.0.0.1", port);
            try (FakeVpcd vpcd = new FakeVpcd(server)) {
                assertEquals(0x9000, sw(vpcd.transmit(selectOath())));
            }
        }
        try {
            Thread.sleep(300); // pcscd is "down" for a while: the bridge backs off and retries
            try (ServerSocket server = listen(port); FakeVpcd vpcd = new FakeVpcd(server)) {
                assertEquals(0x9000, sw(vpcd.transmit(selectOath())));
                assertTrue(bridge.connectionCount() >= 2);
                assertEquals("Virtual PCD (vpcd slot on port " + port + ")", bridge.readerName());
            }
        } finally {
            bridge.close();
        }
    }

    @Test
    void close_disconnects_andStopsRetrying() throws Exception {
        SimulatedYubiKey key = SimulatedYubiKey.create();
        try (ServerSocket server = listen(0)) {
            VpcdBridge bridge = VpcdBridge.start(key, "127.0.0.1", server.getLocalPort());
            try (FakeVpcd vpcd = new FakeVpcd(server)) {
                bridge.close();
                assertEquals(-1, vpcd.in.read(), "vpcd sees the card go away");
            }
            server.setSoTimeout(600);
            assertThrows(java.net.SocketTimeoutException.class, server::accept, "no reconnect after close()");
            assertFalse(bridge.isConnected());
        }
    }

    @Test
    void readerName_followsTheVpcdSlot() {
        assertEquals("Virtual PCD 00 00", VpcdBridge.readerNameFor(SimConstants.VPCD_DEFAULT_PORT));
        assertEquals("Virtual PCD 00 01", VpcdBridge.readerNameFor(SimConstants.VPCD_DEFAULT_PORT + 1));
        assertEquals("Virtual PCD (vpcd slot on port 1)", VpcdBridge.readerNameFor(1));
        assertThrows(IllegalArgumentException.class,
                () -> VpcdBridge.start(SimulatedYubiKey.create(), "127.0.0.1", 0));
    }

    @Test
    void isSelfConnection_onlyWhenBothEndsAreTheSameAddressAndPort() throws Exception {
        InetAddress loopback = InetAddress.getByName("127.0.0.1");
        InetAddress other = InetAddress.getByName("127.0.0.2");
        InetSocketAddress self = new InetSocketAddress(loopback, 40001);
        assertTrue(VpcdBridge.isSelfConnection(self, new InetSocketAddress(loopback, 40001)));
        assertFalse(VpcdBridge.isSelfConnection(self, new InetSocketAddress(loopback, 40002)), "other port");
        assertFalse(VpcdBridge.isSelfConnection(self, new InetSocketAddress(other, 40001)), "other address");
        assertFalse(VpcdBridge.isSelfConnection(null, self), "unbound socket");
        assertFalse(VpcdBridge.isSelfConnection(self, null), "unconnected socket");
    }

    /** A loopback port nothing listens on (just released by the kernel); never one of vpcd's real ports. */
    private static int freePort() throws IOException {
        int port;
        do {
            try (ServerSocket s = listen(0)) {
                port = s.getLocalPort();
            }
        } while (port == SimConstants.VPCD_DEFAULT_PORT || port == SimConstants.VPCD_DEFAULT_PORT + 1);
        return port;
    }

    /** A socket bound to 127.0.0.1:{@code port}; connecting it to that same address makes it connect to itself. */
    private static Socket boundTo(int port) throws IOException {
        Socket s = new Socket();
        try {
            s.setReuseAddress(true);
            s.bind(new InetSocketAddress("127.0.0.1", port));
            return s;
        } catch (IOException e) {
            s.close();
            throw e;
        }
    }

    /** Skips (visibly) on kernels where TCP simultaneous open does not connect a socket to itself. */
    private static void assumeKernelSelfConnects(int port) throws IOException {
        try (Socket s = boundTo(port)) {
            s.connect(new InetSocketAddress("127.0.0.1", port), 1000);
            boolean self = VpcdBridge.isSelfConnection(s.getLocalSocketAddress(), s.getRemoteSocketAddress());
            s.setSoLinger(true, 0);
            Assumptions.assumeTrue(self, "this kernel connected the socket elsewhere: " + s);
        } catch (ConnectException e) {
            Assumptions.assumeTrue(false,
                    "this kernel refuses a connect to the socket's own address (no TCP self-connect): " + e);
        }
    }

    private static void awaitAtLeast(List<?> list, int size, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (list.size() < size && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
    }

    private static ServerSocket listenWithin(int port, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            try {
                return listen(port);
            } catch (java.net.BindException e) {
                if (System.nanoTime() > deadline) {
                    throw e;
                }
                Thread.sleep(20);
            }
        }
    }

    @Test
    void bridge_dropsASelfConnectedSocket_keepsRetrying_andLeavesThePortFreeForVpcd() throws Exception {
        int port = freePort();
        assumeKernelSelfConnects(port);
        AtomicBoolean forceSelfConnect = new AtomicBoolean(true);
        List<Socket> made = new CopyOnWriteArrayList<>();
        VpcdBridge.SocketSource source = () -> {
            Socket s = forceSelfConnect.get() ? boundTo(port) : new Socket();
            made.add(s);
            return s;
        };
        try (VpcdBridge bridge = VpcdBridge.start(SimulatedYubiKey.create(), "127.0.0.1", port, source)) {
            awaitAtLeast(made, 3, Duration.ofSeconds(5));
            assertTrue(made.size() >= 3, "the bridge keeps retrying after a self-connection, made " + made.size());
            assertTrue(made.get(0).isConnected(), "the first attempt really connected (to itself): " + made.get(0));
            assertEquals(0, bridge.connectionCount(), "a self-connection is not a vpcd connection");
            assertFalse(bridge.isConnected());
            forceSelfConnect.set(false);
            for (Socket s : made.subList(0, 3)) {
                assertTrue(s.isClosed(), "self-connected socket closed at once: " + s);
            }

            // vpcd (re)starts on the port: it can bind it, and the bridge connects to it as the card
            try (ServerSocket server = listenWithin(port, Duration.ofSeconds(3))) {
                server.setSoTimeout(5000);
                try (FakeVpcd vpcd = new FakeVpcd(server)) {
                    assertEquals(0x9000, sw(vpcd.transmit(selectOath())));
                    assertEquals(1, bridge.connectionCount());
                }
            }
        }
    }
}
