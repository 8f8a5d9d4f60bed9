package dev.ykmfa.aws.files;

import dev.ykmfa.aws.process.SessionCredentials;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * Writes a named profile into the shared credentials file ({@code AWS_SHARED_CREDENTIALS_FILE}, else
 * {@code ~/.aws/credentials}) — spec/aws-mfa.md §7.1.
 *
 * <p>Guarantees: the file is replaced atomically (temporary file in the same directory, then {@code ATOMIC_MOVE});
 * every byte outside the profile's own credential lines is preserved (comments, blank lines, other profiles, order,
 * line endings, the profile's other properties); a new file gets mode 0600 (its new directory 0700), an existing one
 * keeps its owner bits and loses its group/other bits (a 0644 file becomes 0600); writers are serialised across threads and processes by an exclusive lock on the sidecar file
 * {@code <file>.lock}; an existing file that cannot be parsed raises {@link CredentialsFileFormatException} and is
 * left untouched. JDK only.
 *
 * <p>The profile gets {@code aws_access_key_id}, {@code aws_secret_access_key}, {@code aws_session_token} (for
 * temporary credentials) and {@code aws_expiration} (ISO-8601 UTC; ignored by the SDKs and the CLI, read by people
 * and scripts). Stale keys among these and the legacy {@code aws_security_token} are removed from that profile.
 *
 * <pre>{@code
 * CredentialsFileWriter.builder().build().writeProfile("johndoe-developer-role", credentials);
 * }</pre>
 */
public final class CredentialsFileWriter {
    /** Environment variable naming the credentials file (as the CLI and SDKs read it). */
    public static final String ENV_SHARED_CREDENTIALS_FILE = "AWS_SHARED_CREDENTIALS_FILE";
    /** Property names written. */
    public static final String KEY_ACCESS_KEY_ID = "aws_access_key_id";
    /** Property names written. */
    public static final String KEY_SECRET_ACCESS_KEY = "aws_secret_access_key";
    /** Property names written. */
    public static final String KEY_SESSION_TOKEN = "aws_session_token";
    /** Property names written. */
    public static final String KEY_EXPIRATION = "aws_expiration";
    /** botocore's legacy name for the session token: removed from the profile so it cannot shadow the new one. */
    public static final String KEY_LEGACY_SECURITY_TOKEN = "aws_security_token";
    private static final Set<String> MANAGED_KEYS = Set.of(KEY_ACCESS_KEY_ID, KEY_SECRET_ACCESS_KEY,
            KEY_SESSION_TOKEN, KEY_EXPIRATION, KEY_LEGACY_SECURITY_TOKEN);
    private static final String LOCK_SUFFIX = ".lock";

    private final Path file;

    private CredentialsFileWriter(Builder builder) {
        this.file = builder.file != null ? builder.file : defaultCredentialsFile(builder.environment);
    }

    /** @return a builder */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The credentials file the CLI and SDKs use: {@code AWS_SHARED_CREDENTIALS_FILE} (a leading {@code ~} is the
     * home directory) or {@code ~/.aws/credentials}.
     *
     * @param environment environment lookup, e.g. {@code System::getenv}
     * @return the path
     */
    public static Path defaultCredentialsFile(UnaryOperator<String> environment) {
        String configured = environment.apply(ENV_SHARED_CREDENTIALS_FILE);
        String home = System.getProperty("user.home");
        if (configured != null && !configured.isBlank()) {
            if (configured.equals("~") || configured.startsWith("~/")) {
                return Paths.get(home + configured.substring(1));
            }
            return Paths.get(configured);
        }
        return Paths.get(home, ".aws", "credentials");
    }

    /** @return the file this writer edits */
    public Path file() {
        return file;
    }

    /**
     * Writes (creates or replaces) {@code profile}'s credentials.
     *
     * @param profile     the profile name, e.g. {@code johndoe-developer-role}
     * @param credentials the credentials to store
     * @throws IllegalArgumentException        on a profile name that cannot be a section name
     * @throws CredentialsFileFormatException  when the existing file cannot be parsed (it is left untouched)
     * @throws UncheckedIOException            when reading, locking or writing fails (the file is left untouched)
     */
    @SuppressWarnings("try") // the lock is held by the try block, not used in it
    public void writeProfile(String profile, SessionCredentials credentials) {
        validateProfileName(profile);
        Objects.requireNonNull(credentials, "credentials");
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put(KEY_ACCESS_KEY_ID, checkValue(credentials.accessKeyId(), KEY_ACCESS_KEY_ID));
        properties.put(KEY_SECRET_ACCESS_KEY, checkValue(credentials.secretAccessKey(), KEY_SECRET_ACCESS_KEY));
        credentials.sessionToken().ifPresent(t -> properties.put(KEY_SESSION_TOKEN, checkValue(t, KEY_SESSION_TOKEN)));
        credentials.expiration().ifPresent(e -> properties.put(KEY_EXPIRATION, e.toString()));
        Map<String, String> encoded = new LinkedHashMap<>();
        properties.forEach((k, v) -> encoded.put(k, latin1View(v)));
        try (ExclusiveFileLock lock = ExclusiveFileLock.acquire(lockFile())) {
            byte[] existing;
            try {
                existing = Files.readAllBytes(file);
            } catch (NoSuchFileException e) {
                existing = new byte[0];
            }
            String text = new String(existing, StandardCharsets.ISO_8859_1);
            String updated = IniDocument.parse(text, file.toString())
                    .withProfile(latin1View(profile), encoded, MANAGED_KEYS);
            PrivateFiles.writeAtomically(file, updated.getBytes(StandardCharsets.ISO_8859_1));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write profile [" + profile + "] to " + file + ": "
                    + e.getMessage() + ". The file was left unchanged.", e);
        }
    }

    /**
     * Creates a new credentials file holding one profile — the hand-over file of a new long-term key pair (e.g.
     * {@code ./JohnDoe.credentials} with a {@code [default]} profile). Mode 0600 from the first byte; an existing file
     * is never overwritten.
     *
     * @param file        the new file
     * @param profile     the profile name, e.g. {@code default}
     * @param credentials the key pair
     * @throws UncheckedIOException when the file exists (cause {@code FileAlreadyExistsException}) or cannot be
     *                              written
     */
    public static void createNew(Path file, String profile, SessionCredentials credentials) {
        validateProfileName(profile);
        StringBuilder text = new StringBuilder();
        text.append('[').append(profile).append("]\n");
        text.append(KEY_ACCESS_KEY_ID).append(" = ").append(checkValue(credentials.accessKeyId(), KEY_ACCESS_KEY_ID))
                .append('\n');
        text.append(KEY_SECRET_ACCESS_KEY).append(" = ")
                .append(checkValue(credentials.secretAccessKey(), KEY_SECRET_ACCESS_KEY)).append('\n');
        if (credentials.sessionToken().isPresent()) {
            text.append(KEY_SESSION_TOKEN).append(" = ")
                    .append(checkValue(credentials.sessionToken().get(), KEY_SESSION_TOKEN)).append('\n');
        }
        if (credentials.expiration().isPresent()) {
            text.append(KEY_EXPIRATION).append(" = ").append(credentials.expiration().get()).append('\n');
        }
        try {
            PrivateFiles.createParentDirectories(file);
            PrivateFiles.createPrivateFile(file);
            Files.write(file, text.toString().getBytes(StandardCharsets.UTF_8));
        } catch (java.nio.file.FileAlreadyExistsException e) {
            throw new UncheckedIOException(file + " already exists and is never overwritten: move it away or choose "
                    + "another file", e);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create " + file + ": " + e.getMessage(), e);
        }
    }

    private Path lockFile() {
        Path absolute = file.toAbsolutePath();
        return absolute.resolveSibling(absolute.getFileName() + LOCK_SUFFIX);
    }

    private static String latin1View(String value) {
        return new String(value.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
    }

    private static String checkValue(String value, String key) {
        if (value.indexOf('\n') >= 0 || value.indexOf('\r') >= 0) {
            throw new IllegalArgumentException(key + " must not contain a line break");
        }
        return value;
    }

    static void validateProfileName(String profile) {
        if (profile == null || profile.isBlank()) {
            throw new IllegalArgumentException("The profile name is empty: give a name such as johndoe-developer-role");
        }
        if (!profile.equals(profile.strip())) {
            throw new IllegalArgumentException("The profile name '" + profile
                    + "' starts or ends with whitespace: remove it");
        }
        for (int i = 0; i < profile.length(); i++) {
            char c = profile.charAt(i);
            if (c == '[' || c == ']' || c == '#' || c == ';' || Character.isISOControl(c)) {
                throw new IllegalArgumentException("The profile name '" + profile.replaceAll("\\p{Cntrl}", "?")
                        + "' contains '" + (Character.isISOControl(c) ? "a control character" : String.valueOf(c))
                        + "', which cannot appear in a [profile] line: choose letters, digits, '-', '_' or '.'");
            }
        }
    }

    @Override
    public String toString() {
        return "CredentialsFileWriter{file=" + file + "}";
    }

    /** Builds a {@link CredentialsFileWriter}. */
    public static final class Builder {
        private Path file;
        private UnaryOperator<String> environment = System::getenv;

        private Builder() {
        }

        /**
         * @param file the credentials file; default {@link #defaultCredentialsFile} of the environment
         * @return this
         */
        public Builder file(Path file) {
            this.file = file;
            return this;
        }

        /**
         * @param environment environment lookup used for the default file; default {@code System::getenv}
         * @return this
         */
        public Builder environment(UnaryOperator<String> environment) {
            this.environment = Objects.requireNonNull(environment, "environment");
            return this;
        }

        /** @return the writer */
        public CredentialsFileWriter build() {
            return new CredentialsFileWriter(this);
        }
    }
}
