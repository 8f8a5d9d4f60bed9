package dev.ykmfa.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ykmfa.aws.files.CredentialsFileWriter;
import dev.ykmfa.aws.process.SessionCredentials;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;

class SourceCredentialsTest {
    @TempDir
    Path dir;

    @Test
    void profile_readsWhatTheWriterWrote_theSdkWay() throws Exception {
        Path file = dir.resolve("credentials");
        Files.writeString(file, "[default]\naws_access_key_id = AKIALONGTERM\naws_secret_access_key = longsecret\n");
        CredentialsFileWriter.builder().file(file).build().writeProfile("johndoe-developer-role",
                SessionCredentials.of("ASIASESSION", "sessionsecret", "sessiontoken",
                        Instant.parse("2030-01-01T00:00:00Z")));

        AwsCredentials source = SourceCredentials.profile("default", file).resolveCredentials();
        AwsCredentials role = SourceCredentials.profile("johndoe-developer-role", file).resolveCredentials();

        assertEquals("AKIALONGTERM", source.accessKeyId());
        assertEquals("longsecret", source.secretAccessKey());
        assertTrue(role instanceof AwsSessionCredentials);
        assertEquals("sessiontoken", ((AwsSessionCredentials) role).sessionToken());
    }
}
