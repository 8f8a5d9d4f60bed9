package dev.ykmfa.sim.applet;

import javacard.framework.APDU;
import javacard.framework.Applet;
import javacard.framework.ISO7816;
import javacard.framework.ISOException;
import javacard.framework.JCSystem;
import javacard.framework.Util;
import javacard.security.RandomData;
import javacardx.apdu.ExtendedLength;

/**
 * A clean-room YKOATH applet (see {@code spec/ykoath.md}) written as Java Card 3.0.5 classic code.
 *
 * <p>Install data (the applet-specific part of the Global Platform install parameters): capacity (2 bytes,
 * big-endian, 1..254, default 32) followed by the reported version (3 bytes, default 5.4.3). Both are optional.
 *
 * <p>Persistent state lives in {@link CredentialStore}, whose updates are atomic by construction; every mutating
 * command additionally runs inside a {@code JCSystem} transaction for real cards. Session state (unlocked flag,
 * SELECT challenge, pending response chain) is transient and reset at every SELECT.
 *
 * <p>Accepts short APDUs of every case (with or without Le) and extended-length APDUs (ykman 5.5+ over a USB-classified
 * link sends those); responses longer than 255 bytes are always chained with {@code 61xx} + SEND REMAINING.
 */
public final class OathApplet extends Applet implements ExtendedLength {
    private static final short OUT_SIZE = (short) 512;
    private static final short SCRATCH_SIZE = (short) 128;
    private static final short DEFAULT_MAJOR = (short) 5;
    private static final short DEFAULT_MINOR = (short) 4;
    private static final short DEFAULT_PATCH = (short) 3;
    private static final short INSTALL_CAPACITY_LENGTH = (short) 2;
    /** No YKOATH command carries more (the largest PUT is about 210 bytes); longer data is refused early. */
    private static final short MAX_COMMAND_DATA = (short) 1024;

    // session byte flags
    private static final short S_UNLOCKED = (short) 0;
    private static final short S_CHALLENGE_VALID = (short) 1;
    private static final short S_CHAIN = (short) 2;
    private static final short S_CHAIN_P2 = (short) 3;
    private static final short S_CHAIN_CHAL_LEN = (short) 4;
    private static final short SESSION_BYTES = (short) 5;
    // session short registers
    private static final short R_OUT_LEN = (short) 0;
    private static final short R_OUT_POS = (short) 1;
    private static final short R_CHAIN_SLOT = (short) 2;
    private static final short R_TLV_LEN = (short) 3;
    private static final short REGISTERS = (short) 4;

    private static final byte CHAIN_NONE = (byte) 0;
    private static final byte CHAIN_BUFFER = (byte) 1;
    private static final byte CHAIN_LIST = (byte) 2;
    private static final byte CHAIN_CALCULATE_ALL = (byte) 3;

    private static final int MOD_6 = 1000000;
    private static final int MOD_7 = 10000000;
    private static final int MOD_8 = 100000000;
    private static final int MASK_31 = 0x7FFFFFFF;

    private final PersistentWriter writer;
    private final CredentialStore store;
    private final HmacEngine hmac;
    private final RandomData random;
    private final byte[] version;
    private final byte[] out;
    private final byte[] scratch;
    private final byte[] selectChallenge;
    private final byte[] chainChallenge;
    private final byte[] session;
    private final short[] registers;
    private TouchPort touchPort;

    private OathApplet(byte[] params, short off, short len) {
        short capacity = YkoathConstants.DEFAULT_CAPACITY;
        version = new byte[YkoathConstants.VERSION_LENGTH];
        version[0] = (byte) DEFAULT_MAJOR;
        version[1] = (byte) DEFAULT_MINOR;
        version[2] = (byte) DEFAULT_PATCH;
        if (len >= INSTALL_CAPACITY_LENGTH) {
            capacity = Util.getShort(params, off);
            if (capacity < 1 || capacity > YkoathConstants.MAX_CAPACITY) {
                ISOException.throwIt(ISO7816.SW_WRONG_DATA);
            }
        }
        if (len >= (short) (INSTALL_CAPACITY_LENGTH + YkoathConstants.VERSION_LENGTH)) {
            Util.arrayCopy(params, (short) (off + INSTALL_CAPACITY_LENGTH), version, (short) 0,
                    YkoathConstants.VERSION_LENGTH);
        }
        writer = new PersistentWriter();
        hmac = new HmacEngine();
        random = RandomData.getInstance(RandomData.ALG_KEYGENERATION);
        out = JCSystem.makeTransientByteArray(OUT_SIZE, JCSystem.CLEAR_ON_DESELECT);
        scratch = JCSystem.makeTransientByteArray(SCRATCH_SIZE, JCSystem.CLEAR_ON_DESELECT);
        selectChallenge = JCSystem.makeTransientByteArray(YkoathConstants.SELECT_CHALLENGE_LENGTH,
                JCSystem.CLEAR_ON_DESELECT);
        chainChallenge = JCSystem.makeTransientByteArray(YkoathConstants.MAX_CHALLENGE_LENGTH,
                JCSystem.CLEAR_ON_DESELECT);
        session = JCSystem.makeTransientByteArray(SESSION_BYTES, JCSystem.CLEAR_ON_DESELECT);
        registers = JCSystem.makeTransientShortArray(REGISTERS, JCSystem.CLEAR_ON_DESELECT);
        store = new CredentialStore(writer, capacity, random, scratch);
    }

    /**
     * Java Card install entry point: {@code bArray} holds Global Platform install parameters
     * (AID length + AID, control info length + info, applet data length + applet data).
     */
    public static void install(byte[] bArray, short bOffset, byte bLength) {
        short aidOff = (short) (bOffset + 1);
        byte aidLen = bArray[bOffset];
        short p = (short) (aidOff + aidLen);
        p = (short) (p + 1 + (bArray[p] & 0xFF));
        short dataLen = (short) (bArray[p] & 0xFF);
        OathApplet applet = new OathApplet(bArray, (short) (p + 1), dataLen);
        if (aidLen == 0) {
            applet.register();
        } else {
            applet.register(bArray, aidOff, aidLen);
        }
    }

    /** The simulator's hook to the key's touch sensor. */
    public void attachTouchPort(TouchPort port) {
        touchPort = port;
    }

    /** The simulator's hook to the persistent-write seam (tearing tests). */
    public PersistentWriter persistentWriter() {
        return writer;
    }

    @Override
    public boolean select() {
        clearSession();
        return true;
    }

    @Override
    public void deselect() {
        clearSession();
    }

    private void clearSession() {
        Util.arrayFillNonAtomic(session, (short) 0, SESSION_BYTES, (byte) 0);
        registers[R_OUT_LEN] = 0;
        registers[R_OUT_POS] = 0;
        registers[R_CHAIN_SLOT] = 0;
    }

    @Override
    public void process(APDU apdu) {
        try {
            dispatch(apdu);
        } catch (RuntimeException e) {
            if (JCSystem.getTransactionDepth() != 0) {
                JCSystem.abortTransaction();
            }
            throw e;
        }
    }

    private void dispatch(APDU apdu) {
        byte[] buf = apdu.getBuffer();
        byte ins = buf[ISO7816.OFFSET_INS];
        if (selectingApplet()) {
            onSelect(apdu);
            return;
        }
        if (ins != YkoathConstants.INS_SEND_REMAINING) {
            session[S_CHAIN] = CHAIN_NONE;
        }
        if (buf[ISO7816.OFFSET_CLA] != 0) {
            ISOException.throwIt(ISO7816.SW_CLA_NOT_SUPPORTED);
        }
        byte p1 = buf[ISO7816.OFFSET_P1];
        byte p2 = buf[ISO7816.OFFSET_P2];
        switch (ins) {
            case YkoathConstants.INS_PUT:
                requireP1P2(p1, p2, (byte) 0, (byte) 0);
                requireUnlocked();
                put(apdu);
                break;
            case YkoathConstants.INS_DELETE:
                requireP1P2(p1, p2, (byte) 0, (byte) 0);
                requireUnlocked();
                delete(apdu);
                break;
            case YkoathConstants.INS_SET_CODE:
                requireP1P2(p1, p2, (byte) 0, (byte) 0);
                requireUnlocked();
                setCode(apdu);
                break;
            case YkoathConstants.INS_RESET:
                requireP1P2(p1, p2, YkoathConstants.P1_RESET, YkoathConstants.P2_RESET);
                reset();
                break;
            case YkoathConstants.INS_RENAME:
                requireP1P2(p1, p2, (byte) 0, (byte) 0);
                requireUnlocked();
                rename(apdu);
                break;
            case YkoathConstants.INS_LIST:
                requireP1P2(p1, p2, (byte) 0, (byte) 0);
                requireUnlocked();
                startChain(CHAIN_LIST, (byte) 0);
                send(apdu);
                break;
            case YkoathConstants.INS_CALCULATE:
                requireResponseP2(p1, p2);
                requireUnlocked();
                calculate(apdu, p2);
                break;
            case YkoathConstants.INS_VALIDATE:
                requireP1P2(p1, p2, (byte) 0, (byte) 0);
                validate(apdu);
                break;
            case YkoathConstants.INS_CALCULATE_ALL:
                requireResponseP2(p1, p2);
                requireUnlocked();
                calculateAll(apdu, p2);
                break;
            case YkoathConstants.INS_SEND_REMAINING:
                requireP1P2(p1, p2, (byte) 0, (byte) 0);
                if (session[S_CHAIN] == CHAIN_NONE) {
                    ISOException.throwIt(ISO7816.SW_CONDITIONS_NOT_SATISFIED);
                }
                send(apdu);
                break;
            default:
                ISOException.throwIt(ISO7816.SW_INS_NOT_SUPPORTED);
        }
    }

    private static void requireP1P2(byte p1, byte p2, byte wantP1, byte wantP2) {
        if (p1 != wantP1 || p2 != wantP2) {
            ISOException.throwIt(YkoathConstants.SW_WRONG_P1P2);
        }
    }

    private static void requireResponseP2(byte p1, byte p2) {
        if (p1 != 0 || (p2 != YkoathConstants.P2_FULL_RESPONSE && p2 != YkoathConstants.P2_TRUNCATED_RESPONSE)) {
            ISOException.throwIt(YkoathConstants.SW_WRONG_P1P2);
        }
    }

    private void requireUnlocked() {
        if (store.hasPassword() && session[S_UNLOCKED] == 0) {
            ISOException.throwIt(ISO7816.SW_SECURITY_STATUS_NOT_SATISFIED);
        }
    }

    // ---- SELECT -----------------------------------------------------------------------------------------

    private void onSelect(APDU apdu) {
        byte[] buf = apdu.getBuffer();
        if (buf[ISO7816.OFFSET_P1] != YkoathConstants.P1_SELECT_BY_NAME) {
            ISOException.throwIt(YkoathConstants.SW_WRONG_P1P2);
        }
        beginWrite();
        store.recover();
        commitWrite();
        clearSession();
        short n = 0;
        out[n++] = YkoathConstants.TAG_VERSION;
        out[n++] = (byte) YkoathConstants.VERSION_LENGTH;
        n = Util.arrayCopyNonAtomic(version, (short) 0, out, n, YkoathConstants.VERSION_LENGTH);
        out[n++] = YkoathConstants.TAG_NAME;
        out[n++] = (byte) YkoathConstants.SALT_LENGTH;
        n = Util.arrayCopyNonAtomic(store.salts(), store.saltOffset(), out, n, YkoathConstants.SALT_LENGTH);
        if (store.hasPassword()) {
            random.nextBytes(selectChallenge, (short) 0, YkoathConstants.SELECT_CHALLENGE_LENGTH);
            session[S_CHALLENGE_VALID] = 1;
            out[n++] = YkoathConstants.TAG_CHALLENGE;
            out[n++] = (byte) YkoathConstants.SELECT_CHALLENGE_LENGTH;
            n = Util.arrayCopyNonAtomic(selectChallenge, (short) 0, out, n,
                    YkoathConstants.SELECT_CHALLENGE_LENGTH);
            out[n++] = YkoathConstants.TAG_ALGORITHM;
            out[n++] = 1;
            out[n++] = store.passwordAlgorithmByte();
        }
        sendBuffer(apdu, n);
    }

    // ---- PUT / DELETE / RENAME ----------------------------------------------------------------------

    private void put(APDU apdu) {
        byte[] buf = apdu.getBuffer();
        short dataLen = receive(apdu);
        short off = apdu.getOffsetCdata();
        short end = (short) (off + dataLen);
        short idOff = expectTag(buf, off, end, YkoathConstants.TAG_NAME);
        short idLen = registers[R_TLV_LEN];
        requireIdLength(idLen);
        short keyTlv = expectTag(buf, (short) (idOff + idLen), end, YkoathConstants.TAG_KEY);
        short keyTlvLen = registers[R_TLV_LEN];
        if (keyTlvLen < 2) {
            ISOException.throwIt(ISO7816.SW_WRONG_DATA);
        }
        byte typeAlg = buf[keyTlv];
        byte digits = buf[(short) (keyTlv + 1)];
        short keyOff = (short) (keyTlv + 2);
        short keyLen = (short) (keyTlvLen - 2);
        byte type = (byte) (typeAlg & YkoathConstants.TYPE_MASK);
        byte alg = (byte) (typeAlg & YkoathConstants.ALGORITHM_MASK);
        if ((type != YkoathConstants.TYPE_HOTP && type != YkoathConstants.TYPE_TOTP)
                || !hmac.supports(alg)
                || keyLen > HmacEngine.blockSize(alg)
                || digits < YkoathConstants.MIN_DIGITS || digits > YkoathConstants.MAX_DIGITS) {
            ISOException.throwIt(ISO7816.SW_WRONG_DATA);
        }
        byte props = 0;
        short imfOff = (short) -1;
        short p = (short) (keyOff + keyLen);
        while (p < end) {
            byte tag = buf[p];
            if (tag == YkoathConstants.TAG_PROPERTY && (short) (p + 1) < end) {
                // PROPERTY carries one raw byte and no length (spec §2)
                props = (byte) (buf[(short) (p + 1)] & YkoathConstants.PROP_KNOWN_BITS);
                p = (short) (p + 2);
            } else if (tag == YkoathConstants.TAG_IMF) {
                imfOff = expectTag(buf, p, end, YkoathConstants.TAG_IMF);
                if (registers[R_TLV_LEN] != YkoathConstants.IMF_LENGTH) {
                    ISOException.throwIt(ISO7816.SW_WRONG_DATA);
                }
                p = (short) (imfOff + YkoathConstants.IMF_LENGTH);
            } else {
                ISOException.throwIt(ISO7816.SW_WRONG_DATA);
            }
        }
        beginWrite();
        store.put(buf, idOff, idLen, typeAlg, digits, props, keyOff, keyLen, imfOff);
        commitWrite();
    }

    private void delete(APDU apdu) {
        byte[] buf = apdu.getBuffer();
        short dataLen = receive(apdu);
        short off = apdu.getOffsetCdata();
        short end = (short) (off + dataLen);
        short idOff = expectTag(buf, off, end, YkoathConstants.TAG_NAME);
        short slot = findOrFail(buf, idOff, registers[R_TLV_LEN]);
        beginWrite();
        store.delete(slot);
        commitWrite();
    }

    private void rename(APDU apdu) {
        byte[] buf = apdu.getBuffer();
        short dataLen = receive(apdu);
        short off = apdu.getOffsetCdata();
        short end = (short) (off + dataLen);
        short oldOff = expectTag(buf, off, end, YkoathConstants.TAG_NAME);
        short oldLen = registers[R_TLV_LEN];
        short newOff = expectTag(buf, (short) (oldOff + oldLen), end, YkoathConstants.TAG_NAME);
        short newLen = registers[R_TLV_LEN];
        requireIdLength(newLen);
        short slot = findOrFail(buf, oldOff, oldLen);
        short clash = store.find(buf, newOff, newLen);
        if (clash == slot) {
            return;
        }
        if (clash >= 0) {
            ISOException.throwIt(ISO7816.SW_WRONG_DATA);
        }
        beginWrite();
        store.rename(slot, buf, newOff, newLen);
        commitWrite();
    }

    private static void requireIdLength(short len) {
        if (len < 1 || len > YkoathConstants.MAX_ID_LENGTH) {
            ISOException.throwIt(ISO7816.SW_WRONG_DATA);
        }
    }

    private short findOrFail(byte[] buf, short idOff, short idLen) {
        short slot = store.find(buf, idOff, idLen);
        if (slot < 0) {
            ISOException.throwIt(YkoathConstants.SW_NO_SUCH_OBJECT);
        }
        return slot;
    }

    // ---- SET CODE / VALIDATE / RESET -----------------------------------------------------------------

    private void setCode(APDU apdu) {
        byte[] buf = apdu.getBuffer();
        short dataLen = receive(apdu);
        short off = apdu.getOffsetCdata();
        short end = (short) (off + dataLen);
        short keyTlv = expectTag(buf, off, end, YkoathConstants.TAG_KEY);
        short keyTlvLen = registers[R_TLV_LEN];
        if (keyTlvLen == 0) {
            if (keyTlv != end) {
                ISOException.throwIt(ISO7816.SW_WRONG_DATA);
            }
            beginWrite();
            store.clearPassword();
            commitWrite();
            return;
        }
        byte algByte = buf[keyTlv];
        byte alg = (byte) (algByte & YkoathConstants.ALGORITHM_MASK);
        short keyOff = (short) (keyTlv + 1);
        short keyLen = (short) (keyTlvLen - 1);
        if (!hmac.supports(alg) || keyLen < 1 || keyLen > CredentialStore.MAX_PASSWORD_KEY_LENGTH) {
            ISOException.throwIt(ISO7816.SW_WRONG_DATA);
        }
        short chalOff = expectTag(buf, (short) (keyOff + keyLen), end, YkoathConstants.TAG_CHALLENGE);
        short chalLen = registers[R_TLV_LEN];
        if (chalLen < 1 || chalLen > YkoathConstants.MAX_CHALLENGE_LENGTH) {
            ISOException.throwIt(ISO7816.SW_WRONG_DATA);
        }
        short respOff = expectTag(buf, (short) (chalOff + chalLen), end, YkoathConstants.TAG_RESPONSE);
        short respLen = registers[R_TLV_LEN];
        short hashLen = HmacEngine.outputLength(alg);
        if (respLen != hashLen) {
            ISOException.throwIt(ISO7816.SW_WRONG_DATA);
        }
        hmac.compute(alg, buf, keyOff, keyLen, buf, chalOff, chalLen, scratch, (short) 0);
        if (Util.arrayCompare(scratch, (short) 0, buf, respOff, hashLen) != 0) {
            ISOException.throwIt(YkoathConstants.SW_NO_SUCH_OBJECT);
        }
        beginWrite();
        store.setPassword(algByte, buf, keyOff, keyLen);
        commitWrite();
        // YubiKey 4/5 keep the current session usable after a successful SET CODE (spec §4.3)
        session[S_UNLOCKED] = 1;
    }

    private void validate(APDU apdu) {
        byte[] buf = apdu.getBuffer();
        short dataLen = receive(apdu);
        short off = apdu.getOffsetCdata();
        short end = (short) (off + dataLen);
        if (!store.hasPassword()) {
            ISOException.throwIt(YkoathConstants.SW_NO_SUCH_OBJECT);
        }
        short respOff = expectTag(buf, off, end, YkoathConstants.TAG_RESPONSE);
        short respLen = registers[R_TLV_LEN];
        short chalOff = expectTag(buf, (short) (respOff + respLen), end, YkoathConstants.TAG_CHALLENGE);
        short chalLen = registers[R_TLV_LEN];
        byte alg = (byte) (store.passwordAlgorithmByte() & YkoathConstants.ALGORITHM_MASK);
        short hashLen = HmacEngine.outputLength(alg);
        if (session[S_CHALLENGE_VALID] == 0 || respLen != hashLen
                || chalLen < YkoathConstants.MIN_HOST_CHALLENGE_LENGTH
                || chalLen > YkoathConstants.MAX_CHALLENGE_LENGTH) {
            ISOException.throwIt(ISO7816.SW_WRONG_DATA);
        }
        byte[] keys = store.passwords();
        short keyOff = store.passwordKeyOffset();
        short keyLen = store.passwordKeyLength();
        hmac.compute(alg, keys, keyOff, keyLen, selectChallenge, (short) 0,
                YkoathConstants.SELECT_CHALLENGE_LENGTH, scratch, (short) 0);
        if (Util.arrayCompare(scratch, (short) 0, buf, respOff, hashLen) != 0) {
            ISOException.throwIt(ISO7816.SW_WRONG_DATA);
        }
        session[S_UNLOCKED] = 1;
        short n = 0;
        out[n++] = YkoathConstants.TAG_RESPONSE;
        out[n++] = (byte) hashLen;
        n = (short) (n + hmac.compute(alg, keys, keyOff, keyLen, buf, chalOff, chalLen, out, n));
        sendBuffer(apdu, n);
    }

    private void reset() {
        beginWrite();
        store.reset(random, scratch);
        commitWrite();
        session[S_UNLOCKED] = 0;
        session[S_CHALLENGE_VALID] = 0;
    }

    // ---- CALCULATE / CALCULATE ALL -----------------------------------------------------------------

    private void calculate(APDU apdu, byte p2) {
        byte[] buf = apdu.getBuffer();
        short dataLen = receive(apdu);
        short off = apdu.getOffsetCdata();
        short end = (short) (off + dataLen);
        short idOff = expectTag(buf, off, end, YkoathConstants.TAG_NAME);
        short idLen = registers[R_TLV_LEN];
        short chalOff = expectTag(buf, (short) (idOff + idLen), end, YkoathConstants.TAG_CHALLENGE);
        short chalLen = registers[R_TLV_LEN];
        short slot = findOrFail(buf, idOff, idLen);
        byte[] r = store.record(slot);
        boolean hotp = (r[CredentialStore.R_TYPE_ALG] & YkoathConstants.TYPE_MASK) == YkoathConstants.TYPE_HOTP;
        if (!hotp && (chalLen < 1 || chalLen > YkoathConstants.MAX_CHALLENGE_LENGTH)) {
            ISOException.throwIt(ISO7816.SW_WRONG_DATA);
        }
        if ((r[CredentialStore.R_PROPS] & YkoathConstants.PROP_REQUIRE_TOUCH) != 0) {
            if (touchPort == null || !touchPort.awaitTouch()) {
                ISOException.throwIt(ISO7816.SW_SECURITY_STATUS_NOT_SATISFIED);
            }
        }
        // copy the challenge out of the APDU buffer: the response is built in `out`
        if (hotp) {
            beginWrite();
            store.takeCounter(slot, chainChallenge, (short) 4);
            commitWrite();
            Util.arrayFillNonAtomic(chainChallenge, (short) 0, (short) 4, (byte) 0);
            chalLen = (short) 8;
        } else {
            Util.arrayCopyNonAtomic(buf, chalOff, chainChallenge, (short) 0, chalLen);
            if ((r[CredentialStore.R_PROPS] & YkoathConstants.PROP_ONLY_INCREASING) != 0) {
                beginWrite();
                boolean ok = store.acceptIncreasing(slot, chainChallenge, (short) 0, chalLen);
                commitWrite();
                if (!ok) {
                    ISOException.throwIt(ISO7816.SW_SECURITY_STATUS_NOT_SATISFIED);
                }
            }
        }
        short n = appendCode(slot, p2, chainChallenge, chalLen, (short) 0);
        sendBuffer(apdu, n);
    }

    /** Appends the {@code 75} (full) or {@code 76} (truncated) TLV for a slot to {@code out}; returns new end. */
    private short appendCode(short slot, byte p2, byte[] chal, short chalLen, short n) {
        byte[] r = store.record(slot);
        byte alg = (byte) (r[CredentialStore.R_TYPE_ALG] & YkoathConstants.ALGORITHM_MASK);
        byte digits = r[CredentialStore.R_DIGITS];
        short keyLen = (short) (r[CredentialStore.R_KEY_LEN] & 0xFF);
        short hashLen = hmac.compute(alg, r, CredentialStore.R_KEY, keyLen, chal, (short) 0, chalLen,
                scratch, (short) 0);
        if (p2 == YkoathConstants.P2_FULL_RESPONSE) {
            out[n++] = YkoathConstants.TAG_RESPONSE;
            out[n++] = (byte) (hashLen + 1);
            out[n++] = digits;
            return Util.arrayCopyNonAtomic(scratch, (short) 0, out, n, hashLen);
        }
        short o = (short) (scratch[(short) (hashLen - 1)] & 0x0F);
        int v = ((scratch[o] & 0xFF) << 24) | ((scratch[(short) (o + 1)] & 0xFF) << 16)
                | ((scratch[(short) (o + 2)] & 0xFF) << 8) | (scratch[(short) (o + 3)] & 0xFF);
        v = (v & MASK_31) % (digits == 6 ? MOD_6 : digits == 7 ? MOD_7 : MOD_8);
        out[n++] = YkoathConstants.TAG_TRUNCATED_RESPONSE;
        out[n++] = (byte) (YkoathConstants.TRUNCATED_LENGTH + 1);
        out[n++] = digits;
        out[n++] = (byte) (v >>> 24);
        out[n++] = (byte) (v >>> 16);
        out[n++] = (byte) (v >>> 8);
        out[n++] = (byte) v;
        return n;
    }

    private void calculateAll(APDU apdu, byte p2) {
        byte[] buf = apdu.getBuffer();
        short dataLen = receive(apdu);
        short off = apdu.getOffsetCdata();
        short end = (short) (off + dataLen);
        short chalOff = expectTag(buf, off, end, YkoathConstants.TAG_CHALLENGE);
        short chalLen = registers[R_TLV_LEN];
        if (chalLen < 1 || chalLen > YkoathConstants.MAX_CHALLENGE_LENGTH) {
            ISOException.throwIt(ISO7816.SW_WRONG_DATA);
        }
        Util.arrayCopyNonAtomic(buf, chalOff, chainChallenge, (short) 0, chalLen);
        session[S_CHAIN_CHAL_LEN] = (byte) chalLen;
        startChain(CHAIN_CALCULATE_ALL, p2);
        send(apdu);
    }

    // ---- response chaining ----------------------------------------------------------------------------

    private void startChain(byte kind, byte p2) {
        session[S_CHAIN] = kind;
        session[S_CHAIN_P2] = p2;
        registers[R_OUT_LEN] = 0;
        registers[R_OUT_POS] = 0;
        registers[R_CHAIN_SLOT] = 0;
    }

    /** Sends a response held in {@code out[0..n)}, chaining with 61xx when it does not fit. */
    private void sendBuffer(APDU apdu, short n) {
        session[S_CHAIN] = CHAIN_BUFFER;
        registers[R_OUT_LEN] = n;
        registers[R_OUT_POS] = 0;
        registers[R_CHAIN_SLOT] = 0;
        send(apdu);
    }

    private boolean generating() {
        return session[S_CHAIN] == CHAIN_LIST || session[S_CHAIN] == CHAIN_CALCULATE_ALL;
    }

    private void send(APDU apdu) {
        short le = apdu.setOutgoing();
        if (le <= 0 || le > YkoathConstants.MAX_CHUNK) {
            le = YkoathConstants.MAX_CHUNK;
        }
        refill(le);
        short pos = registers[R_OUT_POS];
        short avail = (short) (registers[R_OUT_LEN] - pos);
        short n = avail < le ? avail : le;
        apdu.setOutgoingLength(n);
        apdu.sendBytesLong(out, pos, n);
        registers[R_OUT_POS] = (short) (pos + n);
        short remaining = (short) (avail - n);
        if (generating()) {
            remaining = (short) (remaining + pendingSize((short) 256));
        }
        if (remaining > 0) {
            ISOException.throwIt((short) (YkoathConstants.SW_MORE_DATA | (remaining > 255 ? 0 : remaining)));
        }
        session[S_CHAIN] = CHAIN_NONE;
    }

    /** Moves unsent bytes to the front of {@code out} and appends generated entries until {@code want} are ready. */
    private void refill(short want) {
        short pos = registers[R_OUT_POS];
        short len = (short) (registers[R_OUT_LEN] - pos);
        if (pos > 0) {
            Util.arrayCopyNonAtomic(out, pos, out, (short) 0, len);
            registers[R_OUT_POS] = 0;
        }
        short slot = registers[R_CHAIN_SLOT];
        short slots = store.slotCount();
        while (generating() && len < want && slot < slots) {
            if (store.isLive(slot)) {
                len = appendEntry(slot, len);
            }
            slot++;
        }
        registers[R_CHAIN_SLOT] = slot;
        registers[R_OUT_LEN] = len;
        if (slot >= slots && generating()) {
            session[S_CHAIN] = CHAIN_BUFFER;
        }
    }

    private short appendEntry(short slot, short n) {
        byte[] r = store.record(slot);
        short idLen = (short) (r[CredentialStore.R_ID_LEN] & 0xFF);
        byte typeAlg = r[CredentialStore.R_TYPE_ALG];
        if (session[S_CHAIN] == CHAIN_LIST) {
            out[n++] = YkoathConstants.TAG_NAME_LIST;
            out[n++] = (byte) (idLen + 1);
            out[n++] = typeAlg;
            return Util.arrayCopyNonAtomic(r, CredentialStore.R_ID, out, n, idLen);
        }
        out[n++] = YkoathConstants.TAG_NAME;
        out[n++] = (byte) idLen;
        n = Util.arrayCopyNonAtomic(r, CredentialStore.R_ID, out, n, idLen);
        byte kind = noResponseTag(slot);
        if (kind != 0) {
            out[n++] = kind;
            out[n++] = 1;
            out[n++] = r[CredentialStore.R_DIGITS];
            return n;
        }
        return appendCode(slot, session[S_CHAIN_P2], chainChallenge, session[S_CHAIN_CHAL_LEN], n);
    }

    /** @return 77 for HOTP, 7C for touch or a refused "only increasing" challenge, 0 when the code is computed */
    private byte noResponseTag(short slot) {
        byte[] r = store.record(slot);
        if ((r[CredentialStore.R_TYPE_ALG] & YkoathConstants.TYPE_MASK) == YkoathConstants.TYPE_HOTP) {
            return YkoathConstants.TAG_HOTP_NO_RESPONSE;
        }
        if ((r[CredentialStore.R_PROPS] & YkoathConstants.PROP_REQUIRE_TOUCH) != 0) {
            return YkoathConstants.TAG_TOUCH_NO_RESPONSE;
        }
        if ((r[CredentialStore.R_PROPS] & YkoathConstants.PROP_ONLY_INCREASING) != 0) {
            beginWrite();
            boolean ok = store.acceptIncreasing(slot, chainChallenge, (short) 0, session[S_CHAIN_CHAL_LEN]);
            commitWrite();
            if (!ok) {
                return YkoathConstants.TAG_TOUCH_NO_RESPONSE;
            }
        }
        return 0;
    }

    /** The byte size of the entries not generated yet, counted up to {@code limit}. */
    private short pendingSize(short limit) {
        short total = 0;
        short slots = store.slotCount();
        for (short s = registers[R_CHAIN_SLOT]; s < slots && total < limit; s++) {
            if (!store.isLive(s)) {
                continue;
            }
            byte[] r = store.record(s);
            short idLen = (short) (r[CredentialStore.R_ID_LEN] & 0xFF);
            if (session[S_CHAIN] == CHAIN_LIST) {
                total = (short) (total + 3 + idLen);
            } else {
                total = (short) (total + 2 + idLen + 2 + valueLength(r));
            }
        }
        return total;
    }

    private short valueLength(byte[] r) {
        if ((r[CredentialStore.R_TYPE_ALG] & YkoathConstants.TYPE_MASK) == YkoathConstants.TYPE_HOTP
                || (r[CredentialStore.R_PROPS] & YkoathConstants.PROP_REQUIRE_TOUCH) != 0) {
            return 1;
        }
        if (session[S_CHAIN_P2] == YkoathConstants.P2_FULL_RESPONSE) {
            return (short) (1 + HmacEngine.outputLength(
                    (byte) (r[CredentialStore.R_TYPE_ALG] & YkoathConstants.ALGORITHM_MASK)));
        }
        return (short) (1 + YkoathConstants.TRUNCATED_LENGTH);
    }

    // ---- parsing ----------------------------------------------------------------------------------------

    private static short receive(APDU apdu) {
        short got = apdu.setIncomingAndReceive();
        short want = apdu.getIncomingLength();
        short off = apdu.getOffsetCdata();
        if (want < 0 || want > MAX_COMMAND_DATA) {
            ISOException.throwIt(ISO7816.SW_WRONG_LENGTH);
        }
        while (got < want) {
            short n = apdu.receiveBytes((short) (off + got));
            if (n <= 0) {
                ISOException.throwIt(ISO7816.SW_WRONG_LENGTH);
            }
            got = (short) (got + n);
        }
        return got;
    }

    /**
     * Checks that a TLV with {@code tag} starts at {@code off}; stores its length in the TLV register.
     *
     * @return the offset of its value
     */
    private short expectTag(byte[] buf, short off, short end, byte tag) {
        if ((short) (off + 2) > end || buf[off] != tag) {
            ISOException.throwIt(ISO7816.SW_WRONG_DATA);
        }
        off++;
        short len = (short) (buf[off++] & 0xFF);
        if (len == (short) (YkoathConstants.LENGTH_ONE_BYTE_FOLLOWS & 0xFF) && off < end) {
            len = (short) (buf[off++] & 0xFF);
        } else if (len == (short) (YkoathConstants.LENGTH_TWO_BYTES_FOLLOW & 0xFF) && (short) (off + 2) <= end) {
            len = Util.getShort(buf, off);
            off = (short) (off + 2);
        } else if (len > YkoathConstants.LENGTH_SHORT_FORM_MAX) {
            ISOException.throwIt(ISO7816.SW_WRONG_DATA);
        }
        if (len < 0 || (short) (off + len) > end || (short) (off + len) < off) {
            ISOException.throwIt(ISO7816.SW_WRONG_DATA);
        }
        registers[R_TLV_LEN] = len;
        return off;
    }

    private static void beginWrite() {
        JCSystem.beginTransaction();
    }

    private static void commitWrite() {
        JCSystem.commitTransaction();
    }
}
