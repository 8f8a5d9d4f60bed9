package dev.ykmfa.cli.sim;

import dev.ykmfa.aws.files.PrivateFiles;
import dev.ykmfa.protocol.transport.ApduTransport;
import dev.ykmfa.protocol.ykoath.OathConstants;
import dev.ykmfa.sim.SimulatedYubiKey;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

/**
 * A {@link SimulatedYubiKey} whose OATH store survives a restart: every state-changing YKOATH command the key
 * accepted (PUT, DELETE, RENAME, SET CODE, RESET — status 9000 while the OATH application is selected) is appended to
 * a journal file, and {@link #open(Path)} replays the journal into a fresh key.
 *
 * <p>{@code oath-applet-sim} offers no snapshot of the applet's store (the YKOATH protocol never reads a secret
 * back), so this journal is the CLI's way to persist it. Replay runs with no password set: PUT/DELETE/RENAME in
 * order (a RESET clears everything before it), then the last SET CODE, which is self-contained (key, host challenge
 * and response), so the password comes back too. Not replayed: HOTP counters advanced by CALCULATE.
 *
 * <p>The journal holds the credentials' secrets in hex, like the key itself holds them: it is written 0600 in a
 * directory the caller keeps private (a simulator's state, never a real key's).
 */
public final class JournaledKey implements ApduTransport {
    /** The journal's file name inside the state directory. */
    public static final String JOURNAL_FILE = "oath-journal.hex";
    private static final HexFormat HEX = HexFormat.of();
    private static final int OFFSET_CLA = 0;
    private static final int OFFSET_INS = 1;
    private static final int OFFSET_P1 = 2;
    private static final int OFFSET_LC = 4;
    private static final int OFFSET_DATA = 5;
    private static final int SW_LENGTH = 2;
    private static final int CHAINING_BIT = 0x10;
    private static final int BYTE = 0xFF;
    private static final int SHIFT_BYTE = 8;

    private final SimulatedYubiKey key;
    private final Path journal;
    private boolean oathSelected;
    private final int replayed;

    private JournaledKey(SimulatedYubiKey key, Path journal, int replayed) {
        this.key = key;
        this.journal = journal;
        this.replayed = replayed;
    }

    /**
     * A fresh simulated key with the state recorded in {@code directory} (created 0700 when missing).
     *
     * @param directory the state directory
     * @return the key
     */
    public static JournaledKey open(Path directory) {
        return open(directory, SimulatedYubiKey.create());
    }

    /**
     * Replays the journal in {@code directory} into {@code key} (which must be freshly built) and records from now on.
     *
     * @param directory the state directory
     * @param key a fresh simulated key
     * @return the journaled key
     */
    public static JournaledKey open(Path directory, SimulatedYubiKey key) {
        Objects.requireNonNull(directory, "directory");
        Path journal = directory.resolve(JOURNAL_FILE);
        List<byte[]> entries = new ArrayList<>();
        try {
            PrivateFiles.createParentDirectories(journal);
            if (Files.exists(journal)) {
                for (String line : Files.readAllLines(journal, StandardCharsets.US_ASCII)) {
                    String t = line.trim();
                    if (!t.isEmpty()) {
                        entries.add(HEX.parseHex(t));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the simulated key's journal " + journal + ": "
                    + e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("the simulated key's journal " + journal + " is damaged (not hex): "
                    + "delete it to start with an empty key", e);
        }
        replay(key, entries);
        key.powerCycle();
        return new JournaledKey(key, journal, entries.size());
    }

    private static void replay(SimulatedYubiKey key, List<byte[]> entries) {
        key.transmit(select());
        byte[] password = null;
        for (byte[] apdu : entries) {
            int ins = apdu[OFFSET_INS] & BYTE;
            if (ins == OathConstants.INS_SET_CODE) {
                password = apdu;
            } else {
                if (ins == OathConstants.INS_RESET) {
                    password = null;
                }
                key.transmit(apdu);
            }
        }
        if (password != null) {
            key.transmit(password);
        }
    }

    private static byte[] select() {
        byte[] aid = OathConstants.aid();
        byte[] apdu = new byte[OFFSET_DATA + aid.length];
        apdu[OFFSET_CLA] = (byte) OathConstants.CLA;
        apdu[OFFSET_INS] = (byte) OathConstants.INS_SELECT;
        apdu[OFFSET_P1] = (byte) OathConstants.P1_SELECT_BY_AID;
        apdu[OFFSET_LC] = (byte) aid.length;
        System.arraycopy(aid, 0, apdu, OFFSET_DATA, aid.length);
        return apdu;
    }

    /** @return the simulated key behind the journal (e.g. for a vpcd bridge) */
    public SimulatedYubiKey key() {
        return key;
    }

    /** @return how many journal entries were replayed when opening */
    public int replayedEntries() {
        return replayed;
    }

    /** @return the journal file */
    public Path journal() {
        return journal;
    }

    @Override
    public synchronized byte[] transmit(byte[] commandApdu) {
        byte[] response = key.transmit(commandApdu);
        if (commandApdu.length < OFFSET_LC || response.length < SW_LENGTH) {
            return response;
        }
        int sw = (response[response.length - 2] & BYTE) << SHIFT_BYTE | response[response.length - 1] & BYTE;
        int ins = commandApdu[OFFSET_INS] & BYTE;
        boolean select = (commandApdu[OFFSET_CLA] & ~CHAINING_BIT) == OathConstants.CLA
                && ins == OathConstants.INS_SELECT && (commandApdu[OFFSET_P1] & BYTE) == OathConstants.P1_SELECT_BY_AID;
        if (select) {
            if (sw == OathConstants.SW_SUCCESS) {
                oathSelected = selectsOath(commandApdu);
            } // a refused SELECT leaves the current application selected
            return response;
        }
        if (oathSelected && sw == OathConstants.SW_SUCCESS && changesState(ins)) {
            append(commandApdu);
        }
        return response;
    }

    private static boolean selectsOath(byte[] apdu) {
        byte[] aid = OathConstants.aid();
        if (apdu.length < OFFSET_DATA + aid.length) {
            return false;
        }
        return Arrays.equals(apdu, OFFSET_DATA, OFFSET_DATA + aid.length, aid, 0, aid.length);
    }

    private static boolean changesState(int ins) {
        return ins == OathConstants.INS_PUT || ins == OathConstants.INS_DELETE || ins == OathConstants.INS_SET_CODE
                || ins == OathConstants.INS_RESET || ins == OathConstants.INS_RENAME;
    }

    private void append(byte[] apdu) {
        try {
            PrivateFiles.createPrivateFileIfMissing(journal);
            Files.write(journal, (HEX.formatHex(apdu) + "\n").getBytes(StandardCharsets.US_ASCII),
                    StandardOpenOption.APPEND, StandardOpenOption.SYNC);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot record the simulated key's state in " + journal + ": "
                    + e.getMessage(), e);
        }
    }

    /** Does nothing: the key outlives sessions, like {@link SimulatedYubiKey#close()}. */
    @Override
    public void close() {
        // the simulated key stays
    }

    @Override
    public String toString() {
        return "JournaledKey[" + key + ", journal=" + journal + "]";
    }
}
