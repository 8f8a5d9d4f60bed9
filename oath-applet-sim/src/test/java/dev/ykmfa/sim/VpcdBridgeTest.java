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
import java.time.Duration;
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
}
