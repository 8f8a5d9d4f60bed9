package dev.ykmfa.protocol.transport;

import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import javax.smartcardio.Card;
import javax.smartcardio.CardChannel;
import javax.smartcardio.CardException;
import javax.smartcardio.CardNotPresentException;
import javax.smartcardio.CardTerminal;
import javax.smartcardio.CardTerminals;
import javax.smartcardio.CommandAPDU;
import javax.smartcardio.TerminalFactory;

/**
 * An {@link ApduTransport} to a card in a PC/SC reader, on {@code javax.smartcardio}: a real YubiKey, a simulated
 * key behind pcscd + vpcd, or an in-process terminal such as jcardsim's {@code CardTerminalSimulator}.
 *
 * <pre>{@code
 * System.out.println(PcscTransport.readers());                 // e.g. [Yubico YubiKey OTP+FIDO+CCID 00 00]
 * try (OathSession oath = OathSession.open(PcscTransport.open("Yubico YubiKey"))) { ... }
 * }</pre>
 *
 * <h2>Status words: what this layer resolves and what it passes up</h2>
 * <ul>
 *   <li>{@code 61xx} is passed up <b>unchanged</b>. YKOATH uses {@code 61xx} for its own response chaining and
 *       expects SEND REMAINING ({@code A5}), not ISO GET RESPONSE ({@code C0}), which YubiKeys answer with
 *       {@code 6D00} ({@code spec/ykoath.md} §2, pitfall 3). The JDK's PC/SC provider would otherwise send
 *       {@code C0} by itself, so this class sets {@code sun.security.smartcardio.t0GetResponse} and
 *       {@code t1GetResponse} to {@code false} unless the application set them (they are read once, when the JDK
 *       first opens a channel). YubiKeys speak T=1 over CCID, so there is no TPDU-level {@code 61xx} to resolve.</li>
 *   <li>{@code 6Cxx} (wrong Le, a T=0 artefact) is resolved here: the command is sent again once with Le = xx.</li>
 * </ul>
 *
 * <p>The card is opened with exclusive access ({@code Card.beginExclusive}) for the life of the transport; when
 * another process holds it the error says so; a second transport on the same terminal in the same JVM is refused
 * (the JDK would hand both the same {@code Card}). {@link #close()} ends the exclusive access and disconnects with a
 * card reset, so an unlocked OATH session is not left behind. Not thread-safe.
 */
public final class PcscTransport implements ApduTransport {
    private static final String T0_GET_RESPONSE = "sun.security.smartcardio.t0GetResponse";
    private static final String T1_GET_RESPONSE = "sun.security.smartcardio.t1GetResponse";
    /** Where Debian/Ubuntu (x86-64) install the PC/SC library, for the error hint. */
    static final String LIBRARY_HINT = "-Dsun.security.smartcardio.library=/usr/lib/x86_64-linux-gnu/libpcsclite.so.1";
    private static final int SW1_WRONG_LE = 0x6C;
    private static final int SW_LENGTH = 2;
    private static final int SHORT_HEADER = 4;
    private static final int BYTE_MASK = 0xff;
    private static final String ANY_PROTOCOL = "*";

    static {
        if (System.getProperty(T0_GET_RESPONSE) == null) {
            System.setProperty(T0_GET_RESPONSE, "false");
        }
        if (System.getProperty(T1_GET_RESPONSE) == null) {
            System.setProperty(T1_GET_RESPONSE, "false");
        }
    }

    /** Terminals with an open PcscTransport in this JVM (the JDK shares one Card per terminal between connects). */
    private static final Set<CardTerminal> OPEN_TERMINALS = Collections.newSetFromMap(new IdentityHashMap<>());
    /** What the JDK says when another holder in the same JVM already has exclusive access. */
    private static final String JDK_SAME_PROGRAM_EXCLUSIVE = "already assigned";

    private final CardTerminal terminal;
    private final String readerName;
    private final Card card;
    private final CardChannel channel;
    private boolean closed;

    private PcscTransport(CardTerminal terminal, String readerName, Card card) {
        this.terminal = terminal;
        this.readerName = readerName;
        this.card = card;
        this.channel = card.getBasicChannel();
    }

    /**
     * Lists the PC/SC readers, with or without a card.
     *
     * @return the reader names
     * @throws TransportException when the PC/SC library or service is missing, saying how to fix it
     */
    public static List<String> readers() {
        return names(terminals());
    }

    /**
     * Opens the card in the one reader whose name contains {@code readerNameSubstring} (case-insensitive). When
     * several match and one of them equals it (ignoring case), that one is used.
     *
     * @param readerNameSubstring part of the reader name, e.g. {@code "Yubico YubiKey"} or {@code "Virtual PCD 00 00"}
     * @return the transport, holding the card exclusively
     * @throws TransportException when no or several readers match (listing them), no card is present, the card is
     *     held by another process, or PC/SC is unavailable
     */
    public static PcscTransport open(String readerNameSubstring) {
        return open(readerNameSubstring, terminals());
    }

    /**
     * Like {@link #open(String)}, but waits up to {@code cardWait} for a card to appear in the chosen reader (a key
     * being inserted, or a simulated key whose bridge to vpcd just connected).
     *
     * @param readerNameSubstring part of the reader name
     * @param cardWait how long to wait for a card; zero does not wait
     * @return the transport
     * @throws TransportException as {@link #open(String)}, or when no card appeared in time
     */
    public static PcscTransport open(String readerNameSubstring, Duration cardWait) {
        CardTerminal terminal = choose(readerNameSubstring, terminals());
        try {
            if (!cardWait.isZero() && !terminal.isCardPresent()) {
                terminal.waitForCardPresent(Math.max(1, cardWait.toMillis()));
            }
        } catch (CardException e) {
            throw new TransportException(connectFailure(terminal.getName(), e), e);
        }
        return open(terminal);
    }

    static PcscTransport open(String readerNameSubstring, CardTerminals terminals) {
        return open(choose(readerNameSubstring, terminals));
    }

    private static CardTerminal choose(String readerNameSubstring, CardTerminals terminals) {
        Objects.requireNonNull(readerNameSubstring, "readerNameSubstring");
        List<CardTerminal> all = list(terminals);
        String wanted = readerNameSubstring.toLowerCase(Locale.ROOT);
        List<CardTerminal> matches = new ArrayList<>();
        for (CardTerminal t : all) {
            if (t.getName().toLowerCase(Locale.ROOT).contains(wanted)) {
                matches.add(t);
            }
        }
        if (matches.size() > 1) {
            List<CardTerminal> exact = matches.stream().filter(t -> t.getName().equalsIgnoreCase(readerNameSubstring))
                    .collect(Collectors.toList());
            if (exact.size() == 1) {
                matches = exact;
            }
        }
        if (matches.isEmpty()) {
            throw new TransportException("no PC/SC reader name contains '" + readerNameSubstring + "'; "
                    + (all.isEmpty() ? "there are no readers at all: plug in the key (and check that pcscd sees it)"
                            : "the readers are " + quoted(all) + ": choose one of them"));
        }
        if (matches.size() > 1) {
            throw new TransportException("several PC/SC readers contain '" + readerNameSubstring + "': "
                    + quoted(matches) + "; give more of the name (the full name selects exactly one)");
        }
        return matches.get(0);
    }

    /**
     * Opens the card in a given terminal (for example an in-process simulated one) with exclusive access.
     *
     * @param terminal the terminal
     * @return the transport
     * @throws TransportException when no card is present or another process holds the card
     */
    public static PcscTransport open(CardTerminal terminal) {
        Objects.requireNonNull(terminal, "terminal");
        String name = terminal.getName();
        synchronized (OPEN_TERMINALS) {
            if (OPEN_TERMINALS.contains(terminal)) {
                throw new TransportException(alreadyOpen(name));
            }
            Card card;
            try {
                card = terminal.connect(ANY_PROTOCOL);
            } catch (CardNotPresentException e) {
                throw new TransportException("no card in reader '" + name + "': insert the YubiKey and retry", e);
            } catch (CardException | RuntimeException e) {
                throw new TransportException(connectFailure(name, e), e);
            }
            try {
                card.beginExclusive();
            } catch (CardException | RuntimeException e) {
                if (rootMessage(e).contains(JDK_SAME_PROGRAM_EXCLUSIVE)) {
                    // The JDK hands every connect() in this JVM the same Card: it belongs to someone else here, so
                    // disconnecting it would break them.
                    throw new TransportException(alreadyOpen(name), e);
                }
                disconnectQuietly(card);
                throw new TransportException(connectFailure(name, e), e);
            }
            OPEN_TERMINALS.add(terminal);
            return new PcscTransport(terminal, name, card);
        }
    }

    private static String alreadyOpen(String reader) {
        return "the card in '" + reader + "' is already open in this program: close the other PcscTransport (or"
                + " OathSession) on it first";
    }

    /** @return the name of the reader this transport talks to */
    public String readerName() {
        return readerName;
    }

    /** @return a copy of the card's ATR */
    public byte[] atr() {
        return card.getATR().getBytes();
    }

    /** @return the protocol the card was opened with, e.g. {@code T=1} */
    public String protocol() {
        return card.getProtocol();
    }

    @Override
    public byte[] transmit(byte[] commandApdu) {
        Objects.requireNonNull(commandApdu, "commandApdu");
        if (closed) {
            throw new TransportException("the PC/SC transport to '" + readerName + "' is closed: open a new one");
        }
        byte[] response = exchange(commandApdu);
        int n = response.length;
        if (n == SW_LENGTH && (response[0] & BYTE_MASK) == SW1_WRONG_LE) {
            response = exchange(withLe(commandApdu, response[1] & BYTE_MASK));
        }
        return response;
    }

    private byte[] exchange(byte[] apdu) {
        try {
            return channel.transmit(new CommandAPDU(apdu)).getBytes();
        } catch (IllegalArgumentException e) {
            throw new TransportException("the command is not a valid APDU (" + e.getMessage() + ")", e);
        } catch (CardException | IllegalStateException e) {
            throw new TransportException("the exchange with the card in '" + readerName + "' failed ("
                    + rootMessage(e) + "): check that the key is still inserted, then open the reader again", e);
        }
    }

    /** The same command with its Le replaced (short APDUs only: YKOATH never needs extended ones here). */
    static byte[] withLe(byte[] apdu, int le) {
        CommandAPDU c = new CommandAPDU(apdu);
        return new CommandAPDU(c.getCLA(), c.getINS(), c.getP1(), c.getP2(), c.getData(),
                le == 0 ? SHORT_MAX_NE : le).getBytes();
    }

    private static final int SHORT_MAX_NE = 256;

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            card.endExclusive();
        } catch (CardException | RuntimeException e) {
            // the card may be gone already; disconnecting below still releases the handle
        }
        disconnectQuietly(card);
        synchronized (OPEN_TERMINALS) {
            OPEN_TERMINALS.remove(terminal);
        }
    }

    @Override
    public String toString() {
        return "PcscTransport[" + readerName + "]";
    }

    private static void disconnectQuietly(Card card) {
        try {
            card.disconnect(true);
        } catch (CardException | RuntimeException e) {
            // nothing more to release
        }
    }

    private static CardTerminals terminals() {
        try {
            return TerminalFactory.getInstance("PC/SC", null).terminals();
        } catch (NoSuchAlgorithmException | RuntimeException | LinkageError e) {
            throw new TransportException(pcscUnavailable(e), e);
        }
    }

    private static List<CardTerminal> list(CardTerminals terminals) {
        try {
            return terminals.list(CardTerminals.State.ALL);
        } catch (CardException | RuntimeException e) {
            if (rootMessage(e).contains("SCARD_E_NO_READERS_AVAILABLE")) {
                return List.of();
            }
            throw new TransportException(pcscUnavailable(e), e);
        }
    }

    private static List<String> names(CardTerminals terminals) {
        return list(terminals).stream().map(CardTerminal::getName).collect(Collectors.toList());
    }

    /** The message for a PC/SC stack that cannot be used at all. */
    static String pcscUnavailable(Throwable e) {
        String root = rootMessage(e);
        if (root.contains("SCARD_E_NO_SERVICE") || root.contains("SCARD_E_SERVICE_STOPPED")) {
            return "the PC/SC service is not running (" + root + "): start pcscd (e.g. 'sudo systemctl start pcscd'"
                    + " or 'sudo pcscd'), then retry";
        }
        return "PC/SC is not available (" + root + "): install the PC/SC daemon and library (Debian/Ubuntu: 'sudo"
                + " apt-get install pcscd libpcsclite1') and start pcscd; if Java cannot find the library, pass its path,"
                + " e.g. " + LIBRARY_HINT;
    }

    /** The message for a card that could not be opened. */
    static String connectFailure(String reader, Throwable e) {
        String root = rootMessage(e);
        if (root.contains("SCARD_E_SHARING_VIOLATION") || root.toLowerCase(Locale.ROOT).contains("exclusive")) {
            return "the card in '" + reader + "' is held by another process (" + root + "): close it and retry,"
                    + " e.g. 'gpgconf --kill scdaemon' for GnuPG, or stop yubikey-agent or another ykman/ykmfa";
        }
        if (root.contains("SCARD_W_REMOVED_CARD") || root.contains("SCARD_E_NO_SMARTCARD")) {
            return "no card in reader '" + reader + "' (" + root + "): insert the YubiKey and retry";
        }
        return "cannot open the card in '" + reader + "' (" + root + "): re-insert the key and retry";
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage() != null ? t.getMessage() : t.getClass().getSimpleName();
    }

    private static String quoted(List<CardTerminal> terminals) {
        return terminals.stream().map(t -> "'" + t.getName() + "'").collect(Collectors.joining(", "));
    }
}
