package dev.ykmfa.aws.files;

import dev.ykmfa.aws.process.SessionCredentials;
import java.nio.file.Paths;
import java.time.Instant;

/** A separate process writing one profile (for the cross-process lock test). Args: file profile. */
public final class WriteProfileMain {
    private WriteProfileMain() {
    }

    public static void main(String[] args) {
        CredentialsFileWriter.builder().file(Paths.get(args[0])).build().writeProfile(args[1],
                SessionCredentials.of("ASIA" + args[1], "secret-" + args[1], "token", Instant.now().plusSeconds(3600)));
    }
}
