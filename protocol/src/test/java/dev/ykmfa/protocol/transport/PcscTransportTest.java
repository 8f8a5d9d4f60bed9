package dev.ykmfa.protocol.transport;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.licel.jcardsim.smartcardio.CardSimulator;
import com.licel.jcardsim.smartcardio.CardTerminalSimulator;
import com.licel.jcardsim.utils.AIDUtil;
import java.util.HexFormat;
import javacard.framework.AID;
import javax.smartcardio.CardTerminal;
import javax.smartcardio.CardTerminals;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** PcscTransport over jcardsim's in-process javax.smartcardio terminal, with a probe applet. */
class PcscTransportTest {
    private static final HexFormat HEX = HexFormat.of().withUpperCase();
    private static final String AID_HEX = "F0797A6D666101";
    private static final AID AID = AIDUtil.create(AID_HEX);
    private static final String SELECT = "00A4040007" + AID_HEX;

    private CardSimulator simulator;
    private CardTerminal terminal;

    @BeforeEach
    void insertCard() {
        simulator = new CardSimulator();
        simulator.installApplet(AID, ProbeApplet.class);
        terminal = CardTerminalSimulator.terminal(simulator, "Probe Reader 00 00");
        ProbeApplet.getResponses = 0;
        ProbeApplet.needsLeCalls = 0;
    }

    private static byte[] hex(String s) {
        return HEX.parseHex(s.replace(" ", ""));
    }

    @Test
    void transmit_returnsResponseBytesExactly() {
        try (PcscTransport t = PcscTransport.open(terminal)) {
            assertEquals("9000", HEX.formatHex(t.transmit(hex(SELECT))));
            assertEquals("01020304FF9000", HEX.formatHex(t.transmit(hex("00 01 00 00 05 01 02 03 04 FF"))));
            assertEquals("Probe Reader 00 00", t.readerName());
            assertTrue(t.atr().length > 0, "an ATR");
        }
    }

    @Test
    void transmit_passes61xxThroughUnchanged_neverSendsGetResponse() {
        try (PcscTransport t = PcscTransport.open(terminal)) {
            t.transmit(hex(SELECT));
            assertEquals("0A0B0C0D6105", HEX.formatHex(t.transmit(hex("00 02 00 00 00"))));
        }
        assertEquals(0, ProbeApplet.getResponses, "GET RESPONSE (C0) must not be sent: YKOATH chains with A5");
    }

    @Test
    void transmit_on6Cxx_resendsWithTheCardsLe() {
        try (PcscTransport t = PcscTransport.open(terminal)) {
            t.transmit(hex(SELECT));
            byte[] r = t.transmit(hex("00 03 00 00 05"));
            assertEquals(18, r.length);
            assertEquals("5A".repeat(16) + "9000", HEX.formatHex(r));
        }
        assertEquals(2, ProbeApplet.needsLeCalls, "one refused try, one with Le = 0x10");
    }

    @Test
    void transmit_afterClose_failsClearly() {
        PcscTransport t = PcscTransport.open(terminal);
        t.close();
        t.close();
        TransportException e = assertThrows(TransportException.class, () -> t.transmit(hex(SELECT)));
        assertTrue(e.getMessage().contains("closed"), e.getMessage());
    }

    @Test
    void open_bySubstring_picksTheOneMatchingReader() {
        CardTerminals terminals = CardTerminalSimulator.terminals("Virtual PCD 00 00", "Yubico YubiKey OTP+FIDO+CCID 00 00");
        CardTerminal yubikey = terminals.getTerminal("Yubico YubiKey OTP+FIDO+CCID 00 00");
        simulator.assignToTerminal(yubikey);
        try (PcscTransport t = PcscTransport.open("yubico yubikey", terminals)) {
            assertEquals("Yubico YubiKey OTP+FIDO+CCID 00 00", t.readerName());
            assertEquals("9000", HEX.formatHex(t.transmit(hex(SELECT))));
        }
    }

    @Test
    void open_whenNoReaderMatches_listsTheReaders() {
        CardTerminals terminals = CardTerminalSimulator.terminals("Virtual PCD 00 00", "Virtual PCD 00 01");
        TransportException e = assertThrows(TransportException.class, () -> PcscTransport.open("Yubico", terminals));
        assertEquals("no PC/SC reader name contains 'Yubico'; the readers are 'Virtual PCD 00 00', 'Virtual PCD 00 01':"
                + " choose one of them", e.getMessage());
    }

    @Test
    void open_whenSeveralReadersMatch_listsThem_unlessOneIsExact() {
        CardTerminals terminals = CardTerminalSimulator.terminals("Virtual PCD 00 00", "Virtual PCD 00 01");
        TransportException e = assertThrows(TransportException.class,
                () -> PcscTransport.open("virtual pcd", terminals));
        assertTrue(e.getMessage().startsWith("several PC/SC readers contain 'virtual pcd': 'Virtual PCD 00 00',"
                + " 'Virtual PCD 00 01'"), e.getMessage());
        simulator.assignToTerminal(terminals.getTerminal("Virtual PCD 00 01"));
        try (PcscTransport t = PcscTransport.open("Virtual PCD 00 01", terminals)) {
            assertEquals("Virtual PCD 00 01", t.readerName());
        }
    }

    @Test
    void open_whenNoCard_saysInsertTheKey() {
        CardTerminals terminals = CardTerminalSimulator.terminals("Empty Reader");
        TransportException e = assertThrows(TransportException.class,
                () -> PcscTransport.open(terminals.getTerminal("Empty Reader")));
        assertTrue(e.getMessage().contains("insert the YubiKey"), e.getMessage());
    }

    @Test
    void open_whenAnotherHolderHasTheCard_saysWhoToClose() {
        PcscTransport first = PcscTransport.open(terminal);
        try {
            TransportException e = assertThrows(TransportException.class, () -> runInOtherThread(terminal));
            assertEquals("the card in 'Probe Reader 00 00' is already open in this program: close the other"
                    + " PcscTransport (or OathSession) on it first", e.getMessage());
        } finally {
            first.close();
        }
    }

    @Test
    void open_twiceInOneProgram_isRefused_andLeavesTheFirstTransportWorking() {
        try (PcscTransport first = PcscTransport.open(terminal)) {
            assertThrows(TransportException.class, () -> PcscTransport.open(terminal));
            assertEquals("9000", HEX.formatHex(first.transmit(hex(SELECT))));
        }
        try (PcscTransport again = PcscTransport.open(terminal)) {
            assertEquals("9000", HEX.formatHex(again.transmit(hex(SELECT))), "closing released the terminal");
        }
    }

    private static void runInOtherThread(CardTerminal terminal) throws Throwable {
        Throwable[] failure = new Throwable[1];
        Thread other = new Thread(() -> {
            try {
                PcscTransport.open(terminal).close();
            } catch (Throwable e) {
                failure[0] = e;
            }
        });
        other.start();
        other.join();
        if (failure[0] != null) {
            throw failure[0];
        }
    }

    @Test
    void pcscUnavailable_messages_sayHowToFixIt() {
        String noService = PcscTransport.pcscUnavailable(new Exception("x", new Exception("SCARD_E_NO_SERVICE")));
        assertTrue(noService.contains("start pcscd"), noService);
        String noLibrary = PcscTransport.pcscUnavailable(new UnsatisfiedLinkError("libpcsclite.so: cannot open"));
        assertTrue(noLibrary.contains("apt-get install pcscd libpcsclite1")
                && noLibrary.contains("sun.security.smartcardio.library=/usr/lib/x86_64-linux-gnu/libpcsclite.so.1"),
                noLibrary);
        String sharing = PcscTransport.connectFailure("R", new Exception("SCARD_E_SHARING_VIOLATION"));
        assertTrue(sharing.contains("held by another process") && sharing.contains("scdaemon"), sharing);
    }

    @Test
    void withLe_replacesOrAddsTheLeByte() {
        assertArrayEquals(hex("00 03 00 00 10"), PcscTransport.withLe(hex("00 03 00 00 05"), 0x10));
        assertArrayEquals(hex("00 03 00 00 02 AA BB 10"), PcscTransport.withLe(hex("00 03 00 00 02 AA BB"), 0x10));
        assertArrayEquals(hex("00 03 00 00 00"), PcscTransport.withLe(hex("00 03 00 00"), 0));
    }
}
