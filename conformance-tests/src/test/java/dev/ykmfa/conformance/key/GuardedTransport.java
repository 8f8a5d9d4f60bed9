package dev.ykmfa.conformance.key;

import dev.ykmfa.protocol.transport.ApduTransport;
import dev.ykmfa.protocol.ykoath.OathConstants;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.regex.Pattern;

/**
 * The safety net for a key in a reader: every APDU passes through here and the ones that would change credentials
 * the suite did not create are refused before they reach the key — PUT, DELETE and RENAME only for names under
 * {@value KeyUnderTest#CREDENTIAL_PREFIX} (after an optional {@code period/} prefix), SET CODE and RESET only when
 * destructive tests are allowed. A refusal is an {@link IllegalStateException}, so a buggy test fails loudly instead
 * of touching the owner's credentials.
 */
public final class GuardedTransport implements ApduTransport {
    private static final Pattern PERIOD_PREFIX = Pattern.compile("^\\d+/");
    private static final int HEADER = 4;
    private static final int SHORT_LC_OFFSET = 4;
    private static final int BYTE_MASK = 0xFF;

    private final ApduTransport delegate;
    private final boolean destructive;

    /**
     * @param delegate the reader's transport
     * @param destructive whether SET CODE and RESET may pass
     */
    public GuardedTransport(ApduTransport delegate, boolean destructive) {
        this.delegate = delegate;
        this.destructive = destructive;
    }

    @Override
    public byte[] transmit(byte[] apdu) {
        check(apdu, destructive);
        return delegate.transmit(apdu);
    }

    /**
     * @param apdu a command APDU
     * @param destructive whether SET CODE and RESET may pass
     * @throws IllegalStateException when the command could change something outside the suite's prefix
     */
    public static void check(byte[] apdu, boolean destructive) {
        if (apdu.length < HEADER) {
            return;
        }
        int ins = apdu[1] & BYTE_MASK;
        boolean select = ins == OathConstants.INS_SELECT && (apdu[2] & BYTE_MASK) == OathConstants.P1_SELECT_BY_AID;
        if (select) {
            return;
        }
        switch (ins) {
            case OathConstants.INS_SET_CODE, OathConstants.INS_RESET -> {
                if (!destructive) {
                    throw new IllegalStateException("conformance guard: refused " + (ins == OathConstants.INS_RESET
                            ? "RESET" : "SET CODE") + " on the key in the reader (pass -Dykmfa.hardware.destructive"
                            + "=true to allow password changes and RESET)");
                }
            }
            case OathConstants.INS_PUT, OathConstants.INS_DELETE, OathConstants.INS_RENAME -> checkNames(apdu);
            default -> {
                // reads (LIST, CALCULATE, CALCULATE ALL, VALIDATE, SEND REMAINING) change no credential
            }
        }
    }

    private static void checkNames(byte[] apdu) {
        byte[] data = data(apdu);
        int i = 0;
        int names = 0;
        while (i + 2 <= data.length && (data[i] & BYTE_MASK) == OathConstants.TAG_NAME) {
            int len = data[i + 1] & BYTE_MASK;
            if (i + 2 + len > data.length) {
                break;
            }
            String name = new String(Arrays.copyOfRange(data, i + 2, i + 2 + len), StandardCharsets.UTF_8);
            if (!PERIOD_PREFIX.matcher(name).replaceFirst("").startsWith(KeyUnderTest.CREDENTIAL_PREFIX)) {
                throw new IllegalStateException("conformance guard: refused to change the credential '" + name
                        + "' on the key in the reader: the suite only writes names under "
                        + KeyUnderTest.CREDENTIAL_PREFIX);
            }
            names++;
            i += 2 + len;
        }
        if (names == 0) {
            throw new IllegalStateException("conformance guard: refused a credential write without a name TLV");
        }
    }

    private static byte[] data(byte[] apdu) {
        if (apdu.length <= HEADER + 1) {
            return new byte[0];
        }
        int lc = apdu[SHORT_LC_OFFSET] & BYTE_MASK;
        int start = HEADER + 1;
        if (lc == 0 && apdu.length > HEADER + 3) {
            lc = ((apdu[HEADER + 1] & BYTE_MASK) << 8) | (apdu[HEADER + 2] & BYTE_MASK);
            start = HEADER + 3;
        }
        return Arrays.copyOfRange(apdu, start, Math.min(apdu.length, start + lc));
    }

    @Override
    public void close() {
        delegate.close();
    }
}
