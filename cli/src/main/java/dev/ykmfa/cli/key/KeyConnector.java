package dev.ykmfa.cli.key;

import dev.ykmfa.protocol.transport.ApduTransport;

/** How the CLI reaches a key: a PC/SC reader, or a simulated key (tests, {@code --simulated-key}). */
@FunctionalInterface
public interface KeyConnector {
    /**
     * Connects to the key.
     *
     * @return the open connection; the caller closes it
     */
    KeyConnection connect();

    /** An open link to a key and the name of its reader. */
    final class KeyConnection {
        private final ApduTransport transport;
        private final String readerName;

        /**
         * @param transport the APDU link
         * @param readerName the reader's name, for messages
         */
        public KeyConnection(ApduTransport transport, String readerName) {
            this.transport = transport;
            this.readerName = readerName;
        }

        /** @return the APDU link */
        public ApduTransport transport() {
            return transport;
        }

        /** @return the reader's name */
        public String readerName() {
            return readerName;
        }
    }
}
