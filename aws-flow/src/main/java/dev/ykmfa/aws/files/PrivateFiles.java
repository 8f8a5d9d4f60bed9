package dev.ykmfa.aws.files;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.Set;

/**
 * Files that hold secrets: created with mode 0600 (directories 0700), existing ones stripped of group/other bits,
 * and replaced atomically (a temporary file in the
 * same directory, flushed to disk, then {@code ATOMIC_MOVE}). On file systems without POSIX permissions the modes are
 * skipped. JDK only.
 */
public final class PrivateFiles {
    /** {@code rw-------}. */
    public static final Set<PosixFilePermission> OWNER_READ_WRITE = PosixFilePermissions.fromString("rw-------");
    /** {@code rwx------}. */
    public static final Set<PosixFilePermission> OWNER_ONLY_DIRECTORY = PosixFilePermissions.fromString("rwx------");
    private static final String TEMP_SUFFIX = ".tmp";
    private static final Set<PosixFilePermission> OWNER_BITS = EnumSet.of(PosixFilePermission.OWNER_READ,
            PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_EXECUTE);

    private PrivateFiles() {
    }

    /**
     * Atomically replaces (or creates) {@code target} with {@code content}. A new file gets mode 0600; an existing
     * file keeps its owner bits but loses every group and other bit (so a 0644 file becomes 0600 once it holds
     * secrets), on POSIX file systems. A symbolic link is followed, so the link stays a link (its target is
     * tightened).
     *
     * @param target  the file
     * @param content the new bytes
     * @throws IOException when writing or moving fails; {@code target} is then unchanged
     */
    public static void writeAtomically(Path target, byte[] content) throws IOException {
        Path real = Files.exists(target) ? target.toRealPath() : target.toAbsolutePath();
        createParentDirectories(real);
        Set<PosixFilePermission> permissions = OWNER_READ_WRITE;
        if (isPosix(real) && Files.exists(real)) {
            permissions = ownerBitsOnly(Files.getPosixFilePermissions(real));
        }
        Path temp = isPosix(real)
                ? Files.createTempFile(real.getParent(), "." + real.getFileName(), TEMP_SUFFIX,
                PosixFilePermissions.asFileAttribute(OWNER_READ_WRITE))
                : Files.createTempFile(real.getParent(), "." + real.getFileName(), TEMP_SUFFIX);
        boolean moved = false;
        try {
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING);
                 OutputStream out = Channels.newOutputStream(channel)) {
                out.write(content);
                out.flush();
                channel.force(true);
            }
            if (isPosix(real) && !permissions.equals(OWNER_READ_WRITE)) {
                Files.setPosixFilePermissions(temp, permissions);
            }
            try {
                Files.move(temp, real, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                throw new IOException("The file system of " + real.getParent()
                        + " cannot replace files atomically; choose a credentials file on a local disk", e);
            }
            moved = true;
        } finally {
            if (!moved) {
                Files.deleteIfExists(temp);
            }
        }
    }

    /**
     * @param permissions a file's permissions
     * @return the owner's bits among them (group and other bits dropped)
     */
    static Set<PosixFilePermission> ownerBitsOnly(Set<PosixFilePermission> permissions) {
        Set<PosixFilePermission> owner = EnumSet.noneOf(PosixFilePermission.class);
        for (PosixFilePermission permission : permissions) {
            if (OWNER_BITS.contains(permission)) {
                owner.add(permission);
            }
        }
        return owner;
    }

    /**
     * Creates the parent directories of {@code file} (new ones with mode 0700).
     *
     * @param file the file whose parent must exist
     * @throws IOException when a directory cannot be created
     */
    public static void createParentDirectories(Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent == null || Files.isDirectory(parent)) {
            return;
        }
        if (isPosix(parent.getRoot())) {
            FileAttribute<Set<PosixFilePermission>> attribute =
                    PosixFilePermissions.asFileAttribute(OWNER_ONLY_DIRECTORY);
            Files.createDirectories(parent, attribute);
        } else {
            Files.createDirectories(parent);
        }
    }

    /**
     * Creates an empty file with mode 0600; fails when it exists.
     *
     * @param file the file
     * @throws java.nio.file.FileAlreadyExistsException when it exists
     * @throws IOException when it cannot be created
     */
    public static void createPrivateFile(Path file) throws IOException {
        if (isPosix(file.toAbsolutePath().getParent())) {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(OWNER_READ_WRITE));
        } else {
            Files.createFile(file);
        }
    }

    /**
     * Creates an empty file with mode 0600 unless it exists.
     *
     * @param file the file
     * @throws IOException when it cannot be created
     */
    public static void createPrivateFileIfMissing(Path file) throws IOException {
        if (Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try {
            createPrivateFile(file);
        } catch (FileAlreadyExistsException raced) {
            // another thread or process created it first: fine
        }
    }

    private static boolean isPosix(Path path) {
        Path probe = path == null ? null : path.toAbsolutePath();
        return probe != null && probe.getFileSystem().supportedFileAttributeViews().contains("posix");
    }
}
