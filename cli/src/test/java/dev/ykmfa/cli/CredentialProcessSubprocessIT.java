package dev.ykmfa.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ykmfa.aws.process.CredentialProcessJson;
import dev.ykmfa.aws.process.SessionCredentials;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.ProcessCredentialsProvider;

/**
 * The shaded jar as a real {@code credential_process}: the AWS SDK's own {@link ProcessCredentialsProvider} runs
 * {@code java -jar target/ykmfa.jar credential-process …} in a new JVM; the cache filled in-process serves it (the
 * subprocess cannot reach the in-process key, so an answer proves the cache-hit path of the real jar).
 */
class CredentialProcessSubprocessIT {
    @TempDir
    Path tmp;

    @Test
    void sdkProcessProvider_acceptsTheJarsJson_fromTheCache() throws Exception {
        Assumptions.assumeTrue(Files.isRegularFile(EnrolledWorld.jar()), "target/ykmfa.jar is built by package");
        try (EnrolledWorld world = new EnrolledWorld(tmp)) {
            CliRunner.Result filled = world.fillCache();
            assertEquals(0, filled.exit, filled::toString);
            SessionCredentials expected = CredentialProcessJson.parse(filled.out.trim());

            StringBuilder command = new StringBuilder("java -jar ").append(EnrolledWorld.jar())
                    .append(" credential-process");
            for (String a : world.processArgs()) {
                command.append(' ').append(a);
            }
            try (ProcessCredentialsProvider provider = ProcessCredentialsProvider.builder()
                    .command(command.toString()).build()) {
                AwsSessionCredentials got = (AwsSessionCredentials) provider.resolveCredentials();
                assertEquals(expected.accessKeyId(), got.accessKeyId());
                assertEquals(expected.secretAccessKey(), got.secretAccessKey());
                assertEquals(expected.sessionToken().orElseThrow(), got.sessionToken());
                assertTrue(got.expirationTime().isPresent());
            }
        }
    }
}
