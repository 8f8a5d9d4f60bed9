package dev.ykmfa.cli.key;

import dev.ykmfa.aws.key.KeySelector;
import dev.ykmfa.protocol.transport.PcscTransport;
import java.util.Optional;

/**
 * Opens the key through PC/SC: the reader named by {@code --reader} (a substring of its name), or else the one reader
 * whose name contains "Yubico" (aws-flow's {@link KeySelector}); none or several matching readers is a clear error
 * that lists the readers.
 */
public final class PcscKeyConnector implements KeyConnector {
    private final String readerSubstring;

    /** @param readerSubstring the {@code --reader} value, or null for the default */
    public PcscKeyConnector(String readerSubstring) {
        this.readerSubstring = readerSubstring;
    }

    @Override
    public KeyConnection connect() {
        String reader = KeySelector.choose(PcscTransport.readers(), readerSubstring, null, r -> Optional.empty());
        PcscTransport t = PcscTransport.open(reader);
        return new KeyConnection(t, t.readerName());
    }

    @Override
    public String toString() {
        return "PcscKeyConnector[" + (readerSubstring == null ? "default: contains " + KeySelector.DEFAULT_READER_MATCH
                : readerSubstring) + "]";
    }
}
