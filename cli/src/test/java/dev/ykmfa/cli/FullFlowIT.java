package dev.ykmfa.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ykmfa.awssim.AwsSimulator;
import dev.ykmfa.cli.demo.SharedClock;
import dev.ykmfa.sim.SimulatedYubiKey;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.profiles.ProfileFile;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Ec2Exception;

/**
 * The blog through the CLI's main, in-process: {@code enroll} (admin) → {@code assume} (developer) → the profile →
 * EC2 DescribeInstances, and {@code credential-process} with its cache, against a simulated key and aws-sim sharing
 * one clock.
 */
class FullFlowIT {
    private static final String ROLE_ARN = "arn:aws:iam::123456789012:role/developer-ec2-mfa";
    private static final String MFA_ARN = "arn:aws:iam::123456789012:mfa/JohnDoe";
    private static final Duration STEP = Duration.ofSeconds(30);

    @TempDir
    Path tmp;

    private final SharedClock clock = new SharedClock(Instant.now());
    private final SimulatedYubiKey key = SimulatedYubiKey.create();
    private AwsSimulator aws;

    @BeforeEach
    void start() {
        aws = AwsSimulator.builder().clock(clock).build().start();
    }

    @AfterEach
    void stop() {
        aws.close();
    }

    private CliRunner admin() {
        return new CliRunner().key(key).clock(clock)
                .env("AWS_ACCESS_KEY_ID", aws.adminAccessKeyId())
                .env("AWS_SECRET_ACCESS_KEY", aws.adminSecretAccessKey())
                .env("AWS_SHARED_CREDENTIALS_FILE", tmp.resolve("admin-credentials").toString());
    }

    private CliRunner developer(Path keyFile) {
        return new CliRunner().key(key).clock(clock)
                .env("AWS_SHARED_CREDENTIALS_FILE", tmp.resolve("credentials").toString())
                .env("AWS_CONFIG_FILE", tmp.resolve("config").toString())
                .env("YKMFA_CACHE_DIR", tmp.resolve("cache").toString())
                .env("AWS_ACCESS_KEY_ID", iniValue(keyFile, "aws_access_key_id"))
                .env("AWS_SECRET_ACCESS_KEY", iniValue(keyFile, "aws_secret_access_key"));
    }

    @Test
    void enrollAssumeProfileDescribeInstances_throughTheCliMain() throws Exception {
        Path keyFile = tmp.resolve("JohnDoe.credentials");
        String endpoint = aws.endpoint().toString();

        CliRunner.Result enroll = admin().run("--endpoint-url", endpoint, "enroll", "--user", "JohnDoe",
                "--role-name", "developer-ec2-mfa", "--access-key-out", keyFile.toString());
        assertEquals(0, enroll.exit, enroll::toString);
        assertTrue(enroll.out.contains(MFA_ARN), enroll::toString);
        assertTrue(enroll.out.contains(ROLE_ARN), enroll::toString);
        assertTrue(enroll.out.contains("written to " + keyFile), enroll::toString);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(keyFile)));
        String secret = iniValue(keyFile, "aws_secret_access_key");
        assertEquals(40, secret.length());
        assertFalse(enroll.out.contains(secret) || enroll.err.contains(secret), "the secret is never printed");
        byte[] keyFileBytes = Files.readAllBytes(keyFile);

        CliRunner.Result again = admin().run("--endpoint-url", endpoint, "enroll", "--user", "JohnDoe",
                "--role-name", "developer-ec2-mfa", "--access-key-out", keyFile.toString());
        assertEquals(0, again.exit, again::toString);
        assertTrue(again.out.contains("exists already: no new key pair was created"), again::toString);
        assertTrue(again.out.contains("[reused]"), again::toString);
        assertTrue(java.util.Arrays.equals(keyFileBytes, Files.readAllBytes(keyFile)), "the key file is untouched");

        clock.advance(STEP.multipliedBy(2)); // the enrollment consumed this step's and the next step's codes

        CliRunner.Result assume = developer(keyFile).run("--endpoint-url", endpoint, "assume", "--role-arn", ROLE_ARN,
                "--serial-number", MFA_ARN);
        assertEquals(0, assume.exit, assume::toString);
        assertTrue(assume.out.contains("Assumed arn:aws:sts::123456789012:assumed-role/developer-ec2-mfa/JohnDoe"),
                assume::toString);
        assertTrue(assume.out.contains("Wrote profile [johndoe-developer-role]"), assume::toString);
        String credentials = Files.readString(tmp.resolve("credentials"));
        assertTrue(credentials.contains("[johndoe-developer-role]"), credentials);
        assertFalse(assume.out.contains(iniValue(tmp.resolve("credentials"), "aws_secret_access_key")),
                "the session secret is not printed");

        try (Ec2Client role = ec2(ProfileCredentialsProvider.builder().profileFile(ProfileFile.builder()
                .content(tmp.resolve("credentials")).type(ProfileFile.Type.CREDENTIALS).build())
                .profileName("johndoe-developer-role").build())) {
            assertTrue(role.describeInstances().reservations().isEmpty());
        }
        try (Ec2Client longTerm = ec2(StaticCredentialsProvider.create(AwsBasicCredentials.create(
                iniValue(keyFile, "aws_access_key_id"), secret)))) {
            Ec2Exception denied = assertThrows(Ec2Exception.class, longTerm::describeInstances);
            assertEquals("UnauthorizedOperation", denied.awsErrorDetails().errorCode());
        }
    }

    @Test
    void credentialProcess_secondCallIsACacheHit_withoutApduOrHttp() throws Exception {
        Path keyFile = tmp.resolve("JohnDoe.credentials");
        String endpoint = aws.endpoint().toString();
        assertEquals(0, admin().run("--endpoint-url", endpoint, "enroll", "--user", "JohnDoe", "--role-name",
                "developer-ec2-mfa", "--touch", "--access-key-out", keyFile.toString()).exit);
        clock.advance(STEP.multipliedBy(2));

        CliRunner first = developer(keyFile);
        String[] args = {"credential-process", "--endpoint-url", endpoint, "--role-arn", ROLE_ARN,
            "--serial-number", MFA_ARN};
        CliRunner.Result fetched = first.run(args);
        assertEquals(0, fetched.exit, fetched::toString);
        assertTrue(fetched.out.startsWith("{\"Version\": 1, \"AccessKeyId\": \"ASIA"), fetched::toString);
        assertTrue(fetched.err.contains("Touch your YubiKey"), "touch prompt on stderr: " + fetched);
        assertFalse(fetched.out.contains("Touch"), "stdout is only the JSON");
        assertTrue(first.apdus.get() > 0, "the first call read the key");
        try (var entries = Files.list(tmp.resolve("cache"))) {
            Path entry = entries.filter(p -> p.toString().endsWith(".json")).findFirst().orElseThrow();
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(entry)));
        }

        aws.close(); // any HTTP call now fails
        CliRunner second = developer(keyFile);
        CliRunner.Result hit = second.run(args);
        assertEquals(0, hit.exit, hit::toString);
        assertEquals(fetched.out, hit.out, "the cached answer");
        assertEquals(0, second.apdus.get(), "no APDU on a cache hit");
        assertEquals("", hit.err);

        CliRunner third = developer(keyFile);
        CliRunner.Result noCache = third.run(append(args, "--no-cache"));
        assertEquals(1, noCache.exit, "--no-cache must go to AWS, which is down now: " + noCache);
        assertTrue(noCache.err.endsWith("(check --endpoint-url / AWS_ENDPOINT_URL and the network)\n"), noCache::toString);
        assertTrue(noCache.err.contains("ykmfa: error: cannot reach AWS"), noCache::toString);
    }

    @Test
    void enroll_whenTheKeyFileExistsAndTheUserHasNoKey_refusesBeforeChangingAnything() throws Exception {
        Path keyFile = tmp.resolve("JohnDoe.credentials");
        Files.writeString(keyFile, "keep me\n");
        CliRunner.Result r = admin().run("--endpoint-url", aws.endpoint().toString(), "enroll", "--user", "JohnDoe",
                "--role-name", "developer-ec2-mfa", "--access-key-out", keyFile.toString());
        assertEquals(2, r.exit, r::toString);
        assertEquals(1, r.err.lines().count(), r::toString);
        assertTrue(r.err.contains("exists and is never overwritten"), r::toString);
        assertEquals("keep me\n", Files.readString(keyFile));
        try (software.amazon.awssdk.services.iam.IamClient iam = software.amazon.awssdk.services.iam.IamClient
                .builder().httpClient(UrlConnectionHttpClient.create()).region(Region.US_EAST_1)
                .endpointOverride(aws.endpoint()).credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(aws.adminAccessKeyId(), aws.adminSecretAccessKey()))).build()) {
            assertThrows(software.amazon.awssdk.services.iam.model.NoSuchEntityException.class,
                    () -> iam.getUser(b -> b.userName("JohnDoe")), "nothing was created");
        }
    }

    private static String[] append(String[] args, String extra) {
        String[] all = java.util.Arrays.copyOf(args, args.length + 1);
        all[args.length] = extra;
        return all;
    }

    private Ec2Client ec2(AwsCredentialsProvider credentials) {
        return Ec2Client.builder().httpClient(UrlConnectionHttpClient.create()).region(Region.US_EAST_1)
                .endpointOverride(aws.endpoint()).credentialsProvider(credentials).build();
    }

    static String iniValue(Path file, String name) {
        try {
            Matcher m = Pattern.compile("(?m)^" + name + "\\s*=\\s*(\\S+)\\s*$")
                    .matcher(Files.readString(file, StandardCharsets.UTF_8));
            if (!m.find()) {
                throw new AssertionError(name + " not in " + file);
            }
            return m.group(1);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
