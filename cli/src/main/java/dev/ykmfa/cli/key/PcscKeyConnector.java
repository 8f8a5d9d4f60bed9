package dev.ykmfa.cli.key;

import dev.ykmfa.cli.CliException;
import dev.ykmfa.protocol.transport.PcscTransport;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Opens the key through PC/SC: the reader named by {@code --reader} (a substring of its name), or else the one reader
 * whose name contains "Yubico"; none or several such readers is a clear error that lists the readers.
 */
public final class PcscKeyConnector implements KeyConnector {
    /** What the default reader's name contains. */
    public static final String DEFAULT_READER_MARK = "Yubico";

    private final String readerSubstring;

    /** @param readerSubstring the {@code --reader} value, or null for the default */
    public PcscKeyConnector(String readerSubstring) {
        this.readerSubstring = readerSubstring;
    }

    @Override
    public KeyConnection connect() {
        if (readerSubstring != null) {
            PcscTransport t = PcscTransport.open(readerSubstring);
            return new KeyConnection(t, t.readerName());
        }
        List<String> readers = PcscTransport.readers();
        List<String> yubico = readers.stream()
                .filter(r -> r.toLowerCase(Locale.ROOT).contains(DEFAULT_READER_MARK.toLowerCase(Locale.ROOT)))
                .collect(Collectors.toList());
        if (yubico.isEmpty()) {
            throw new CliException("no YubiKey found: no PC/SC reader name contains '" + DEFAULT_READER_MARK + "' ("
                    + (readers.isEmpty() ? "there are no readers at all" : "readers: " + quoted(readers))
                    + "); plug in the key, or choose a reader with --reader NAME");
        }
        if (yubico.size() > 1) {
            throw new CliException("several YubiKeys are connected: " + quoted(yubico)
                    + "; choose one with --reader NAME (part of its reader name)");
        }
        PcscTransport t = PcscTransport.open(yubico.get(0));
        return new KeyConnection(t, t.readerName());
    }

    private static String quoted(List<String> names) {
        return names.stream().map(n -> "'" + n + "'").collect(Collectors.joining(", "));
    }

    @Override
    public String toString() {
        return "PcscKeyConnector[" + (readerSubstring == null ? "default: contains " + DEFAULT_READER_MARK
                : readerSubstring) + "]";
    }
}
