package dev.ykmfa.sim.applet;

import javacard.framework.ISO7816;
import javacard.framework.ISOException;
import javacard.framework.Util;
import javacard.security.RandomData;

/**
 * Persistent credential slots, the access key and the salt, laid out so that every update is atomic by
 * construction: new data is written where nothing live points, then one single-byte write makes it live.
 *
 * <ul>
 *   <li>{@code capacity + 1} slots, so an overwrite or rename always finds a free slot. A slot is live when its
 *       state byte equals the current epoch. A replacement record names the slot it replaces; after its state
 *       byte is committed, the old slot is freed and the link cleared. {@link #recover()} finishes that job after
 *       a power loss.</li>
 *   <li>Moving factors (HOTP counter, last challenge of an "only increasing" credential) live in two buffers per
 *       slot and one selector byte.</li>
 *   <li>RESET writes a fresh salt into the idle salt buffer and then bumps the epoch byte (1..126, alternating
 *       parity so the salt buffer alternates too): every slot and the access key of the old epoch die at once.</li>
 *   <li>The access key has two buffers; its state byte holds the buffer (bit 7) and the epoch (bits 0-6).</li>
 * </ul>
 * All persistent writes go through {@link PersistentWriter}.
 */
final class CredentialStore {
    static final short R_ID_LEN = (short) 0;
    static final short R_ID = (short) 1;
    static final short R_TYPE_ALG = (short) (R_ID + YkoathConstants.MAX_ID_LENGTH);
    static final short R_DIGITS = (short) (R_TYPE_ALG + 1);
    static final short R_PROPS = (short) (R_DIGITS + 1);
    static final short R_REPLACES = (short) (R_PROPS + 1);
    static final short R_KEY_LEN = (short) (R_REPLACES + 1);
    static final short R_KEY = (short) (R_KEY_LEN + 1);
    static final short MAX_KEY_LENGTH = (short) 128;
    static final short RECORD_LENGTH = (short) (R_KEY + MAX_KEY_LENGTH);

    /** A moving-factor buffer: length byte + up to 64 bytes (HOTP: 4-byte counter; TOTP: last challenge). */
    static final short MOVING_LENGTH = (short) (1 + YkoathConstants.MAX_CHALLENGE_LENGTH);
    static final short COUNTER_LENGTH = (short) 4;

    private static final byte NO_SLOT = (byte) 0xFF;
    private static final byte FREE = (byte) 0;
    private static final short META_EPOCH = (short) 0;
    private static final short META_PASSWORD_STATE = (short) 1;
    private static final short META_LENGTH = (short) 2;
    private static final byte FIRST_EPOCH = (byte) 1;
    private static final byte LAST_EPOCH = (byte) 126;
    private static final byte PASSWORD_BUFFER_BIT = (byte) 0x80;
    private static final byte PASSWORD_EPOCH_MASK = (byte) 0x7F;
    private static final short P_ALG = (short) 0;
    private static final short P_KEY_LEN = (short) 1;
    private static final short P_KEY = (short) 2;
    static final short MAX_PASSWORD_KEY_LENGTH = (short) 64;
    private static final short PASSWORD_RECORD_LENGTH = (short) (P_KEY + MAX_PASSWORD_KEY_LENGTH);

    private final PersistentWriter writer;
    private final short capacity;
    private final short slotCount;
    private final Object[] records;
    private final Object[] moving;
    private final byte[] movingSelector;
    private final byte[] slotState;
    private final byte[] meta;
    private final byte[] salts;
    private final byte[] passwords;

    CredentialStore(PersistentWriter writer, short capacity, RandomData random, byte[] scratch) {
        this.writer = writer;
        this.capacity = capacity;
        this.slotCount = (short) (capacity + 1);
        records = new Object[slotCount];
        moving = new Object[slotCount];
        for (short i = 0; i < slotCount; i++) {
            records[i] = new byte[RECORD_LENGTH];
            moving[i] = new byte[(short) (2 * MOVING_LENGTH)];
        }
        movingSelector = new byte[slotCount];
        slotState = new byte[slotCount];
        meta = new byte[META_LENGTH];
        salts = new byte[(short) (2 * YkoathConstants.SALT_LENGTH)];
        passwords = new byte[(short) (2 * PASSWORD_RECORD_LENGTH)];
        random.nextBytes(scratch, (short) 0, YkoathConstants.SALT_LENGTH);
        Util.arrayCopy(scratch, (short) 0, salts, saltOffsetFor(FIRST_EPOCH), YkoathConstants.SALT_LENGTH);
        meta[META_EPOCH] = FIRST_EPOCH;
    }

    short capacity() {
        return capacity;
    }

    short slotCount() {
        return slotCount;
    }

    byte[] record(short slot) {
        return (byte[]) records[slot];
    }

    boolean isLive(short slot) {
        return slotState[slot] == meta[META_EPOCH];
    }

    short liveCount() {
        short n = 0;
        for (short i = 0; i < slotCount; i++) {
            if (isLive(i)) {
                n++;
            }
        }
        return n;
    }

    /** @return the live slot whose id equals the given bytes, or -1 */
    short find(byte[] buf, short off, short len) {
        for (short i = 0; i < slotCount; i++) {
            if (isLive(i)) {
                byte[] r = record(i);
                if ((short) (r[R_ID_LEN] & 0xFF) == len
                        && Util.arrayCompare(r, R_ID, buf, off, len) == 0) {
                    return i;
                }
            }
        }
        return (short) -1;
    }

    private short freeSlot() {
        for (short i = 0; i < slotCount; i++) {
            if (slotState[i] == FREE) {
                return i;
            }
        }
        ISOException.throwIt(YkoathConstants.SW_GENERIC_ERROR);
        return (short) -1;
    }

    // ---- salt --------------------------------------------------------------------------------------------

    private static short saltOffsetFor(byte epoch) {
        return (short) ((epoch & 1) * YkoathConstants.SALT_LENGTH);
    }

    byte[] salts() {
        return salts;
    }

    short saltOffset() {
        return saltOffsetFor(meta[META_EPOCH]);
    }

    // ---- credentials ------------------------------------------------------------------------------------

    /**
     * Adds a credential or replaces the one with the same id. The caller has validated every field.
     *
     * @throws ISOException 6A84 when the id is new and the store is full
     */
    void put(byte[] buf, short idOff, short idLen, byte typeAlg, byte digits, byte props,
             short keyOff, short keyLen, short imfOff) {
        short existing = find(buf, idOff, idLen);
        if (existing < 0 && liveCount() >= capacity) {
            ISOException.throwIt(ISO7816.SW_FILE_FULL);
        }
        short slot = freeSlot();
        byte[] r = record(slot);
        writer.writeByte(r, R_ID_LEN, (byte) idLen);
        writer.copy(buf, idOff, r, R_ID, idLen);
        writer.writeByte(r, R_TYPE_ALG, typeAlg);
        writer.writeByte(r, R_DIGITS, digits);
        writer.writeByte(r, R_PROPS, props);
        writer.writeByte(r, R_REPLACES, existing < 0 ? NO_SLOT : (byte) existing);
        writer.writeByte(r, R_KEY_LEN, (byte) keyLen);
        writer.copy(buf, keyOff, r, R_KEY, keyLen);
        byte[] m = (byte[]) moving[slot];
        if ((typeAlg & YkoathConstants.TYPE_MASK) == YkoathConstants.TYPE_HOTP) {
            writer.writeByte(m, (short) 0, (byte) COUNTER_LENGTH);
            if (imfOff < 0) {
                writer.fill(m, (short) 1, COUNTER_LENGTH, (byte) 0);
            } else {
                writer.copy(buf, imfOff, m, (short) 1, COUNTER_LENGTH);
            }
        } else {
            writer.writeByte(m, (short) 0, (byte) 0);
        }
        writer.writeByte(movingSelector, slot, (byte) 0);
        commit(slot, existing);
    }

    /** Frees a live slot and wipes its key. */
    void delete(short slot) {
        writer.writeByte(slotState, slot, FREE);
        wipe(slot);
    }

    /**
     * Gives a live credential a new id, keeping its key and moving factor.
     */
    void rename(short slot, byte[] buf, short idOff, short idLen) {
        short target = freeSlot();
        byte[] from = record(slot);
        byte[] to = record(target);
        writer.copy(from, (short) 0, to, (short) 0, RECORD_LENGTH);
        writer.writeByte(to, R_ID_LEN, (byte) idLen);
        writer.copy(buf, idOff, to, R_ID, idLen);
        writer.writeByte(to, R_REPLACES, (byte) slot);
        byte[] src = (byte[]) moving[slot];
        writer.copy(src, movingOffset(slot), (byte[]) moving[target], (short) 0, MOVING_LENGTH);
        writer.writeByte(movingSelector, target, (byte) 0);
        commit(target, slot);
    }

    private void commit(short slot, short replaced) {
        writer.writeByte(slotState, slot, meta[META_EPOCH]);
        if (replaced >= 0) {
            writer.writeByte(slotState, replaced, FREE);
            writer.writeByte(record(slot), R_REPLACES, NO_SLOT);
            wipe(replaced);
        }
    }

    private void wipe(short slot) {
        writer.fill(record(slot), R_KEY, MAX_KEY_LENGTH, (byte) 0);
    }

    // ---- moving factors ---------------------------------------------------------------------------------

    private short movingOffset(short slot) {
        return (short) (movingSelector[slot] * MOVING_LENGTH);
    }

    /**
     * Copies the current HOTP counter (4 bytes, big-endian) to {@code out} and persists counter + 1 atomically.
     */
    void takeCounter(short slot, byte[] out, short outOff) {
        byte[] m = (byte[]) moving[slot];
        short cur = movingOffset(slot);
        Util.arrayCopyNonAtomic(m, (short) (cur + 1), out, outOff, COUNTER_LENGTH);
        short next = (short) (MOVING_LENGTH - cur);
        // increment into the idle buffer, then flip the selector
        byte carry = 1;
        for (short i = (short) (COUNTER_LENGTH - 1); i >= 0; i--) {
            short v = (short) ((out[(short) (outOff + i)] & 0xFF) + carry);
            carry = (byte) (v >> 8);
            writer.writeByte(m, (short) (next + 1 + i), (byte) v);
        }
        writer.writeByte(m, next, (byte) COUNTER_LENGTH);
        writer.writeByte(movingSelector, slot, (byte) (1 - movingSelector[slot]));
    }

    /**
     * For an "only increasing" credential: refuses a challenge smaller than the last one; records a larger one.
     *
     * @return false when the challenge is smaller than the last one used
     */
    boolean acceptIncreasing(short slot, byte[] chal, short off, short len) {
        byte[] m = (byte[]) moving[slot];
        short cur = movingOffset(slot);
        short cmp = compareUnsigned(chal, off, len, m, (short) (cur + 1), (short) (m[cur] & 0xFF));
        if (cmp < 0) {
            return false;
        }
        if (cmp > 0) {
            short next = (short) (MOVING_LENGTH - cur);
            writer.copy(chal, off, m, (short) (next + 1), len);
            writer.writeByte(m, next, (byte) len);
            writer.writeByte(movingSelector, slot, (byte) (1 - movingSelector[slot]));
        }
        return true;
    }

    /** Compares two unsigned big-endian numbers of any length; returns -1, 0 or 1. */
    private static short compareUnsigned(byte[] a, short aOff, short aLen, byte[] b, short bOff, short bLen) {
        while (aLen > 0 && a[aOff] == 0) {
            aOff++;
            aLen--;
        }
        while (bLen > 0 && b[bOff] == 0) {
            bOff++;
            bLen--;
        }
        if (aLen != bLen) {
            return aLen > bLen ? (short) 1 : (short) -1;
        }
        byte c = Util.arrayCompare(a, aOff, b, bOff, aLen);
        return (short) c;
    }

    // ---- access key ---------------------------------------------------------------------------------------

    boolean hasPassword() {
        byte state = meta[META_PASSWORD_STATE];
        return state != 0 && (byte) (state & PASSWORD_EPOCH_MASK) == meta[META_EPOCH];
    }

    byte[] passwords() {
        return passwords;
    }

    private short passwordOffset() {
        return (meta[META_PASSWORD_STATE] & PASSWORD_BUFFER_BIT) != 0 ? PASSWORD_RECORD_LENGTH : (short) 0;
    }

    byte passwordAlgorithmByte() {
        return passwords[(short) (passwordOffset() + P_ALG)];
    }

    short passwordKeyOffset() {
        return (short) (passwordOffset() + P_KEY);
    }

    short passwordKeyLength() {
        return (short) (passwords[(short) (passwordOffset() + P_KEY_LEN)] & 0xFF);
    }

    void setPassword(byte algByte, byte[] buf, short keyOff, short keyLen) {
        short target = hasPassword() ? (short) (PASSWORD_RECORD_LENGTH - passwordOffset()) : (short) 0;
        writer.writeByte(passwords, (short) (target + P_ALG), algByte);
        writer.writeByte(passwords, (short) (target + P_KEY_LEN), (byte) keyLen);
        writer.copy(buf, keyOff, passwords, (short) (target + P_KEY), keyLen);
        byte state = (byte) (meta[META_EPOCH] | (target == 0 ? (byte) 0 : PASSWORD_BUFFER_BIT));
        writer.writeByte(meta, META_PASSWORD_STATE, state);
        wipeIdlePassword();
    }

    void clearPassword() {
        writer.writeByte(meta, META_PASSWORD_STATE, (byte) 0);
        writer.fill(passwords, (short) 0, (short) (2 * PASSWORD_RECORD_LENGTH), (byte) 0);
    }

    private void wipeIdlePassword() {
        short idle = (short) (PASSWORD_RECORD_LENGTH - passwordOffset());
        writer.fill(passwords, idle, PASSWORD_RECORD_LENGTH, (byte) 0);
    }

    // ---- reset and recovery ----------------------------------------------------------------------------

    /** Wipes every credential and the access key and rotates the salt; {@code scratch} holds 8 bytes. */
    void reset(RandomData random, byte[] scratch) {
        byte epoch = meta[META_EPOCH];
        byte next = epoch >= LAST_EPOCH ? FIRST_EPOCH : (byte) (epoch + 1);
        random.nextBytes(scratch, (short) 0, YkoathConstants.SALT_LENGTH);
        writer.copy(scratch, (short) 0, salts, saltOffsetFor(next), YkoathConstants.SALT_LENGTH);
        writer.writeByte(meta, META_EPOCH, next);
        recover();
    }

    /**
     * Finishes whatever a power loss interrupted: frees slots that a committed replacement superseded, frees slots
     * and the access key of an old epoch, and wipes dead secrets. Idempotent; run at every SELECT.
     */
    void recover() {
        byte epoch = meta[META_EPOCH];
        for (short i = 0; i < slotCount; i++) {
            if (slotState[i] == epoch) {
                byte[] r = record(i);
                short replaced = (short) (r[R_REPLACES] & 0xFF);
                if (replaced != (short) (NO_SLOT & 0xFF)) {
                    if (replaced < slotCount && slotState[replaced] != FREE) {
                        writer.writeByte(slotState, replaced, FREE);
                        wipe(replaced);
                    }
                    writer.writeByte(r, R_REPLACES, NO_SLOT);
                }
            }
        }
        for (short i = 0; i < slotCount; i++) {
            if (slotState[i] != FREE && slotState[i] != epoch) {
                writer.writeByte(slotState, i, FREE);
                wipe(i);
            }
        }
        byte state = meta[META_PASSWORD_STATE];
        if (state != 0 && (byte) (state & PASSWORD_EPOCH_MASK) != epoch) {
            writer.writeByte(meta, META_PASSWORD_STATE, (byte) 0);
            writer.fill(passwords, (short) 0, (short) (2 * PASSWORD_RECORD_LENGTH), (byte) 0);
        }
    }
}
