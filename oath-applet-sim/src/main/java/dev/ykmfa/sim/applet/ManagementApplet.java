package dev.ykmfa.sim.applet;

import javacard.framework.APDU;
import javacard.framework.Applet;
import javacard.framework.ISO7816;
import javacard.framework.ISOException;
import javacard.framework.JCSystem;
import javacard.framework.Util;

/**
 * A minimal YubiKey management applet: SELECT answers the firmware version as ASCII text ("5.4.3"), and READ
 * CONFIG ({@code INS 1D}) answers the device-info TLVs (length byte, then supported/enabled capabilities for USB and
 * NFC, serial, form factor, version, flags, config lock), so {@code ykman info} recognises a YubiKey 5 NFC with
 * OATH enabled.
 *
 * <p>Install data: version (3 bytes), serial (4 bytes, big-endian), form factor (1 byte); all optional.
 */
public final class ManagementApplet extends Applet {
    private static final short INSTALL_LENGTH = (short) 8;
    private static final short OUT_SIZE = (short) 64;
    private static final byte ASCII_ZERO = (byte) '0';
    private static final byte ASCII_DOT = (byte) '.';
    private static final short DECIMAL_HUNDRED = (short) 100;
    private static final short DECIMAL_TEN = (short) 10;

    private final byte[] config;
    private final byte[] out;

    private ManagementApplet(byte[] params, short off, short len) {
        config = new byte[INSTALL_LENGTH];
        config[0] = 5;
        config[1] = 4;
        config[2] = 3;
        config[(short) (INSTALL_LENGTH - 1)] = YkoathConstants.FORM_FACTOR_USB_A_KEYCHAIN;
        if (len >= INSTALL_LENGTH) {
            Util.arrayCopy(params, off, config, (short) 0, INSTALL_LENGTH);
        }
        out = JCSystem.makeTransientByteArray(OUT_SIZE, JCSystem.CLEAR_ON_DESELECT);
    }

    /** Java Card install entry point (Global Platform install parameters, see {@link OathApplet#install}). */
    public static void install(byte[] bArray, short bOffset, byte bLength) {
        short aidOff = (short) (bOffset + 1);
        byte aidLen = bArray[bOffset];
        short p = (short) (aidOff + aidLen);
        p = (short) (p + 1 + (bArray[p] & 0xFF));
        short dataLen = (short) (bArray[p] & 0xFF);
        ManagementApplet applet = new ManagementApplet(bArray, (short) (p + 1), dataLen);
        if (aidLen == 0) {
            applet.register();
        } else {
            applet.register(bArray, aidOff, aidLen);
        }
    }

    @Override
    public void process(APDU apdu) {
        byte[] buf = apdu.getBuffer();
        if (selectingApplet()) {
            send(apdu, versionText());
            return;
        }
        if (buf[ISO7816.OFFSET_CLA] != 0) {
            ISOException.throwIt(ISO7816.SW_CLA_NOT_SUPPORTED);
        }
        if (buf[ISO7816.OFFSET_INS] != YkoathConstants.INS_MANAGEMENT_READ_CONFIG) {
            ISOException.throwIt(ISO7816.SW_INS_NOT_SUPPORTED);
        }
        if (buf[ISO7816.OFFSET_P1] != 0 || buf[ISO7816.OFFSET_P2] != 0) {
            ISOException.throwIt(YkoathConstants.SW_WRONG_P1P2);
        }
        send(apdu, deviceInfo());
    }

    private short versionText() {
        short n = 0;
        for (short i = 0; i < YkoathConstants.VERSION_LENGTH; i++) {
            if (i > 0) {
                out[n++] = ASCII_DOT;
            }
            short v = (short) (config[i] & 0xFF);
            if (v >= DECIMAL_HUNDRED) {
                out[n++] = (byte) (ASCII_ZERO + v / DECIMAL_HUNDRED);
            }
            if (v >= DECIMAL_TEN) {
                out[n++] = (byte) (ASCII_ZERO + (v / DECIMAL_TEN) % DECIMAL_TEN);
            }
            out[n++] = (byte) (ASCII_ZERO + v % DECIMAL_TEN);
        }
        return n;
    }

    private short deviceInfo() {
        short n = 1;
        n = shortTlv(n, YkoathConstants.MGMT_TAG_USB_SUPPORTED, YkoathConstants.CAPABILITIES_YUBIKEY_5);
        out[n++] = YkoathConstants.MGMT_TAG_SERIAL;
        out[n++] = (byte) YkoathConstants.SERIAL_LENGTH;
        n = Util.arrayCopyNonAtomic(config, YkoathConstants.VERSION_LENGTH, out, n, YkoathConstants.SERIAL_LENGTH);
        n = shortTlv(n, YkoathConstants.MGMT_TAG_USB_ENABLED, YkoathConstants.CAPABILITY_OATH);
        n = byteTlv(n, YkoathConstants.MGMT_TAG_FORM_FACTOR, config[(short) (INSTALL_LENGTH - 1)]);
        out[n++] = YkoathConstants.MGMT_TAG_VERSION;
        out[n++] = (byte) YkoathConstants.VERSION_LENGTH;
        n = Util.arrayCopyNonAtomic(config, (short) 0, out, n, YkoathConstants.VERSION_LENGTH);
        n = byteTlv(n, YkoathConstants.MGMT_TAG_DEVICE_FLAGS, (byte) 0);
        n = byteTlv(n, YkoathConstants.MGMT_TAG_CONFIG_LOCK, (byte) 0);
        n = shortTlv(n, YkoathConstants.MGMT_TAG_NFC_SUPPORTED, YkoathConstants.CAPABILITIES_YUBIKEY_5);
        n = shortTlv(n, YkoathConstants.MGMT_TAG_NFC_ENABLED, YkoathConstants.CAPABILITY_OATH);
        out[0] = (byte) (n - 1);
        return n;
    }

    private short shortTlv(short n, byte tag, short value) {
        out[n++] = tag;
        out[n++] = 2;
        return Util.setShort(out, n, value);
    }

    private short byteTlv(short n, byte tag, byte value) {
        out[n++] = tag;
        out[n++] = 1;
        out[n++] = value;
        return n;
    }

    private void send(APDU apdu, short n) {
        short le = apdu.setOutgoing();
        if (le > 0 && le < n) {
            ISOException.throwIt((short) (ISO7816.SW_CORRECT_LENGTH_00 | n));
        }
        apdu.setOutgoingLength(n);
        apdu.sendBytesLong(out, (short) 0, n);
    }
}
