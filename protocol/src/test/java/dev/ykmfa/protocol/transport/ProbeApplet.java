package dev.ykmfa.protocol.transport;

import javacard.framework.APDU;
import javacard.framework.Applet;
import javacard.framework.ISO7816;
import javacard.framework.ISOException;
import javacard.framework.Util;

/**
 * A tiny Java Card applet that probes a transport: it echoes data, answers with a {@code 61xx} chunk, insists on
 * a particular Le ({@code 6Cxx}), and counts ISO GET RESPONSE commands (which a YKOATH transport must never send).
 */
public class ProbeApplet extends Applet {
    static final byte INS_ECHO = 0x01;
    static final byte INS_CHAINED = 0x02;
    static final byte INS_NEEDS_LE = 0x03;
    static final byte INS_GET_RESPONSE = (byte) 0xC0;
    static final short REQUIRED_LE = 16;
    static final byte[] CHUNK = {0x0A, 0x0B, 0x0C, 0x0D};
    static final short SW_MORE_DATA_5 = 0x6105;

    static int getResponses;
    static int needsLeCalls;

    private ProbeApplet() {
    }

    /**
     * @param bArray install parameters
     * @param bOffset offset
     * @param bLength length
     */
    public static void install(byte[] bArray, short bOffset, byte bLength) {
        new ProbeApplet().register();
    }

    @Override
    public void process(APDU apdu) {
        if (selectingApplet()) {
            return;
        }
        byte[] buf = apdu.getBuffer();
        switch (buf[ISO7816.OFFSET_INS]) {
            case INS_ECHO:
                short n = apdu.setIncomingAndReceive();
                Util.arrayCopyNonAtomic(buf, ISO7816.OFFSET_CDATA, buf, (short) 0, n);
                apdu.setOutgoingAndSend((short) 0, n);
                return;
            case INS_CHAINED:
                Util.arrayCopyNonAtomic(CHUNK, (short) 0, buf, (short) 0, (short) CHUNK.length);
                apdu.setOutgoingAndSend((short) 0, (short) CHUNK.length);
                ISOException.throwIt(SW_MORE_DATA_5);
                return;
            case INS_NEEDS_LE:
                needsLeCalls++;
                short le = apdu.setOutgoing();
                if (le != REQUIRED_LE) {
                    ISOException.throwIt((short) (ISO7816.SW_CORRECT_LENGTH_00 | REQUIRED_LE));
                }
                apdu.setOutgoingLength(REQUIRED_LE);
                Util.arrayFillNonAtomic(buf, (short) 0, REQUIRED_LE, (byte) 0x5A);
                apdu.sendBytes((short) 0, REQUIRED_LE);
                return;
            case INS_GET_RESPONSE:
                getResponses++;
                ISOException.throwIt(ISO7816.SW_INS_NOT_SUPPORTED);
                return;
            default:
                ISOException.throwIt(ISO7816.SW_INS_NOT_SUPPORTED);
        }
    }
}
