package dev.ykmfa.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ykmfa.awssim.AwsSimulator;
import dev.ykmfa.cli.demo.SharedClock;
import dev.ykmfa.sim.SimulatedYubiKey;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

/**
 * aws-sim + a simulated key with JohnDoe enrolled through the CLI, and a source-credentials file holding JohnDoe's
 * long-term keys as profile {@code johndoe}; the shared clock is already past the enrollment's codes.
 */
final class EnrolledWorld implements AutoCloseable {
    static final String ROLE_ARN = "arn:aws:iam::123456789012:role/developer-ec2-mfa";
    static final String MFA_ARN = "arn:aws:iam::123456789012:mfa/JohnDoe";

    final SharedClock clock = new SharedClock(Instant.now());
    final SimulatedYubiKey key = SimulatedYubiKey.create();
    final AwsSimulator aws = AwsSimulator.builder().clock(clock).build().start();
    final Path dir;
    final Path sourceCredentials;
    final Path cache;

    EnrolledWorld(Path dir) {
        this.dir = dir;
        this.sourceCredentials = dir.resolve("source-credentials");
        this.cache = dir.resolve("cache");
        Path keyFile = dir.resolve("JohnDoe.credentials");
        CliRunner.Result enroll = new CliRunner().key(key).clock(clock)
                .env("AWS_ACCESS_KEY_ID", aws.adminAccessKeyId())
                .env("AWS_SECRET_ACCESS_KEY", aws.adminSecretAccessKey())
                .run("--endpoint-url", endpoint(), "enroll", "--user", "JohnDoe", "--role-name",
                        "developer-ec2-mfa", "--access-key-out", keyFile.toString());
        assertEquals(0, enroll.exit, enroll::toString);
        try {
            Files.writeString(sourceCredentials, "[johndoe]\naws_access_key_id = "
                    + FullFlowIT.iniValue(keyFile, "aws_access_key_id") + "\naws_secret_access_key = "
                    + FullFlowIT.iniValue(keyFile, "aws_secret_access_key") + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        clock.advance(Duration.ofSeconds(60));
    }

    String endpoint() {
        return aws.endpoint().toString();
    }

    /** The credential-process arguments (after the command name) for JohnDoe's role through this world. */
    String[] processArgs() {
        return new String[] {"--profile", "johndoe", "--endpoint-url", endpoint(), "--role-arn", ROLE_ARN,
            "--serial-number", MFA_ARN, "--cache-dir", cache.toString()};
    }

    /** Runs credential-process in-process (reads the key, calls aws-sim, fills the cache). */
    CliRunner.Result fillCache() {
        String[] args = processArgs();
        String[] all = new String[args.length + 1];
        all[0] = "credential-process";
        System.arraycopy(args, 0, all, 1, args.length);
        return new CliRunner().key(key).clock(clock)
                .env("AWS_SHARED_CREDENTIALS_FILE", sourceCredentials.toString()).run(all);
    }

    /** @return the shaded jar, built by the package phase before failsafe runs */
    static Path jar() {
        return Path.of("target", "ykmfa.jar").toAbsolutePath();
    }

    @Override
    public void close() {
        aws.close();
    }
}
