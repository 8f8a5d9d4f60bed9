package dev.ykmfa.aws.process;

import dev.ykmfa.aws.files.ExclusiveFileLock;
import dev.ykmfa.aws.files.PrivateFiles;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * A file cache for {@code credential_process} answers, shared by concurrent invocations.
 *
 * <p>One file per {@link CredentialCacheKey} ({@code <hash>.json}, mode 0600, written atomically, holding the
 * {@link CredentialProcessJson} document) in a 0700 directory (default {@code ~/.aws/ykmfa/cache}). An entry is
 * served until {@link Builder#refreshWindow refreshWindow} (default 5 minutes) before it expires. That is shorter than
 * the AWS CLI's own 15-minute window for its assume-role cache, so a 15-minute session (DurationSeconds 900) is still
 * reused for 10 minutes here; the AWS CLI re-runs {@code credential_process} itself when fewer than 15 minutes remain,
 * and the Java SDK refreshes 15 s before expiry, so callers get a fresh answer when they ask.
 *
 * <p>{@link #getOrFetch} takes an exclusive lock ({@code <hash>.lock}) around "check again, fetch, store", so
 * parallel invocations (e.g. Terraform's) share one fetch — one YubiKey touch. JDK only: the cache-hit path loads no
 * AWS SDK class; put the SDK call inside the {@code fetch} supplier, in a class of its own.
 */
public final class CredentialProcessCache {
    /** Default time before expiry at which an entry stops being served. */
    public static final Duration DEFAULT_REFRESH_WINDOW = Duration.ofMinutes(5);
    private static final String ENTRY_SUFFIX = ".json";
    private static final String LOCK_SUFFIX = ".lock";

    private final Path directory;
    private final Duration refreshWindow;
    private final Clock clock;

    private CredentialProcessCache(Builder builder) {
        this.directory = builder.directory != null ? builder.directory : defaultDirectory();
        this.refreshWindow = builder.refreshWindow;
        this.clock = builder.clock;
    }

    /** @return a builder */
    public static Builder builder() {
        return new Builder();
    }

    /** @return {@code ~/.aws/ykmfa/cache} */
    public static Path defaultDirectory() {
        return Paths.get(System.getProperty("user.home"), ".aws", "ykmfa", "cache");
    }

    /** @return the cache directory */
    public Path directory() {
        return directory;
    }

    /**
     * The cached credentials for {@code key} when they are still good for more than the refresh window. No lock is
     * taken (entries are replaced atomically, so a reader sees a whole old or a whole new entry). A damaged entry
     * counts as missing.
     *
     * @param key the entry
     * @return the credentials, or empty
     */
    public Optional<SessionCredentials> lookup(CredentialCacheKey key) {
        Path entry = entryFile(key);
        String json;
        // java.io rather than Files.readString: no NIO channel classes to load on the hit path
        try (FileInputStream in = new FileInputStream(entry.toFile())) {
            json = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException missingOrUnreadable) {
            return Optional.empty();
        }
        SessionCredentials credentials;
        try {
            credentials = CredentialProcessJson.parse(json);
        } catch (IllegalArgumentException damaged) {
            return Optional.empty();
        }
        return isFresh(credentials) ? Optional.of(credentials) : Optional.empty();
    }

    /**
     * The cached credentials, or — under the entry's exclusive lock, after checking the cache again — the result of
     * {@code fetch}, which is then stored. Only one of several concurrent callers (threads or processes) runs
     * {@code fetch}; the others wait for the lock and read its answer.
     *
     * @param key   the entry
     * @param fetch obtains new credentials (e.g. reads the YubiKey and calls STS); must return credentials with an
     *              expiration
     * @return fresh credentials
     */
    @SuppressWarnings("try") // the lock is held by the try block, not used in it
    public SessionCredentials getOrFetch(CredentialCacheKey key, Supplier<SessionCredentials> fetch) {
        Optional<SessionCredentials> cached = lookup(key);
        if (cached.isPresent()) {
            return cached.get();
        }
        try (ExclusiveFileLock lock = ExclusiveFileLock.acquire(directory.resolve(key.fileStem() + LOCK_SUFFIX))) {
            cached = lookup(key);
            if (cached.isPresent()) {
                return cached.get();
            }
            SessionCredentials fresh = Objects.requireNonNull(fetch.get(), "fetch returned null");
            if (fresh.expiration().isEmpty()) {
                throw new IllegalArgumentException("Only temporary credentials (with an expiration) can be cached");
            }
            store(key, fresh);
            return fresh;
        }
    }

    /**
     * Stores credentials for {@code key} (atomically, mode 0600).
     *
     * @param key         the entry
     * @param credentials the credentials
     */
    public void store(CredentialCacheKey key, SessionCredentials credentials) {
        Path entry = entryFile(key);
        try {
            PrivateFiles.createParentDirectories(entry);
            PrivateFiles.writeAtomically(entry,
                    CredentialProcessJson.format(credentials).getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the credential cache entry in " + directory + ": "
                    + e.getMessage(), e);
        }
    }

    /**
     * Removes the entry for {@code key}, if any.
     *
     * @param key the entry
     */
    public void evict(CredentialCacheKey key) {
        try {
            Files.deleteIfExists(entryFile(key));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot remove the credential cache entry: " + e.getMessage(), e);
        }
    }

    private boolean isFresh(SessionCredentials credentials) {
        Optional<Instant> expiration = credentials.expiration();
        return expiration.isPresent() && clock.instant().plus(refreshWindow).isBefore(expiration.get());
    }

    private Path entryFile(CredentialCacheKey key) {
        return directory.resolve(key.fileStem() + ENTRY_SUFFIX);
    }

    @Override
    public String toString() {
        return "CredentialProcessCache{directory=" + directory + ", refreshWindow=" + refreshWindow + "}";
    }

    /** Builds a {@link CredentialProcessCache}. */
    public static final class Builder {
        private Path directory;
        private Duration refreshWindow = DEFAULT_REFRESH_WINDOW;
        private Clock clock = Clock.systemUTC();

        private Builder() {
        }

        /**

         * @param directory the cache directory; default {@link #defaultDirectory()}

         * @return this

         */
        public Builder directory(Path directory) {
            this.directory = directory;
            return this;
        }

        /**
         * @param refreshWindow how long before expiry an entry stops being served; default 5 minutes
         * @return this
         */
        public Builder refreshWindow(Duration refreshWindow) {
            if (refreshWindow == null || refreshWindow.isNegative()) {
                throw new IllegalArgumentException("refreshWindow must be zero or positive");
            }
            this.refreshWindow = refreshWindow;
            return this;
        }

        /**

         * @param clock the clock; default the system UTC clock

         * @return this

         */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** @return the cache */
        public CredentialProcessCache build() {
            return new CredentialProcessCache(this);
        }
    }
}
