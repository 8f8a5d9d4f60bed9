package dev.ykmfa.protocol.transport;

/**
 * The smallest possible link to a smart card application: send one command APDU, receive one response APDU.
 *
 * <p>A response always ends in the two status-word bytes (SW1 SW2). Implementations do no ISO 7816 framing of
 * their own beyond what the physical link needs: response chaining ({@code 61xx} + SEND REMAINING) and status-word
 * interpretation live in the YKOATH client, once. Implementations are a real reader ({@link PcscTransport}), a
 * simulated key, or a scripted transport in tests.
 */
public interface ApduTransport extends AutoCloseable {

    /**
     * Sends one command APDU and returns the complete response APDU, status word included.
     *
     * @param commandApdu the command, header first; never modified by the transport
     * @return the response data followed by SW1 SW2 (at least two bytes)
     * @throws TransportException when the card cannot be reached
     */
    byte[] transmit(byte[] commandApdu);

    /** Releases the link. Closing twice is harmless. */
    @Override
    void close();
}
