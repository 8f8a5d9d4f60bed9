package dev.ykmfa.sim;

import dev.ykmfa.sim.applet.OathApplet;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;

/**
 * Host-side view of the OATH applet's persistent store (the EEPROM of the simulated card): the store's byte arrays,
 * in a fixed order, reached by reflection so the Java Card applet code carries no export hook. Only the simulator
 * layer uses it, always under the simulator lock.
 *
 * <p>The image is the concatenation of the arrays; restoring copies an image of exactly the same length back into
 * the same arrays of a freshly installed applet of the same capacity.
 */
final class AppletStateAccess {
    private static final String STORE_FIELD = "store";
    /** Scalar-free byte arrays of {@code CredentialStore}, in image order. */
    private static final String[] BYTE_ARRAY_FIELDS = {"meta", "salts", "passwords", "slotState", "movingSelector"};
    /** Per-slot arrays ({@code Object[]} of {@code byte[]}), in image order. */
    private static final String[] SLOT_ARRAY_FIELDS = {"records", "moving"};

    private final List<byte[]> arrays;
    private final int imageLength;

    AppletStateAccess(OathApplet applet) {
        try {
            Object store = field(applet.getClass(), STORE_FIELD).get(applet);
            List<byte[]> found = new ArrayList<>();
            for (String name : BYTE_ARRAY_FIELDS) {
                found.add((byte[]) field(store.getClass(), name).get(store));
            }
            for (String name : SLOT_ARRAY_FIELDS) {
                for (Object slot : (Object[]) field(store.getClass(), name).get(store)) {
                    found.add((byte[]) slot);
                }
            }
            arrays = List.copyOf(found);
        } catch (ReflectiveOperationException | ClassCastException e) {
            throw new IllegalStateException("The OATH applet's store no longer has the layout the state snapshot "
                    + "expects (fields " + String.join(", ", BYTE_ARRAY_FIELDS) + ", "
                    + String.join(", ", SLOT_ARRAY_FIELDS) + "); update AppletStateAccess.", e);
        }
        int n = 0;
        for (byte[] a : arrays) {
            n += a.length;
        }
        imageLength = n;
    }

    private static Field field(Class<?> type, String name) throws NoSuchFieldException {
        Field f = type.getDeclaredField(name);
        f.setAccessible(true);
        return f;
    }

    /** @return how many bytes an image of this applet has */
    int imageLength() {
        return imageLength;
    }

    /** @return a copy of the persistent store */
    byte[] exportImage() {
        byte[] image = new byte[imageLength];
        int p = 0;
        for (byte[] a : arrays) {
            System.arraycopy(a, 0, image, p, a.length);
            p += a.length;
        }
        return image;
    }

    /** Overwrites the persistent store with an image of {@link #imageLength()} bytes. */
    void importImage(byte[] image) {
        if (image.length != imageLength) {
            throw new IllegalArgumentException("store image has " + image.length + " bytes, the applet "
                    + imageLength);
        }
        int p = 0;
        for (byte[] a : arrays) {
            System.arraycopy(image, p, a, 0, a.length);
            p += a.length;
        }
    }
}
