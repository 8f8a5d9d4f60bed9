package dev.ykmfa.sim;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.BufferUnderflowException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.zip.CRC32;

/**
 * The saved state of a simulated key on disk (format version 1, big-endian):
 *
 * <pre>
 * 16 bytes  magic "YKMFA-SIM-STATE\n"
 *  2 bytes  format version (1)
 *  4 bytes  serial
 *  3 bytes  firmware major, minor, patch
 *  2 bytes  capacity
 *  4 bytes  length n of the store image
 *  n bytes  the OATH applet's persistent store ({@link AppletStateAccess})
 *  4 bytes  CRC-32 of everything before
 * </pre>
 *
 * Written atomically (a 0600 temporary file in the same directory, forced to disk, then moved over the target with
 * {@code ATOMIC_MOVE}). The content holds OATH secrets and is never logged or put into messages.
 */
final class KeyStateFile {
    static final int FORMAT_VERSION = 1;
    private static final byte[] MAGIC = "YKMFA-SIM-STATE\n".getBytes(StandardCharsets.US_ASCII);
    private static final int CRC_LENGTH = 4;
    private static final int HEADER_LENGTH = 16 + 2 + 4 + 3 + 2 + 4;
    /** Far above any real image (254 slots of about 330 bytes); refuses to read a huge foreign file. */
    private static final long MAX_FILE_LENGTH = 1L << 20;
    private static final String OWNER_ONLY_FILE = "rw-------";
    private static final String OWNER_ONLY_DIR = "rwx------";
    private static final int BYTE_MASK = 0xFF;
    private static final int SHORT_MASK = 0xFFFF;
    private static final String FIX = " Delete it to start with an empty simulated key (this loses its credentials).";

    private KeyStateFile() {
    }

    /** What a state file holds. */
    static final class Contents {
        final int serial;
        final int[] firmware;
        final int capacity;
        final byte[] storeImage;

        Contents(int serial, int[] firmware, int capacity, byte[] storeImage) {
            this.serial = serial;
            this.firmware = firmware.clone();
            this.capacity = capacity;
            this.storeImage = storeImage;
        }

        @Override
        public String toString() {
            return "KeyStateFile.Contents[serial=" + serial + ", capacity=" + capacity + "]";
        }
    }

    static void write(Path file, Contents c) {
        byte[] bytes = encode(c);
        Path target = file.toAbsolutePath().normalize();
        Path dir = target.getParent();
        boolean posix = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
        Path tmp = null;
        try {
            if (!Files.isDirectory(dir)) {
                if (posix) {
                    Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(
                            PosixFilePermissions.fromString(OWNER_ONLY_DIR)));
                } else {
                    Files.createDirectories(dir);
                }
            }
            FileAttribute<?>[] attrs = posix
                    ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(
                            PosixFilePermissions.fromString(OWNER_ONLY_FILE))}
                    : new FileAttribute<?>[0];
            tmp = Files.createTempFile(dir, "." + target.getFileName() + ".", ".tmp", attrs);
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
                ByteBuffer buf = ByteBuffer.wrap(bytes);
                while (buf.hasRemaining()) {
                    ch.write(buf);
                }
                ch.force(true);
            }
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            tmp = null;
        } catch (AtomicMoveNotSupportedException e) {
            throw new SimulatorStateException("Cannot save the simulated key's state to " + target
                    + ": the file system does not support an atomic rename there; use a directory on a local "
                    + "file system.", e);
        } catch (IOException e) {
            throw new SimulatorStateException("Cannot save the simulated key's state to " + target + ": " + e
                    + ". Check that the directory exists and is writable.", e);
        } finally {
            Arrays.fill(bytes, (byte) 0);
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // best effort; the original error is more useful
                }
            }
        }
    }

    static byte[] encode(Contents c) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(HEADER_LENGTH + c.storeImage.length + CRC_LENGTH);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.write(MAGIC);
            out.writeShort(FORMAT_VERSION);
            out.writeInt(c.serial);
            for (int part : c.firmware) {
                out.writeByte(part);
            }
            out.writeShort(c.capacity);
            out.writeInt(c.storeImage.length);
            out.write(c.storeImage);
            CRC32 crc = new CRC32();
            crc.update(bytes.toByteArray());
            out.writeInt((int) crc.getValue());
        } catch (IOException e) {
            throw new IllegalStateException("writing to memory cannot fail", e);
        }
        return bytes.toByteArray();
    }

    /** @return the file's contents, or null when it does not exist */
    static Contents readIfPresent(Path file) {
        Path target = file.toAbsolutePath().normalize();
        byte[] bytes;
        try {
            if (Files.size(target) > MAX_FILE_LENGTH) {
                throw corrupt(target, "it is larger than any simulated key's state (" + MAX_FILE_LENGTH
                        + " bytes)");
            }
            bytes = Files.readAllBytes(target);
        } catch (NoSuchFileException e) {
            return null;
        } catch (IOException e) {
            throw new SimulatorStateException("Cannot read the simulated key's state file " + target + ": " + e
                    + ". Check its permissions, or delete it to start with an empty simulated key.", e);
        }
        try {
            return decode(target, bytes);
        } finally {
            Arrays.fill(bytes, (byte) 0);
        }
    }

    static Contents decode(Path target, byte[] bytes) {
        if (bytes.length < MAGIC.length || !Arrays.equals(bytes, 0, MAGIC.length, MAGIC, 0, MAGIC.length)) {
            throw corrupt(target, "it is not a simulated-YubiKey state file (wrong header)");
        }
        ByteBuffer in = ByteBuffer.wrap(bytes);
        in.position(MAGIC.length);
        try {
            int version = in.getShort() & SHORT_MASK;
            if (version != FORMAT_VERSION) {
                throw new SimulatorStateException("The simulated key's state file " + target + " has format "
                        + "version " + version + ", but this simulator reads only version " + FORMAT_VERSION
                        + "." + FIX);
            }
            if (bytes.length < HEADER_LENGTH + CRC_LENGTH) {
                throw corrupt(target, "it is truncated");
            }
            CRC32 crc = new CRC32();
            crc.update(bytes, 0, bytes.length - CRC_LENGTH);
            int stored = ByteBuffer.wrap(bytes, bytes.length - CRC_LENGTH, CRC_LENGTH).getInt();
            if ((int) crc.getValue() != stored) {
                throw corrupt(target, "its checksum does not match (truncated or modified)");
            }
            int serial = in.getInt();
            int[] firmware = {in.get() & BYTE_MASK, in.get() & BYTE_MASK, in.get() & BYTE_MASK};
            int capacity = in.getShort() & SHORT_MASK;
            int imageLength = in.getInt();
            if (serial <= 0 || capacity < 1 || capacity > SimConstants.MAX_CAPACITY || imageLength < 0
                    || imageLength != bytes.length - HEADER_LENGTH - CRC_LENGTH) {
                throw corrupt(target, "its header is inconsistent");
            }
            byte[] image = new byte[imageLength];
            in.get(image);
            return new Contents(serial, firmware, capacity, image);
        } catch (BufferUnderflowException e) {
            throw corrupt(target, "it is truncated");
        }
    }

    static SimulatorStateException corrupt(Path target, String why) {
        return new SimulatorStateException("The simulated key's state file " + target + " is unusable: " + why
                + "." + FIX);
    }
}
