package dev.ykmfa.aws.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The AWS CLI v2 ({@code /usr/bin/aws}) accepts our {@code credential_process} JSON (run with -Pinterop). */
class CredentialProcessInteropIT {
    private static final Path AWS_CLI_V2 = Paths.get("/usr/bin/aws");

    @TempDir
    Path dir;

    @Test
    void awsCliV2_exportCredentials_readsTheJson() throws Exception {
        assumeTrue(Files.isExecutable(AWS_CLI_V2), "the AWS CLI v2 is not at /usr/bin/aws (apt-get install awscli "
                + "or the v2 installer): skipping");
        Instant expiration = Instant.now().plusSeconds(3600).truncatedTo(ChronoUnit.SECONDS);
        Path json = dir.resolve("answer.json");
        Files.writeString(json, CredentialProcessJson.format(
                SessionCredentials.of("ASIACLIINTEROP", "cliSecret", "cliToken", expiration)));
        Path config = dir.resolve("config");
        Files.writeString(config, "[profile ykmfa]\ncredential_process = cat " + json.toAbsolutePath() + "\n");

        ProcessBuilder builder = new ProcessBuilder(AWS_CLI_V2.toString(), "configure", "export-credentials",
                "--profile", "ykmfa", "--format", "process");
        builder.environment().put("AWS_CONFIG_FILE", config.toString());
        builder.environment().put("AWS_SHARED_CREDENTIALS_FILE", dir.resolve("none").toString());
        builder.environment().remove("AWS_ACCESS_KEY_ID");
        builder.environment().remove("AWS_SECRET_ACCESS_KEY");
        builder.environment().remove("AWS_PROFILE");
        Process process = builder.redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, process.exitValue(), output);

        SessionCredentials back = CredentialProcessJson.parse(output.strip());
        assertEquals("ASIACLIINTEROP", back.accessKeyId());
        assertEquals("cliSecret", back.secretAccessKey());
        assertEquals("cliToken", back.sessionToken().orElseThrow());
        assertEquals(expiration, back.expiration().orElseThrow());
    }
}
