package dev.ykmfa.cli.key;

import dev.ykmfa.aws.key.KeySelectionException;
import dev.ykmfa.aws.key.KeySelector;
import dev.ykmfa.cli.CliException;
import dev.ykmfa.protocol.transport.PcscTransport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Opens the key through PC/SC: the reader named by {@code --reader} (a substring of its name), or else the one reader
 * whose name contains "Yubico" (aws-flow's {@link KeySelector}); none or several matching readers is a clear error
 * that lists the readers.
 */
public final class PcscKeyConnector implements KeyConnector {
    /** The JDK's system property naming the PC/SC library. */
    static final String LIBRARY_PROPERTY = "sun.security.smartcardio.library";
    private static final List<String> LIBRARY_CANDIDATES = List.of(
            "/usr/lib/x86_64-linux-gnu/libpcsclite.so.1", "/usr/lib/aarch64-linux-gnu/libpcsclite.so.1",
            "/usr/lib64/libpcsclite.so.1", "/usr/lib/libpcsclite.so.1", "/usr/local/lib/libpcsclite.so.1");

    private final String readerSubstring;

    /** @param readerSubstring the {@code --reader} value, or null for the default */
    public PcscKeyConnector(String readerSubstring) {
        this.readerSubstring = readerSubstring;
    }

    @Override
    public KeyConnection connect() {
        configurePcscLibrary();
        String reader;
        try {
            reader = KeySelector.choose(PcscTransport.readers(), readerSubstring, null, r -> Optional.empty());
        } catch (KeySelectionException e) {
            // the CLI selects by --reader only
            throw new CliException(e.getMessage().replace(" or --serial N", ""), e);
        }
        PcscTransport t = PcscTransport.open(reader);
        return new KeyConnection(t, t.readerName());
    }

    /**
     * The JDK looks for {@code libpcsclite.so}, which only the -dev package provides on Debian/Ubuntu/Fedora; point it
     * at the runtime library ({@code libpcsclite.so.1}) unless {@value #LIBRARY_PROPERTY} is set already. Must run
     * before the first use of {@code javax.smartcardio}.
     */
    static void configurePcscLibrary() {
        if (System.getProperty(LIBRARY_PROPERTY) != null) {
            return;
        }
        for (String candidate : LIBRARY_CANDIDATES) {
            if (Files.isReadable(Path.of(candidate))) {
                System.setProperty(LIBRARY_PROPERTY, candidate);
                return;
            }
        }
    }

    @Override
    public String toString() {
        return "PcscKeyConnector[" + (readerSubstring == null ? "default: contains " + KeySelector.DEFAULT_READER_MATCH
                : readerSubstring) + "]";
    }
}
