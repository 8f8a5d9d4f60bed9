package dev.ykmfa.awssim.store;

import dev.ykmfa.protocol.otp.Totp;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A virtual MFA device: seed, assignment and the replay guard (the last accepted TOTP step, shared by every
 * operation that consumes a code). {@link #toString()} never shows the seed.
 */
public final class MfaDevice {
    /** No step accepted yet. */
    public static final long NO_STEP = Long.MIN_VALUE;

    private final String name;
    private final String path;
    private final String serial;
    private final byte[] seed;
    private final Totp totp;
    private final Instant created;
    volatile String userName;
    volatile Instant enabled;
    /** Steps by which the device's clock differs from ours, learnt by Enable/Resync. */
    volatile long drift;
    final AtomicLong lastStep = new AtomicLong(NO_STEP);

    MfaDevice(String name, String path, String serial, byte[] seed, Instant created) {
        this.name = name;
        this.path = path;
        this.serial = serial;
        this.seed = seed.clone();
        this.totp = Totp.builder(this.seed).build();
        this.created = created;
    }

    /** @return the device name */
    public String name() {
        return name;
    }

    /** @return the path */
    public String path() {
        return path;
    }

    /** @return the serial number (the device ARN) */
    public String serial() {
        return serial;
    }

    /** @return a copy of the seed (test support / persistence only) */
    public byte[] seed() {
        return seed.clone();
    }

    /**
     * The TOTP generator/verifier for this seed (SHA-1, 6 digits, 30 s), built once when the device is created.
     * It is immutable and thread-safe, so Enable, Resync and every sign-in check share it instead of deriving the
     * MAC key pads again per check.
     *
     * @return the generator
     */
    public Totp totp() {
        return totp;
    }

    /** @return creation time */
    public Instant created() {
        return created;
    }

    /** @return the user it is enabled for, or null */
    public String userName() {
        return userName;
    }

    /** @return when it was enabled, or null */
    public Instant enableDate() {
        return enabled;
    }

    /** @return the learnt drift in steps */
    public long drift() {
        return drift;
    }

    /** @return the last accepted step ({@link #NO_STEP} if none) */
    public long lastStep() {
        return lastStep.get();
    }

    /**
     * Atomically records {@code step} as the last accepted step unless it is not newer than the current one.
     *
     * @param step the step a code matched
     * @return true when consumed; false for a replayed or older step
     */
    public boolean consumeStep(long step) {
        while (true) {
            long last = lastStep.get();
            if (step <= last) {
                return false;
            }
            if (lastStep.compareAndSet(last, step)) {
                return true;
            }
        }
    }

    @Override
    public String toString() {
        return "MfaDevice[" + serial + (userName == null ? ", unassigned" : ", " + userName) + "]";
    }
}
