package dev.ykmfa.cli.key;

import dev.ykmfa.protocol.transport.ApduTransport;
import java.util.Objects;

/**
 * Connects to an in-process key (a {@code SimulatedYubiKey}, possibly behind a state journal): what tests,
 * {@code ykmfa demo} and the hidden {@code --simulated-key} option use instead of PC/SC.
 */
public final class SimulatedKeyConnector implements KeyConnector {
    /** The reader name shown for an in-process simulated key. */
    public static final String READER_NAME = "ykmfa in-process simulated YubiKey";

    private final ApduTransport key;
    private final String readerName;

    /** @param key the simulated key (closing a connection must leave it usable) */
    public SimulatedKeyConnector(ApduTransport key) {
        this(key, READER_NAME);
    }

    /**
     * @param key the simulated key
     * @param readerName the name to report
     */
    public SimulatedKeyConnector(ApduTransport key, String readerName) {
        this.key = Objects.requireNonNull(key, "key");
        this.readerName = Objects.requireNonNull(readerName, "readerName");
    }

    @Override
    public KeyConnection connect() {
        return new KeyConnection(key, readerName);
    }

    @Override
    public String toString() {
        return "SimulatedKeyConnector[" + readerName + "]";
    }
}
