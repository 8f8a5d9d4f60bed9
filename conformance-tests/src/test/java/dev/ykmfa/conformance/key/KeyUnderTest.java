package dev.ykmfa.conformance.key;

import dev.ykmfa.protocol.transport.ApduTransport;
import dev.ykmfa.protocol.ykoath.OathSession;

/**
 * The key the suite tests: the simulated YubiKey in-process, or whatever sits in a PC/SC reader (a real YubiKey, or
 * the simulated key served through pcscd+vpcd). Sessions are opened per test and closed by the test.
 */
public interface KeyUnderTest extends AutoCloseable {
    /** Every credential this suite creates on a key in a reader has a name starting with this. */
    String CREDENTIAL_PREFIX = "ykmfa-conformance/";

    /** @return what the key is, for logs and the report (no secrets) */
    String description();

    /** @return the OATH applet's firmware version as SELECT reports it, e.g. {@code 5.4.3} */
    String firmwareVersion();

    /** @return whether the key is in a PC/SC reader (the hardware rules apply: prefix, no RESET unless allowed) */
    boolean inReader();

    /** @return how many OATH credentials fit on the key */
    int capacity();

    /**
     * Opens a session (SELECT) and unlocks it with the configured password when the applet has one.
     *
     * @return a session; close it when done
     */
    OathSession open();

    /**
     * @return a transport for raw APDUs (status-word tests); on a key in a reader it refuses writes outside the prefix
     */
    ApduTransport openTransport();

    /**
     * Cuts the power (simulated key) or resets the card through PC/SC: the OATH session is dropped, storage stays.
     * Open a new session afterwards.
     */
    void powerCycle();

    /** @return whether RESET and password changes may run on this key */
    boolean destructiveAllowed();

    /** @return why destructive tests are skipped on this key (when {@link #destructiveAllowed()} is false) */
    String destructiveRefusal();

    /** @return whether touch-required credentials may be calculated (a person or the simulator touches) */
    boolean touchAllowed();

    /** @return why touch tests are skipped (when {@link #touchAllowed()} is false) */
    String touchRefusal();

    /**
     * Called right before a calculation that needs a touch: tells the person to touch the key (hardware) or does
     * nothing (the simulator approves by itself).
     *
     * @param what which credential
     */
    void announceTouch(String what);

    /**
     * @param base a short name, e.g. {@code code-a1}
     * @return the credential name the suite uses for it on this key ({@value #CREDENTIAL_PREFIX} + base in a reader)
     */
    default String credentialName(String base) {
        return CREDENTIAL_PREFIX + base;
    }

    /**
     * @param userName the IAM user being enrolled
     * @return the OATH credential name the flow uses: empty = aws-flow's default (the MFA device ARN) on the
     *         simulated key; {@value #CREDENTIAL_PREFIX} + user on a key in a reader, so the suite never touches
     *         the owner's own AWS credentials
     */
    default java.util.Optional<String> flowCredentialName(String userName) {
        return inReader() ? java.util.Optional.of(CREDENTIAL_PREFIX + userName) : java.util.Optional.empty();
    }

    /** @return the simulated key when the suite holds one in-process (power cuts, touch counters), else null */
    default SimulatedKey simulated() {
        return null;
    }

    @Override
    void close();
}
