package dev.ykmfa.sim;

import static dev.ykmfa.sim.Apdus.*;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * A tiny raw-APDU YKOATH host for applet tests, written straight from spec/ykoath.md (independent of protocol's
 * codec so the two can check each other).
 */
final class RawOathClient {
    record Entry(int typeAlg, String id) implements Comparable<Entry> {
        @Override
        public int compareTo(Entry o) {
            int c = id.compareTo(o.id);
            return c != 0 ? c : Integer.compare(typeAlg, o.typeAlg);
        }
    }

    record Tlv(int tag, byte[] value) {
    }

    final SimulatedYubiKey key;
    byte[] salt;
    byte[] challenge;

    RawOathClient(SimulatedYubiKey key) {
        this.key = key;
    }

    static List<Tlv> parse(byte[] data) {
        List<Tlv> out = new ArrayList<>();
        int p = 0;
        while (p < data.length) {
            int tag = data[p++] & 0xFF;
            int len = data[p++] & 0xFF;
            if (len == 0x81) {
                len = data[p++] & 0xFF;
            } else if (len == 0x82) {
                len = ((data[p] & 0xFF) << 8) | (data[p + 1] & 0xFF);
                p += 2;
            }
            out.add(new Tlv(tag, Arrays.copyOfRange(data, p, p + len)));
            p += len;
        }
        return out;
    }

    static Map<Integer, byte[]> dict(byte[] data) {
        Map<Integer, byte[]> m = new LinkedHashMap<>();
        for (Tlv t : parse(data)) {
            m.put(t.tag(), t.value());
        }
        return m;
    }

    /** SELECT; returns the TLVs (tag -> value) and remembers salt and challenge. */
    Map<Integer, byte[]> select() {
        byte[] r = key.transmit(selectOath());
        if (sw(r) != 0x9000) {
            throw new AssertionError("SELECT failed: " + hex(r));
        }
        Map<Integer, byte[]> m = dict(data(r));
        salt = m.get(0x71);
        challenge = m.get(0x74);
        return m;
    }

    byte[] send(byte[] apdu) {
        return transceive(key, apdu);
    }

    int sendSw(byte[] apdu) {
        return sw(send(apdu));
    }

    List<Entry> list() {
        byte[] r = send(hex("00A1000000"));
        if (sw(r) != 0x9000) {
            throw new AssertionError("LIST failed: " + hex(r));
        }
        List<Entry> out = new ArrayList<>();
        for (Tlv t : parse(data(r))) {
            out.add(new Entry(t.value()[0] & 0xFF, new String(t.value(), 1, t.value().length - 1,
                    StandardCharsets.UTF_8)));
        }
        return out;
    }

    int put(String id, int typeAlg, int digits, byte[] secret, boolean touch) {
        return sendSw(Apdus.put(id, typeAlg, digits, secret, touch, null));
    }

    static byte[] deriveKey(char[] password, byte[] salt) {
        try {
            SecretKeyFactory f = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA1");
            return f.generateSecret(new PBEKeySpec(password, salt, 1000, 128)).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static byte[] hmac(String alg, byte[] key, byte[] msg) {
        try {
            Mac mac = Mac.getInstance(alg);
            // an empty key and a single zero byte are the same HMAC key (both are zero-padded to a block)
            mac.init(new SecretKeySpec(key.length == 0 ? new byte[1] : key, alg));
            return mac.doFinal(msg);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** SET CODE with a key derived from {@code password} over the current salt. */
    int setPassword(String password) {
        byte[] k = deriveKey(password.toCharArray(), salt);
        byte[] chal = new byte[8];
        new SecureRandom().nextBytes(chal);
        byte[] resp = hmac("HmacSHA1", k, chal);
        return sendSw(apdu(0x03, 0, 0, concat(tlv(0x73, concat(new byte[] {0x21}, k)), tlv(0x74, chal),
                tlv(0x75, resp))));
    }

    int unsetPassword() {
        return sendSw(hex("0003000002 7300"));
    }

    /** VALIDATE against the last SELECT's challenge; checks the card's answer when it succeeds. */
    int validate(String password) {
        byte[] k = deriveKey(password.toCharArray(), salt);
        byte[] resp = hmac("HmacSHA1", k, challenge == null ? new byte[8] : challenge);
        byte[] hostChal = new byte[8];
        new SecureRandom().nextBytes(hostChal);
        byte[] r = send(apdu(0xA3, 0, 0, concat(tlv(0x75, resp), tlv(0x74, hostChal))));
        if (sw(r) == 0x9000) {
            byte[] expected = hmac("HmacSHA1", k, hostChal);
            byte[] got = dict(data(r)).get(0x75);
            if (!Arrays.equals(expected, got)) {
                throw new AssertionError("card's VALIDATE response does not prove it knows the key");
            }
        }
        return sw(r);
    }

    int reset() {
        return sendSw(hex("0004DEAD00"));
    }
}
