package dev.ykmfa.cli.aws;

import dev.ykmfa.aws.process.SessionCredentials;
import dev.ykmfa.cli.CliException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;

/**
 * The hand-off file of a new long-term access key: an AWS credentials-format INI file with a {@code [default]}
 * profile, created with mode 0600 and never overwritten (the secret exists nowhere else; it is never printed).
 */
public final class AccessKeyFile {
    private AccessKeyFile() {
    }

    /**
     * @param userName the IAM user
     * @return the default file name, {@code ./<user>.credentials}
     */
    public static Path defaultPath(String userName) {
        return Path.of(userName + ".credentials");
    }

    /**
     * Creates {@code file} with the key pair. Fails when it exists.
     *
     * @param file the file to create
     * @param userName the IAM user (for the header comment)
     * @param key the access key id and secret
     * @param created when
     */
    public static void create(Path file, String userName, SessionCredentials key, Instant created) {
        String text = "# Long-term access key of IAM user " + userName + ", created by ykmfa enroll at " + created
                + ".\n# Hand it to the user over a safe channel; it is the only copy of the secret.\n"
                + "# Use it as AWS_SHARED_CREDENTIALS_FILE, or copy the lines into ~/.aws/credentials.\n"
                + "[default]\naws_access_key_id = " + key.accessKeyId() + "\naws_secret_access_key = "
                + key.secretAccessKey() + "\n";
        try {
            Path absolute = file.toAbsolutePath();
            if (absolute.getParent() != null) {
                Files.createDirectories(absolute.getParent());
            }
            boolean posix = absolute.getFileSystem().supportedFileAttributeViews().contains("posix");
            try (SeekableByteChannel out = posix
                    ? Files.newByteChannel(absolute, java.util.Set.of(StandardOpenOption.CREATE_NEW,
                            StandardOpenOption.WRITE), PosixFilePermissions.asFileAttribute(
                            PosixFilePermissions.fromString("rw-------")))
                    : Files.newByteChannel(absolute, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                out.write(ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8)));
            }
        } catch (FileAlreadyExistsException e) {
            throw new CliException("the new access key " + key.accessKeyId() + " could not be saved: " + file
                    + " appeared meanwhile and is never overwritten; delete that key (aws iam delete-access-key "
                    + "--user-name " + userName + " --access-key-id " + key.accessKeyId() + ") and re-run", e);
        } catch (IOException e) {
            throw new CliException("the new access key " + key.accessKeyId() + " could not be saved to " + file
                    + " (" + e.getMessage() + "); delete that key (aws iam delete-access-key --user-name " + userName
                    + " --access-key-id " + key.accessKeyId() + ") and re-run with another --access-key-out", e);
        }
    }
}
