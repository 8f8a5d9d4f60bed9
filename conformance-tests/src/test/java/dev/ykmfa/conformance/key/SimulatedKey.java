package dev.ykmfa.conformance.key;

import dev.ykmfa.protocol.transport.ApduTransport;
import dev.ykmfa.protocol.ykoath.OathSession;
import dev.ykmfa.sim.SimulatedYubiKey;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/** The simulated YubiKey in-process (the default key): touches are approved by the simulator and counted. */
public final class SimulatedKey implements KeyUnderTest {
    private final SimulatedYubiKey key;
    private final AtomicInteger touches = new AtomicInteger();
    private final AtomicBoolean approveTouches = new AtomicBoolean(true);

    /** @param capacity credential slots */
    public SimulatedKey(int capacity) {
        this.key = SimulatedYubiKey.builder().capacity(capacity).touchPolicy(() -> {
            touches.incrementAndGet();
            return approveTouches.get();
        }).build();
    }

    /** A key with the default 32 slots of a YubiKey 5. */
    public SimulatedKey() {
        this(32);
    }

    /** @return how many touches the key asked for so far */
    public int touches() {
        return touches.get();
    }

    /** @param approve whether the simulated person touches in time (false = the key times out, 6982) */
    public void approveTouches(boolean approve) {
        approveTouches.set(approve);
    }

    /** @return the simulated key itself */
    public SimulatedYubiKey yubiKey() {
        return key;
    }

    @Override
    public String description() {
        return "simulated YubiKey in-process (" + key + ")";
    }

    @Override
    public String firmwareVersion() {
        return key.firmwareVersion();
    }

    @Override
    public boolean inReader() {
        return false;
    }

    @Override
    public int capacity() {
        return key.capacity();
    }

    @Override
    public OathSession open() {
        return OathSession.open(key);
    }

    @Override
    public ApduTransport openTransport() {
        return key;
    }

    @Override
    public void powerCycle() {
        key.powerCycle();
    }

    @Override
    public boolean destructiveAllowed() {
        return true;
    }

    @Override
    public String destructiveRefusal() {
        return "";
    }

    @Override
    public boolean touchAllowed() {
        return true;
    }

    @Override
    public String touchRefusal() {
        return "";
    }

    @Override
    public void announceTouch(String what) {
        // the simulator's touch policy answers by itself
    }

    @Override
    public SimulatedKey simulated() {
        return this;
    }

    @Override
    public void close() {
        key.close();
    }

    @Override
    public String toString() {
        return description();
    }
}
