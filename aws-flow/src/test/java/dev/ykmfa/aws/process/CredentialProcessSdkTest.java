package dev.ykmfa.aws.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.ProcessCredentialsProvider;

/** The AWS SDK v2's own {@code ProcessCredentialsProvider} accepts our {@code credential_process} JSON. */
class CredentialProcessSdkTest {
    @TempDir
    Path dir;

    @Test
    void processCredentialsProvider_acceptsTheJson() throws Exception {
        assumeTrue(Files.isExecutable(Paths.get("/bin/sh")), "the SDK runs credential_process through /bin/sh");
        Instant expiration = Instant.now().plusSeconds(3600);
        Path json = dir.resolve("answer.json");
        Files.writeString(json, CredentialProcessJson.format(
                SessionCredentials.of("ASIAPROCESS", "processSecret/+=", "processToken", expiration)));

        try (ProcessCredentialsProvider provider = ProcessCredentialsProvider.builder()
                .command(java.util.List.of("cat", json.toAbsolutePath().toString())).build()) {
            AwsSessionCredentials credentials = (AwsSessionCredentials) provider.resolveCredentials();
            assertEquals("ASIAPROCESS", credentials.accessKeyId());
            assertEquals("processSecret/+=", credentials.secretAccessKey());
            assertEquals("processToken", credentials.sessionToken());
            assertEquals(expiration.getEpochSecond(), credentials.expirationTime().orElseThrow().getEpochSecond());
        }
    }
}
