package dev.ykmfa.sim;

import com.licel.jcardsim.base.Simulator;
import dev.ykmfa.protocol.transport.ApduTransport;
import dev.ykmfa.protocol.transport.TransportException;
import dev.ykmfa.sim.applet.ManagementApplet;
import dev.ykmfa.sim.applet.OathApplet;
import dev.ykmfa.sim.applet.PersistentWriter;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;
import javacard.framework.AID;
import javax.smartcardio.CardTerminal;

/**
 * A simulated YubiKey 5: the {@link OathApplet} and a {@link ManagementApplet} installed on jCardSim, reachable as
 * an {@link ApduTransport}, as an in-process {@link CardTerminal} ({@link #cardTerminal()}) and, through
 * {@link VpcdBridge}, as a PC/SC reader for pcscd, ykman and any PC/SC client.
 *
 * <p>Behaves like a key on logical channel 0: a SELECT of an AID the key does not host answers {@code 6A82} and
 * leaves the current application selected; re-selecting OATH, {@link #powerCycle()} and {@link #remove()} +
 * {@link #insert()} drop the session (a password must be validated again). Credentials, the HOTP counters and the
 * password are persistent across power cycles.
 *
 * <pre>{@code
 * SimulatedYubiKey key = SimulatedYubiKey.builder().serial(1234567).touchPolicy(TouchPolicy.APPROVE).build();
 * byte[] response = key.transmit(HexFormat.of().parseHex("00A4040007A0000005272101"));
 * }</pre>
 *
 * <p>With {@link Builder#stateFile(Path)} the key's content (credentials with their HOTP counters, the access
 * key, the salt, serial, firmware version and capacity) survives the process: it is loaded from that file when it
 * exists and saved to it, atomically, after every APDU that changed the applet's persistent store.
 * {@link #saveState(Path)} writes a snapshot on demand.
 *
 * <p>Thread-safe: jCardSim keeps its active runtime in a global, so every APDU of every simulated key in the JVM
 * runs under one lock.
 */
public final class SimulatedYubiKey implements ApduTransport {
    private static final Object JCARDSIM_LOCK = new Object();
    private static final HexFormat HEX = HexFormat.of();

    private final int serial;
    private final int[] firmware;
    private final int capacity;
    private final Simulator simulator;
    private final PersistentWriter writer;
    private final TearingControl tearing;
    private final byte[][] installedAids;
    private final AppletStateAccess state;
    private final Path stateFile;
    /** The store image last written to {@link #stateFile} (guarded by the simulator lock). */
    private byte[] savedImage;
    private volatile boolean removed;

    private SimulatedYubiKey(Builder b, KeyStateFile.Contents restored) {
        this.serial = restored != null ? restored.serial : b.serial;
        this.firmware = restored != null ? restored.firmware.clone() : b.firmware.clone();
        this.capacity = restored != null ? restored.capacity : b.capacity;
        this.stateFile = b.stateFile;
        KeyRuntime runtime = new KeyRuntime();
        byte[] oathAid = HEX.parseHex(SimConstants.OATH_AID);
        byte[] mgmtAid = HEX.parseHex(SimConstants.MANAGEMENT_AID);
        synchronized (JCARDSIM_LOCK) {
            simulator = new Simulator(runtime);
            byte[] oathData = {
                (byte) (capacity >> 8), (byte) capacity,
                (byte) firmware[0], (byte) firmware[1], (byte) firmware[2]};
            AID oath = install(oathAid, OathApplet.class, oathData);
            byte[] mgmtData = {
                (byte) firmware[0], (byte) firmware[1], (byte) firmware[2],
                (byte) (serial >> 24), (byte) (serial >> 16), (byte) (serial >> 8), (byte) serial,
                (byte) 0x01};
            install(mgmtAid, ManagementApplet.class, mgmtData);
            OathApplet applet = (OathApplet) runtime.appletInstance(oath);
            TouchPolicy policy = b.touchPolicy;
            applet.attachTouchPort(policy::awaitTouch);
            writer = applet.persistentWriter();
            state = new AppletStateAccess(applet);
            if (restored != null) {
                if (restored.storeImage.length != state.imageLength()) {
                    throw KeyStateFile.corrupt(b.stateFile.toAbsolutePath(), "its store image has "
                            + restored.storeImage.length + " bytes but this simulator's applet with capacity "
                            + capacity + " needs " + state.imageLength() + " (written by an incompatible version)");
                }
                state.importImage(restored.storeImage);
                savedImage = restored.storeImage;
            } else if (stateFile != null) {
                saveIfChanged();
            }
        }
        tearing = new TearingControl(writer, JCARDSIM_LOCK);
        installedAids = new byte[][] {oathAid, mgmtAid};
    }

    private AID install(byte[] aid, Class<? extends javacard.framework.Applet> type, byte[] appletData) {
        byte[] params = new byte[1 + aid.length + 1 + 1 + appletData.length];
        int p = 0;
        params[p++] = (byte) aid.length;
        System.arraycopy(aid, 0, params, p, aid.length);
        p += aid.length;
        params[p++] = 0; // no control info
        params[p++] = (byte) appletData.length;
        System.arraycopy(appletData, 0, params, p, appletData.length);
        AID id = new AID(aid, (short) 0, (byte) aid.length);
        simulator.installApplet(id, type, params, (short) 0, (byte) params.length);
        return id;
    }

    /** @return a builder with the defaults: serial 12345678, firmware 5.4.3, 32 credentials, touch approved */
    public static Builder builder() {
        return new Builder();
    }

    /** @return a key with every default (see {@link #builder()}) */
    public static SimulatedYubiKey create() {
        return builder().build();
    }

    /**
     * Sends one command APDU to the key.
     *
     * @throws TransportException when the key was removed, or when a tearing test cut the power
     */
    @Override
    public byte[] transmit(byte[] commandApdu) {
        Objects.requireNonNull(commandApdu, "commandApdu");
        if (removed) {
            throw new TransportException("No card in the simulated reader: the simulated YubiKey was removed; "
                    + "call insert() first.");
        }
        if (commandApdu.length < SimConstants.HEADER_LENGTH) {
            return statusWord(SimConstants.SW_WRONG_LENGTH);
        }
        synchronized (JCARDSIM_LOCK) {
            byte[] apdu = commandApdu;
            if (isSelectByName(commandApdu)) {
                apdu = routeSelect(commandApdu);
                if (apdu == null) {
                    return statusWord(SimConstants.SW_FILE_NOT_FOUND);
                }
            }
            byte[] response;
            try {
                response = simulator.transmitCommand(apdu);
            } catch (IllegalArgumentException e) {
                // jCardSim refuses APDUs whose Lc/Le do not match their length; a card answers "wrong length"
                return statusWord(SimConstants.SW_WRONG_LENGTH);
            } finally {
                if (!writer.hasTorn()) {
                    saveIfChanged();
                }
            }
            if (writer.hasTorn()) {
                writer.disarm();
                simulator.reset();
                saveIfChanged(); // a torn write leaves what the EEPROM would hold
                throw new TransportException("Simulated power loss at an armed persistent write: the simulated "
                        + "YubiKey was power-cycled.");
            }
            return response;
        }
    }

    /** Writes the store to {@link #stateFile} when it differs from what was written last; under the lock. */
    private void saveIfChanged() {
        if (stateFile == null) {
            return;
        }
        byte[] image = state.exportImage();
        if (savedImage != null && Arrays.equals(image, savedImage)) {
            Arrays.fill(image, (byte) 0);
            return;
        }
        KeyStateFile.write(stateFile, new KeyStateFile.Contents(serial, firmware, capacity, image));
        if (savedImage != null) {
            Arrays.fill(savedImage, (byte) 0);
        }
        savedImage = image;
    }

    /**
     * Writes the key's whole content (credentials with their HOTP counters, the access key, the salt, serial,
     * firmware version and capacity) to {@code file}, atomically and readable by the owner only (mode 0600 on
     * POSIX file systems); missing parent directories are created (mode 0700). The file holds OATH secrets.
     * {@link Builder#stateFile(Path)} starts a key from it.
     *
     * @param file where to write; replaced if it exists
     * @throws SimulatorStateException when the file cannot be written (the message names it)
     */
    public void saveState(Path file) {
        Objects.requireNonNull(file, "file");
        synchronized (JCARDSIM_LOCK) {
            byte[] image = state.exportImage();
            try {
                KeyStateFile.write(file, new KeyStateFile.Contents(serial, firmware, capacity, image));
            } finally {
                Arrays.fill(image, (byte) 0);
            }
        }
    }

    /** @return the file this key loads from and saves to after every change, if one was set */
    public Optional<Path> stateFile() {
        return Optional.ofNullable(stateFile);
    }

    private static boolean isSelectByName(byte[] apdu) {
        return (apdu[0] & 0xFF) == SimConstants.SELECT_CLA && (apdu[1] & 0xFF) == SimConstants.SELECT_INS
                && (apdu[2] & 0xFF) == SimConstants.SELECT_BY_NAME;
    }

    /** @return the SELECT rewritten to name the installed AID exactly, or null when nothing matches */
    private byte[] routeSelect(byte[] apdu) {
        if (apdu.length <= SimConstants.OFFSET_DATA) {
            return null;
        }
        int lc = apdu[SimConstants.OFFSET_LC] & 0xFF;
        int dataOff = SimConstants.OFFSET_DATA;
        if (lc == 0 && apdu.length >= SimConstants.OFFSET_DATA + 2) { // extended length: 00 Lc1 Lc2
            lc = ((apdu[SimConstants.OFFSET_DATA] & 0xFF) << 8) | (apdu[SimConstants.OFFSET_DATA + 1] & 0xFF);
            dataOff = SimConstants.OFFSET_DATA + 2;
        }
        if (lc == 0 || apdu.length < dataOff + lc) {
            return null;
        }
        byte[] given = Arrays.copyOfRange(apdu, dataOff, dataOff + lc);
        for (byte[] aid : installedAids) {
            boolean longer = given.length >= aid.length && Arrays.equals(aid, 0, aid.length, given, 0, aid.length);
            boolean partial = given.length >= SimConstants.MIN_PARTIAL_AID && given.length < aid.length
                    && Arrays.equals(aid, 0, given.length, given, 0, given.length);
            if (longer || partial) {
                // a short SELECT naming the installed AID exactly, with Le 00 (the response is short)
                byte[] out = new byte[SimConstants.OFFSET_DATA + aid.length + 1];
                System.arraycopy(apdu, 0, out, 0, SimConstants.OFFSET_LC);
                out[SimConstants.OFFSET_LC] = (byte) aid.length;
                System.arraycopy(aid, 0, out, SimConstants.OFFSET_DATA, aid.length);
                return out;
            }
        }
        return null;
    }

    private static byte[] statusWord(int sw) {
        return new byte[] {(byte) (sw >> 8), (byte) sw};
    }

    /** Cuts and restores the power: every application is deselected and the session is gone; storage stays. */
    public void powerCycle() {
        synchronized (JCARDSIM_LOCK) {
            simulator.reset();
        }
    }

    /** Pulls the key out of the reader: APDUs fail until {@link #insert()}; the session is gone. */
    public void remove() {
        removed = true;
        powerCycle();
    }

    /** Puts the key back into the reader (powered up, nothing selected). */
    public void insert() {
        removed = false;
    }

    /** @return whether the key is in its (simulated) reader */
    public boolean isPresent() {
        return !removed;
    }

    /** Does nothing: closing a connection leaves the key and its state in place (like PC/SC LEAVE_CARD). */
    @Override
    public void close() {
        // a simulated key outlives the sessions that talk to it
    }

    /** @return the ATR the key presents (an NFC-style YubiKey ATR, see {@link SimConstants#NFC_ATR}) */
    public byte[] atr() {
        return HEX.parseHex(SimConstants.NFC_ATR);
    }

    /** @return the serial number the management applet reports */
    public int serial() {
        return serial;
    }

    /** @return the firmware version, e.g. "5.4.3" */
    public String firmwareVersion() {
        return firmware[0] + "." + firmware[1] + "." + firmware[2];
    }

    /** @return how many credentials the OATH applet holds at most */
    public int capacity() {
        return capacity;
    }

    /** @return the power-loss test seam of the OATH applet */
    public TearingControl tearing() {
        return tearing;
    }

    /**
     * An in-process {@code javax.smartcardio} terminal holding this key, e.g. for
     * {@code PcscTransport.open(CardTerminal)}; no pcscd needed.
     *
     * @return a terminal named "Yubico YubiKey CCID (simulated, serial N)"
     */
    public CardTerminal cardTerminal() {
        return new SimulatedCardTerminal(this, "Yubico YubiKey CCID (simulated, serial " + serial + ")");
    }

    /**
     * @param name the reader name the terminal reports
     * @return an in-process terminal holding this key
     */
    public CardTerminal cardTerminal(String name) {
        return new SimulatedCardTerminal(this, Objects.requireNonNull(name, "name"));
    }

    @Override
    public String toString() {
        return "SimulatedYubiKey[serial=" + serial + ", firmware=" + firmwareVersion() + ", capacity=" + capacity
                + "]";
    }

    /** Builder for {@link SimulatedYubiKey}. */
    public static final class Builder {
        private int serial = SimConstants.DEFAULT_SERIAL;
        private int[] firmware = SimConstants.DEFAULT_FIRMWARE.clone();
        private int capacity = SimConstants.DEFAULT_CAPACITY;
        private TouchPolicy touchPolicy = TouchPolicy.APPROVE;
        private Path stateFile;
        private boolean serialSet;
        private boolean firmwareSet;
        private boolean capacitySet;

        private Builder() {
        }

        /**
         * @param serial the serial number (default 12345678), 1..2^31-1
         * @return this builder
         */
        public Builder serial(int serial) {
            if (serial <= 0) {
                throw new IllegalArgumentException("serial must be positive, was " + serial);
            }
            this.serial = serial;
            this.serialSet = true;
            return this;
        }

        /**
         * @param major major version, 0..255 (default 5)
         * @param minor minor version, 0..255 (default 4)
         * @param patch patch version, 0..255 (default 3)
         * @return this builder
         */
        public Builder firmwareVersion(int major, int minor, int patch) {
            for (int v : new int[] {major, minor, patch}) {
                if (v < 0 || v > 255) {
                    throw new IllegalArgumentException("firmware version parts must be 0..255, was "
                            + major + "." + minor + "." + patch);
                }
            }
            this.firmware = new int[] {major, minor, patch};
            this.firmwareSet = true;
            return this;
        }

        /**
         * @param capacity how many credentials fit (default 32 like a YubiKey 5 before 5.7), 1..254
         * @return this builder
         */
        public Builder capacity(int capacity) {
            if (capacity < 1 || capacity > SimConstants.MAX_CAPACITY) {
                throw new IllegalArgumentException("capacity must be 1.." + SimConstants.MAX_CAPACITY
                        + ", was " + capacity);
            }
            this.capacity = capacity;
            this.capacitySet = true;
            return this;
        }

        /**
         * @param policy what a touch request yields (default {@link TouchPolicy#APPROVE})
         * @return this builder
         */
        public Builder touchPolicy(TouchPolicy policy) {
            this.touchPolicy = Objects.requireNonNull(policy, "policy");
            return this;
        }

        /**
         * Makes the key persistent: {@link #build()} loads the key's content from {@code file} when it exists
         * (its serial, firmware version and capacity win over the builder's defaults), or creates the file with the
         * fresh key's content (so its salt, the device id, is stable from the first run); afterwards every APDU that
         * changes the applet's persistent store (PUT, DELETE, RENAME, SET CODE, RESET, HOTP CALCULATE, a raised
         * "only increasing" challenge, recovery after a power loss) saves it again before its response is returned,
         * as {@link SimulatedYubiKey#saveState(Path)} does. A failed save makes that {@code transmit} throw
         * {@link SimulatorStateException}, and every later one until a save succeeds (the change is retried). One process per file: concurrent writers are not coordinated.
         *
         * @param file the state file, e.g. {@code DIR/key.state}; its parent directories are created if missing
         * @return this builder
         */
        public Builder stateFile(Path file) {
            this.stateFile = Objects.requireNonNull(file, "file");
            return this;
        }

        /**
         * @return the key: freshly installed (no credentials, no password), or restored from the
         *     {@link #stateFile(Path) state file}
         * @throws SimulatorStateException when the state file is corrupt, of another format version, unreadable,
         *     or holds a serial/firmware/capacity other than one set explicitly on this builder; the message names
         *     the file and the fix (usually: delete it to start with an empty key)
         */
        public SimulatedYubiKey build() {
            KeyStateFile.Contents restored = stateFile == null ? null : KeyStateFile.readIfPresent(stateFile);
            if (restored != null) {
                requireSame(serialSet && restored.serial != serial, "serial " + restored.serial,
                        "serial " + serial);
                requireSame(firmwareSet && !Arrays.equals(restored.firmware, firmware),
                        "firmware " + restored.firmware[0] + "." + restored.firmware[1] + "." + restored.firmware[2],
                        "firmware " + firmware[0] + "." + firmware[1] + "." + firmware[2]);
                requireSame(capacitySet && restored.capacity != capacity, "capacity " + restored.capacity,
                        "capacity " + capacity);
            }
            return new SimulatedYubiKey(this, restored);
        }

        private void requireSame(boolean conflict, String inFile, String requested) {
            if (conflict) {
                throw new SimulatorStateException("The simulated key's state file " + stateFile.toAbsolutePath()
                        + " holds a key with " + inFile + ", but " + requested + " was requested. Drop that option "
                        + "to keep the saved key, or delete the file to start a new empty key.");
            }
        }
    }
}
