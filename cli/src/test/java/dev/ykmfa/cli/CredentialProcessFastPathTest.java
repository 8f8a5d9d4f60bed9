package dev.ykmfa.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ykmfa.aws.process.CredentialProcessJson;
import dev.ykmfa.aws.process.SessionCredentials;
import dev.ykmfa.cli.process.CredentialProcessRequest;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CredentialProcessFastPathTest {
    private static final String ROLE = "arn:aws:iam::123456789012:role/developer-ec2-mfa";
    private static final String MFA = "arn:aws:iam::123456789012:mfa/JohnDoe";
    /** Nothing listens here: any HTTP call fails. */
    private static final String DEAD_ENDPOINT = "http://127.0.0.1:9";
    private static final Instant NOW = Instant.parse("2026-11-24T06:00:00Z");

    @TempDir
    Path cache;

    private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);

    private void store(Instant expiration, String endpoint) {
        CredentialProcessRequest request = new CredentialProcessRequest(ROLE, MFA, null,
                CredentialProcessRequest.DEFAULT_DURATION_SECONDS, endpoint, null,
                cache.toString(), Map.<String, String>of()::get);
        request.cache(clock).store(request.cacheKey(), SessionCredentials.of("ASIAEXAMPLEEXAMPLE01",
                "secret-secret-secret-secret-secret-secr", "token", expiration));
    }

    private CliRunner.Result run(CliRunner cli, String endpoint, String... extra) {
        String[] base = {"credential-process", "--endpoint-url", endpoint, "--role-arn", ROLE, "--serial-number",
            MFA, "--cache-dir", cache.toString()};
        String[] all = java.util.Arrays.copyOf(base, base.length + extra.length);
        System.arraycopy(extra, 0, all, base.length, extra.length);
        return cli.run(all);
    }

    @Test
    void freshEntry_isServedWithoutKeyOrAws() {
        store(NOW.plus(Duration.ofHours(1)), DEAD_ENDPOINT);
        CliRunner cli = new CliRunner().clock(clock).key(failingKey());
        CliRunner.Result r = run(cli, DEAD_ENDPOINT);
        assertEquals(0, r.exit, r::toString);
        SessionCredentials served = CredentialProcessJson.parse(r.out.trim());
        assertEquals("ASIAEXAMPLEEXAMPLE01", served.accessKeyId());
        assertEquals(NOW.plus(Duration.ofHours(1)), served.expiration().orElseThrow());
        assertEquals(0, cli.apdus.get());
    }

    @Test
    void entryForAnotherEndpoint_isNotServed() {
        store(NOW.plus(Duration.ofHours(1)), "http://127.0.0.1:4566");
        CliRunner.Result r = run(new CliRunner().clock(clock).key(failingKey()), DEAD_ENDPOINT);
        assertNotEquals(0, r.exit, "a miss goes to the key/AWS, which fail here: " + r);
    }

    @Test
    void entryWithinFiveMinutesOfExpiry_isRenewedNotServed() {
        store(NOW.plus(Duration.ofMinutes(4)), DEAD_ENDPOINT);
        CliRunner cli = new CliRunner().clock(clock).key(failingKey())
                .env("AWS_ACCESS_KEY_ID", "AKIAEXAMPLEEXAMPLE01").env("AWS_SECRET_ACCESS_KEY", "x".repeat(40));
        CliRunner.Result r = run(cli, DEAD_ENDPOINT);
        assertEquals(1, r.exit, r::toString);
        assertTrue(r.err.contains("simulated failure of the key"), r::toString);
    }

    @Test
    void fullCommand_andFastPath_agreeOnTheEntry_whenGivenWithEqualsSyntaxAndVerbose() {
        store(NOW.plus(Duration.ofHours(1)), DEAD_ENDPOINT);
        // -v makes the fast path step aside: the picocli command must find the same entry.
        CliRunner cli = new CliRunner().clock(clock).key(failingKey());
        CliRunner.Result r = cli.run("credential-process", "-v", "--endpoint-url=" + DEAD_ENDPOINT,
                "--role-arn=" + ROLE, "--serial-number=" + MFA, "--cache-dir=" + cache);
        assertEquals(0, r.exit, r::toString);
        assertTrue(r.out.startsWith("{\"Version\": 1, \"AccessKeyId\": \"ASIAEXAMPLEEXAMPLE01\""), r::toString);
        assertTrue(r.err.contains("ykmfa: debug: cache"), r::toString);
    }

    @Test
    void entryForTheDefaultDuration_isNotServedToA900SecondRequest_onTheFastPath() {
        store(NOW.plus(Duration.ofHours(1)), DEAD_ENDPOINT);
        CliRunner.Result r = run(new CliRunner().clock(clock).key(failingKey()), DEAD_ENDPOINT,
                "--duration-seconds", "900");
        assertNotEquals(0, r.exit, "a 3600 s session must not answer a 900 s request: " + r);
    }

    @Test
    void entryForTheDefaultDuration_isNotServedToA900SecondRequest_byTheFullCommand() {
        store(NOW.plus(Duration.ofHours(1)), DEAD_ENDPOINT);
        // -v makes the fast path step aside
        CliRunner.Result r = run(new CliRunner().clock(clock).key(failingKey()), DEAD_ENDPOINT, "-v",
                "--duration-seconds=900");
        assertNotEquals(0, r.exit, "a 3600 s session must not answer a 900 s request: " + r);
    }

    @Test
    void explicitDefaultDuration_isServedTheDefaultEntry_byBothPaths() {
        store(NOW.plus(Duration.ofHours(1)), DEAD_ENDPOINT);
        CliRunner.Result fast = run(new CliRunner().clock(clock).key(failingKey()), DEAD_ENDPOINT,
                "--duration-seconds", "3600");
        assertEquals(0, fast.exit, fast::toString);
        CliRunner.Result full = run(new CliRunner().clock(clock).key(failingKey()), DEAD_ENDPOINT, "-v",
                "--duration-seconds=3600");
        assertEquals(0, full.exit, full::toString);
    }

    @Test
    void defaultSessionName_isTheMfaDeviceName() {
        assertEquals("JohnDoe", CredentialProcessRequest.defaultSessionName(MFA));
        assertEquals("a.b@c", CredentialProcessRequest.defaultSessionName("arn:aws:iam::1:mfa/path/a.b@c"));
        assertEquals("ykmfa", CredentialProcessRequest.defaultSessionName("arn:aws:iam::1:mfa/"));
    }

    private static dev.ykmfa.protocol.transport.ApduTransport failingKey() {
        return new dev.ykmfa.protocol.transport.ApduTransport() {
            @Override
            public byte[] transmit(byte[] commandApdu) {
                throw new dev.ykmfa.protocol.transport.TransportException("simulated failure of the key");
            }

            @Override
            public void close() {
            }
        };
    }
}
