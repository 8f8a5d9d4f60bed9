package dev.ykmfa.cli.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ykmfa.aws.process.CredentialProcessCache;
import dev.ykmfa.aws.process.CredentialProcessJson;
import dev.ykmfa.aws.process.SessionCredentials;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The fast path's lean cache read agrees with aws-flow's CredentialProcessCache on file, freshness and content. */
class LeanCacheHitTest {
    @TempDir
    Path dir;

    @Test
    void defaultsMatchAwsFlow() {
        assertEquals(CredentialProcessCache.defaultDirectory().toString(),
                System.getProperty("user.home") + CredentialProcessRequest.DEFAULT_CACHE_UNDER_HOME);
        assertEquals(CredentialProcessCache.DEFAULT_REFRESH_WINDOW.getSeconds(), LeanCacheHit.REFRESH_WINDOW_SECONDS);
    }

    @Test
    void expiration_parsesLikeInstantParse() {
        Random random = new Random(7);
        for (int i = 0; i < 2000; i++) {
            Instant t = Instant.ofEpochSecond(random.nextInt(Integer.MAX_VALUE) * 2L);
            String json = CredentialProcessJson.format(SessionCredentials.of("A", "S", "T", t));
            assertEquals(t.getEpochSecond(), LeanCacheHit.expiration(json), json);
        }
        assertEquals(Long.MIN_VALUE, LeanCacheHit.expiration("{\"Version\": 1, \"Expiration\": \"2026-13-01T00:00:00Z\"}"));
        assertEquals(Long.MIN_VALUE, LeanCacheHit.expiration("{\"Version\": 1}"));
    }

    @Test
    void serve_agreesWithTheCacheOnFreshness_aroundTheRefreshWindow() {
        CredentialProcessRequest request = new CredentialProcessRequest("arn:aws:iam::1:role/r",
                "arn:aws:iam::1:mfa/u", null, CredentialProcessRequest.DEFAULT_DURATION_SECONDS, null, null, dir.toString(), Map.<String, String>of()::get);
        Instant expires = Instant.parse("2026-11-24T07:00:00Z");
        SessionCredentials credentials = SessionCredentials.of("ASIAX", "secret", "token", expires);
        request.cache(Clock.systemUTC()).store(request.cacheKey(), credentials);
        for (long before = 290; before <= 310; before++) {
            Instant now = expires.minusSeconds(before);
            boolean awsFlow = request.cache(Clock.fixed(now, ZoneOffset.UTC)).lookup(request.cacheKey()).isPresent();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            boolean lean = LeanCacheHit.serve(request.cacheDirectoryName(), request.cacheKey().fileStem(),
                    now.getEpochSecond(), new PrintStream(out, true, StandardCharsets.UTF_8));
            assertEquals(awsFlow, lean, before + " s before expiry");
            if (lean) {
                assertEquals(CredentialProcessJson.format(credentials) + System.lineSeparator(),
                        out.toString(StandardCharsets.UTF_8));
            }
        }
        assertTrue(LeanCacheHit.serve(request.cacheDirectoryName(), request.cacheKey().fileStem(),
                expires.minusSeconds(3600).getEpochSecond(), new PrintStream(new ByteArrayOutputStream())));
        assertFalse(LeanCacheHit.serve(dir.resolve("elsewhere").toString(), request.cacheKey().fileStem(),
                expires.minusSeconds(3600).getEpochSecond(), new PrintStream(new ByteArrayOutputStream())));
    }
}
