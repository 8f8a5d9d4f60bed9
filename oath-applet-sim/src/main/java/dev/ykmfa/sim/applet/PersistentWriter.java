package dev.ykmfa.sim.applet;

import javacard.framework.Util;

/**
 * The one seam every persistent (EEPROM) write of the applet goes through. On a real card it is a thin wrapper
 * around {@link Util}; in the simulator a test can arm it to fail at the N-th write, so tearing tests can cut the
 * power at every write point. A failing multi-byte write first writes half of its bytes, like a torn page write.
 *
 * <p>Counting uses {@code short}; tests arm it per command, so the count never gets near its limit.
 */
public final class PersistentWriter {
    private short writes;
    private short failAt;
    private boolean torn;

    PersistentWriter() {
        failAt = (short) -1;
    }

    /** Arms the seam: the {@code n}-th write from now (1-based) fails with {@link SimulatedPowerLoss}. */
    public void armAtWrite(short n) {
        writes = (short) 0;
        failAt = n;
        torn = false;
    }

    /** Disarms the seam and forgets a previous tear. */
    public void disarm() {
        failAt = (short) -1;
        torn = false;
    }

    /** Starts counting writes from zero (without arming). */
    public void resetCount() {
        writes = (short) 0;
    }

    /** @return the writes since the last {@link #resetCount()} or {@link #armAtWrite(short)} */
    public short writeCount() {
        return writes;
    }

    /** @return whether an armed write has failed since the seam was last armed or disarmed */
    public boolean hasTorn() {
        return torn;
    }

    private boolean tick() {
        writes++;
        return failAt > (short) 0 && writes == failAt;
    }

    void writeByte(byte[] dst, short off, byte value) {
        if (tick()) {
            fail();
        }
        dst[off] = value;
    }

    void copy(byte[] src, short srcOff, byte[] dst, short dstOff, short len) {
        if (tick()) {
            Util.arrayCopyNonAtomic(src, srcOff, dst, dstOff, (short) (len / 2));
            fail();
        }
        Util.arrayCopyNonAtomic(src, srcOff, dst, dstOff, len);
    }

    void fill(byte[] dst, short off, short len, byte value) {
        if (tick()) {
            Util.arrayFillNonAtomic(dst, off, (short) (len / 2), value);
            fail();
        }
        Util.arrayFillNonAtomic(dst, off, len, value);
    }

    private void fail() {
        torn = true;
        failAt = (short) -1;
        throw new SimulatedPowerLoss();
    }
}
