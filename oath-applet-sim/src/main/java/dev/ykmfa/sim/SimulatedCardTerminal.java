package dev.ykmfa.sim;

import dev.ykmfa.protocol.transport.TransportException;
import java.nio.ByteBuffer;
import javax.smartcardio.ATR;
import javax.smartcardio.Card;
import javax.smartcardio.CardChannel;
import javax.smartcardio.CardException;
import javax.smartcardio.CardNotPresentException;
import javax.smartcardio.CardTerminal;
import javax.smartcardio.CommandAPDU;
import javax.smartcardio.ResponseAPDU;

/**
 * A {@code javax.smartcardio} terminal whose card is a {@link SimulatedYubiKey}, so code written for PC/SC runs
 * against the simulator in-process. APDUs pass through unchanged: no automatic GET RESPONSE, no Le rewriting.
 * Only the basic channel exists (logical channels are refused, as on a YubiKey's OATH application).
 */
final class SimulatedCardTerminal extends CardTerminal {
    private static final String PROTOCOL = "T=1";
    private final SimulatedYubiKey key;
    private final String name;

    SimulatedCardTerminal(SimulatedYubiKey key, String name) {
        this.key = key;
        this.name = name;
    }

    @Override
    public String getName() {
        return name;
    }

    @Override
    public Card connect(String protocol) throws CardException {
        if (!"*".equals(protocol) && !PROTOCOL.equals(protocol) && !"T=0".equals(protocol)) {
            throw new IllegalArgumentException("Unsupported protocol " + protocol + ": use \"*\" or \"T=1\"");
        }
        if (!key.isPresent()) {
            throw new CardNotPresentException("No card in " + name + ": the simulated YubiKey was removed");
        }
        return new SimCard();
    }

    @Override
    public boolean isCardPresent() {
        return key.isPresent();
    }

    @Override
    public boolean waitForCardPresent(long timeout) {
        return key.isPresent();
    }

    @Override
    public boolean waitForCardAbsent(long timeout) {
        return !key.isPresent();
    }

    @Override
    public String toString() {
        return "SimulatedCardTerminal[" + name + "]";
    }

    private final class SimCard extends Card {
        private final SimChannel basic = new SimChannel(this);
        private volatile boolean connected = true;

        @Override
        public ATR getATR() {
            return new ATR(key.atr());
        }

        @Override
        public String getProtocol() {
            return PROTOCOL;
        }

        @Override
        public CardChannel getBasicChannel() {
            check();
            return basic;
        }

        @Override
        public CardChannel openLogicalChannel() throws CardException {
            throw new CardException("Logical channels are not supported by the simulated YubiKey");
        }

        @Override
        public void beginExclusive() {
            check();
        }

        @Override
        public void endExclusive() {
            check();
        }

        @Override
        public byte[] transmitControlCommand(int controlCode, byte[] command) throws CardException {
            throw new CardException("Control commands are not supported by the simulated reader " + name);
        }

        @Override
        public void disconnect(boolean reset) {
            if (connected && reset) {
                key.powerCycle();
            }
            connected = false;
        }

        void check() {
            if (!connected) {
                throw new IllegalStateException("Card has been disconnected");
            }
        }
    }

    private final class SimChannel extends CardChannel {
        private final SimCard card;

        SimChannel(SimCard card) {
            this.card = card;
        }

        @Override
        public Card getCard() {
            return card;
        }

        @Override
        public int getChannelNumber() {
            return 0;
        }

        @Override
        public ResponseAPDU transmit(CommandAPDU command) throws CardException {
            return new ResponseAPDU(send(command.getBytes()));
        }

        @Override
        public int transmit(ByteBuffer command, ByteBuffer response) throws CardException {
            byte[] cmd = new byte[command.remaining()];
            command.get(cmd);
            byte[] resp = send(cmd);
            if (response.remaining() < resp.length) {
                throw new IllegalArgumentException("response buffer too small: " + response.remaining()
                        + " bytes left, " + resp.length + " needed");
            }
            response.put(resp);
            return resp.length;
        }

        private byte[] send(byte[] apdu) throws CardException {
            card.check();
            try {
                return key.transmit(apdu);
            } catch (TransportException e) {
                throw new CardException(e.getMessage(), e);
            }
        }

        @Override
        public void close() {
            throw new IllegalStateException("The basic channel cannot be closed");
        }
    }
}
