package dev.ykmfa.sim;

import dev.ykmfa.sim.applet.PersistentWriter;

/**
 * Test seam for power-loss ("tearing") tests: counts the OATH applet's persistent writes and can cut the power at
 * the N-th one. When an armed write fails, the key is power-cycled and the APDU that caused it throws
 * {@link dev.ykmfa.protocol.transport.TransportException}.
 *
 * <pre>{@code
 * key.tearing().countWrites();
 * session.put(data);                      // learn how many writes a PUT makes
 * int writes = key.tearing().writeCount();
 * // ... restore the key, then for n in 1..writes: key.tearing().armAtWrite(n); expect a TransportException
 * }</pre>
 */
public final class TearingControl {
    private final PersistentWriter writer;
    private final Object lock;

    TearingControl(PersistentWriter writer, Object lock) {
        this.writer = writer;
        this.lock = lock;
    }

    /** Starts counting persistent writes from zero. */
    public void countWrites() {
        synchronized (lock) {
            writer.disarm();
            writer.resetCount();
        }
    }

    /** @return persistent writes since {@link #countWrites()} or {@link #armAtWrite(int)} */
    public int writeCount() {
        synchronized (lock) {
            return writer.writeCount();
        }
    }

    /**
     * Cuts the power at the {@code n}-th persistent write from now (1-based).
     *
     * @param n the write to fail, 1..32767
     */
    public void armAtWrite(int n) {
        if (n < 1 || n > Short.MAX_VALUE) {
            throw new IllegalArgumentException("write index must be 1.." + Short.MAX_VALUE + ", was " + n);
        }
        synchronized (lock) {
            writer.armAtWrite((short) n);
        }
    }

    /** Disarms the seam. */
    public void disarm() {
        synchronized (lock) {
            writer.disarm();
        }
    }
}
