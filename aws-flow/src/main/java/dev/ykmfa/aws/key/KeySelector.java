package dev.ykmfa.aws.key;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * Chooses the YubiKey's PC/SC reader: by reader-name substring, by the key's serial number, or — with neither — the
 * one reader whose name contains "Yubico". Several candidates, or none, is a clear error that lists the readers.
 * JDK only (the caller lists readers, e.g. with {@code PcscTransport.readers()}).
 */
public final class KeySelector {
    /** The default reader filter (DESIGN §7). */
    public static final String DEFAULT_READER_MATCH = "Yubico";

    private KeySelector() {
    }

    /**
     * @param readers   the reader names present
     * @param substring a part of the reader name (case-insensitive), or null
     * @param serial    the key's serial number, or null
     * @param serialOf  reads the serial of the key in a reader (only called when {@code serial} is given); empty when
     *                  unknown
     * @return the chosen reader name
     * @throws KeySelectionException when no reader or several readers match, naming them and the fix
     */
    public static String choose(List<String> readers, String substring, String serial,
                                Function<String, Optional<String>> serialOf) {
        Objects.requireNonNull(readers, "readers");
        if (readers.isEmpty()) {
            throw new KeySelectionException("No smart-card reader found: insert the YubiKey (and check that pcscd "
                    + "is running), or start `ykmfa sim` for a simulated key.");
        }
        List<String> candidates = new ArrayList<>();
        String criterion;
        if (serial != null) {
            criterion = "serial " + serial;
            for (String reader : filter(readers, substring)) {
                if (serialOf.apply(reader).map(serial::equals).orElse(false)) {
                    candidates.add(reader);
                }
            }
        } else if (substring != null) {
            criterion = "'" + substring + "'";
            candidates.addAll(filter(readers, substring));
        } else {
            criterion = "'" + DEFAULT_READER_MATCH + "'";
            candidates.addAll(filter(readers, DEFAULT_READER_MATCH));
        }
        if (candidates.size() == 1) {
            return candidates.get(0);
        }
        if (candidates.isEmpty()) {
            throw new KeySelectionException("No reader matches " + criterion + "; readers present: "
                    + String.join(", ", readers) + ". Choose one with --reader NAME (a part of its name).");
        }
        throw new KeySelectionException("Several readers match " + criterion + ": " + String.join(", ", candidates)
                + ". Choose one with --reader NAME (a longer part of its name) or --serial N.");
    }

    private static List<String> filter(List<String> readers, String substring) {
        if (substring == null) {
            return readers;
        }
        String wanted = substring.toLowerCase(Locale.ROOT);
        List<String> matching = new ArrayList<>();
        for (String reader : readers) {
            if (reader.toLowerCase(Locale.ROOT).contains(wanted)) {
                matching.add(reader);
            }
        }
        return matching;
    }
}
