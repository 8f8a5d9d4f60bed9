package dev.ykmfa.aws.files;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * An exclusive lock on a sidecar lock file, held across threads of this JVM and across processes.
 *
 * <p>Processes are excluded with {@link FileChannel#lock()} on the lock file; threads of one JVM additionally share
 * one {@link ReentrantLock} per lock path, because the JVM refuses two overlapping {@code FileLock}s of the same file
 * ({@code OverlappingFileLockException}). The lock file is created with mode 0600 when the file system supports
 * POSIX permissions and is left in place (deleting it would let two processes lock different inodes).
 * JDK only.
 *
 * <pre>{@code
 * try (ExclusiveFileLock lock = ExclusiveFileLock.acquire(credentialsFile.resolveSibling("credentials.lock"))) {
 *     // read, modify, atomically replace
 * }
 * }</pre>
 */
public final class ExclusiveFileLock implements AutoCloseable {
    private static final ConcurrentMap<Path, ReentrantLock> IN_PROCESS = new ConcurrentHashMap<>();

    private final ReentrantLock threadLock;
    private final FileChannel channel;
    private final FileLock fileLock;

    private ExclusiveFileLock(ReentrantLock threadLock, FileChannel channel, FileLock fileLock) {
        this.threadLock = threadLock;
        this.channel = channel;
        this.fileLock = fileLock;
    }

    /**
     * Blocks until this thread holds the lock.
     *
     * @param lockFile the sidecar lock file; created (0600) with its parent directories when missing
     * @return the held lock; close it to release
     * @throws UncheckedIOException when the lock file cannot be created or locked
     */
    public static ExclusiveFileLock acquire(Path lockFile) {
        Path key = lockFile.toAbsolutePath().normalize();
        ReentrantLock threadLock = IN_PROCESS.computeIfAbsent(key, k -> new ReentrantLock());
        threadLock.lock();
        FileChannel channel = null;
        try {
            PrivateFiles.createParentDirectories(key);
            PrivateFiles.createPrivateFileIfMissing(key);
            channel = FileChannel.open(key, StandardOpenOption.WRITE);
            FileLock fileLock = channel.lock();
            return new ExclusiveFileLock(threadLock, channel, fileLock);
        } catch (IOException e) {
            closeQuietly(channel);
            threadLock.unlock();
            throw new UncheckedIOException("Cannot lock " + key + ": " + e.getMessage()
                    + " (check that the directory is writable)", e);
        } catch (RuntimeException | Error e) {
            closeQuietly(channel);
            threadLock.unlock();
            throw e;
        }
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // nothing more to release
            }
        }
    }

    /** Releases the lock (file lock first, then the in-JVM lock). */
    @Override
    public void close() {
        try {
            fileLock.release();
            channel.close();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot release a file lock: " + e.getMessage(), e);
        } finally {
            threadLock.unlock();
        }
    }

    /** @return whether both the file lock and the in-JVM lock are still held */
    public boolean isHeld() {
        return fileLock.isValid() && threadLock.isHeldByCurrentThread();
    }

}
