package dev.ykmfa.aws.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CredentialProcessCacheTest {
    private static final Instant NOW = Instant.parse("2026-11-24T05:00:00Z");
    private static final CredentialCacheKey KEY = CredentialCacheKey.builder()
            .roleArn("arn:aws:iam::123456789012:role/developer-ec2-mfa")
            .serialNumber("arn:aws:iam::123456789012:mfa/JohnDoe").roleSessionName("johndoe").build();

    @TempDir
    Path dir;

    private final AtomicInteger fetches = new AtomicInteger();

    private Supplier<SessionCredentials> fetcher(Instant expiration) {
        return () -> SessionCredentials.of("ASIA" + fetches.incrementAndGet(), "secret", "token", expiration);
    }

    private CredentialProcessCache cache(Instant now) {
        return CredentialProcessCache.builder().directory(dir.resolve("cache"))
                .clock(Clock.fixed(now, ZoneOffset.UTC)).build();
    }

    @Test
    void getOrFetch_secondCall_isACacheHitWithoutFetching() throws Exception {
        Instant expires = NOW.plus(Duration.ofHours(1));
        SessionCredentials first = cache(NOW).getOrFetch(KEY, fetcher(expires));
        SessionCredentials second = cache(NOW.plus(Duration.ofMinutes(30))).getOrFetch(KEY, fetcher(expires));

        assertEquals(1, fetches.get());
        assertEquals(first, second);
        Path entry = dir.resolve("cache").resolve(KEY.fileStem() + ".json");
        assertTrue(Files.exists(entry));
        assertFalse(entry.getFileName().toString().contains("JohnDoe"), "the file name reveals nothing");
        assumeTrue(entry.getFileSystem().supportedFileAttributeViews().contains("posix"), "needs POSIX modes");
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(entry)));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(entry.getParent())));
    }

    @Test
    void getOrFetch_withinTheRefreshWindow_fetchesAgain() {
        Instant expires = NOW.plus(Duration.ofHours(1));
        cache(NOW).getOrFetch(KEY, fetcher(expires));

        Instant nearExpiry = expires.minus(CredentialProcessCache.DEFAULT_REFRESH_WINDOW).minusSeconds(1);
        assertEquals("ASIA1", cache(nearExpiry).getOrFetch(KEY, fetcher(expires.plusSeconds(3600))).accessKeyId());
        Instant inWindow = expires.minus(CredentialProcessCache.DEFAULT_REFRESH_WINDOW);
        assertEquals("ASIA2", cache(inWindow).getOrFetch(KEY, fetcher(inWindow.plusSeconds(3600))).accessKeyId());
        assertEquals(2, fetches.get());
    }

    @Test
    void lookup_otherKeysAndDamagedEntries_areMisses() throws Exception {
        cache(NOW).getOrFetch(KEY, fetcher(NOW.plusSeconds(3600)));
        CredentialCacheKey otherSession = CredentialCacheKey.builder().roleArn("arn:aws:iam::123456789012:role/r")
                .serialNumber("arn:aws:iam::123456789012:mfa/JohnDoe").roleSessionName("other").build();
        assertEquals(Optional.empty(), cache(NOW).lookup(otherSession));

        Files.writeString(dir.resolve("cache").resolve(KEY.fileStem() + ".json"), "{broken");
        assertEquals(Optional.empty(), cache(NOW).lookup(KEY));
    }

    @Test
    void cacheKey_dependsOnEveryField() {
        CredentialCacheKey.Builder base = CredentialCacheKey.builder().roleArn("r").serialNumber("s")
                .roleSessionName("n");
        List<String> stems = List.of(base.build().fileStem(),
                CredentialCacheKey.builder().roleArn("r2").serialNumber("s").roleSessionName("n").build().fileStem(),
                CredentialCacheKey.builder().roleArn("r").serialNumber("s2").roleSessionName("n").build().fileStem(),
                CredentialCacheKey.builder().roleArn("r").serialNumber("s").roleSessionName("n2").build().fileStem(),
                base.sourceIdentity("alice").build().fileStem(),
                CredentialCacheKey.builder().roleArn("r").serialNumber("s").roleSessionName("n").scope("http://x")
                        .build().fileStem(),
                CredentialCacheKey.builder().roleArn("r").serialNumber("s").roleSessionName("n")
                        .durationSeconds(900).build().fileStem(),
                CredentialCacheKey.builder().roleArn("r").serialNumber("s").roleSessionName("n")
                        .durationSeconds(3600).build().fileStem());
        assertEquals(stems.size(), stems.stream().distinct().count());
    }

    @Test
    void cacheKey_forAnotherDuration_isAnotherKey() {
        CredentialCacheKey.Builder base = CredentialCacheKey.builder().roleArn("r").serialNumber("s")
                .roleSessionName("n");
        CredentialCacheKey short900 = base.durationSeconds(900).build();
        CredentialCacheKey long3600 = base.durationSeconds(3600).build();
        assertNotEquals(short900, long3600);
        assertNotEquals(short900.fileStem(), long3600.fileStem());
        assertEquals(short900, base.durationSeconds(900).build());
    }

    @Test
    void getOrFetch_concurrentCallers_shareOneFetch() throws Exception {
        int callers = 12;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(callers);
        List<Future<SessionCredentials>> results = new ArrayList<>();
        Supplier<SessionCredentials> slowFetch = () -> {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return fetcher(NOW.plusSeconds(3600)).get();
        };
        for (int i = 0; i < callers; i++) {
            results.add(pool.submit(() -> {
                start.await();
                return cache(NOW).getOrFetch(KEY, slowFetch);
            }));
        }
        start.countDown();
        for (Future<SessionCredentials> f : results) {
            assertEquals("ASIA1", f.get(30, TimeUnit.SECONDS).accessKeyId());
        }
        pool.shutdown();
        assertEquals(1, fetches.get(), "one fetch (one touch) for all concurrent callers");
    }

    @Test
    void getOrFetch_concurrentProcesses_shareOneFetch() throws Exception {
        Path counter = dir.resolve("fetches.txt");
        String java = Paths.get(System.getProperty("java.home"), "bin", "java").toString();
        List<Process> processes = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            processes.add(new ProcessBuilder(java, "-XX:TieredStopAtLevel=1", "-cp",
                    System.getProperty("java.class.path"), CacheFetchMain.class.getName(),
                    dir.resolve("cache").toString(), counter.toString()).redirectErrorStream(true).start());
        }
        List<String> outputs = new ArrayList<>();
        for (Process p : processes) {
            String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(p.waitFor(60, TimeUnit.SECONDS));
            assertEquals(0, p.exitValue(), output);
            outputs.add(output);
        }
        assertEquals(1, Files.readAllLines(counter).size(), "one fetch (one touch) for 8 processes");
        assertEquals(1, outputs.stream().distinct().count(), "all print the same credentials");
    }

    /**
     * The cache-hit path must run without the AWS SDK: the cache classes are loaded in a class loader that sees only
     * this module's compiled classes and the JDK, then asked for a cached entry and the JSON.
     */
    @Test
    void cacheHitPath_runsWithoutTheAwsSdkOnTheClassPath() throws Exception {
        cache(NOW).getOrFetch(KEY, fetcher(Instant.now().plusSeconds(3600)));
        URL classes = Paths.get(CredentialProcessCache.class.getProtectionDomain().getCodeSource().getLocation()
                .toURI()).toUri().toURL();
        try (URLClassLoader isolated = new URLClassLoader(new URL[] {classes},
                ClassLoader.getPlatformClassLoader())) {
            Class<?> cacheClass = isolated.loadClass(CredentialProcessCache.class.getName());
            Object builder = cacheClass.getMethod("builder").invoke(null);
            builder.getClass().getMethod("directory", Path.class).invoke(builder, dir.resolve("cache"));
            Object isolatedCache = builder.getClass().getMethod("build").invoke(builder);
            Class<?> keyClass = isolated.loadClass(CredentialCacheKey.class.getName());
            Object keyBuilder = keyClass.getMethod("builder").invoke(null);
            for (String[] field : new String[][] {{"roleArn", "arn:aws:iam::123456789012:role/developer-ec2-mfa"},
                    {"serialNumber", "arn:aws:iam::123456789012:mfa/JohnDoe"}, {"roleSessionName", "johndoe"}}) {
                keyBuilder.getClass().getMethod(field[0], String.class).invoke(keyBuilder, field[1]);
            }
            Object isolatedKey = keyBuilder.getClass().getMethod("build").invoke(keyBuilder);
            Optional<?> hit = (Optional<?>) cacheClass.getMethod("lookup", keyClass).invoke(isolatedCache,
                    isolatedKey);
            assertTrue(hit.isPresent(), "hit in the isolated loader");
            Class<?> credentialsClass = isolated.loadClass(SessionCredentials.class.getName());
            Method format = isolated.loadClass(CredentialProcessJson.class.getName()).getMethod("format",
                    credentialsClass);
            String json = (String) format.invoke(null, hit.get());
            assertTrue(json.startsWith("{\"Version\": 1, \"AccessKeyId\": \"ASIA1\""), json);
            assertThrowsClassNotFound(isolated, "software.amazon.awssdk.core.SdkClient");
        }
    }

    private static void assertThrowsClassNotFound(ClassLoader loader, String name) {
        try {
            loader.loadClass(name);
            throw new AssertionError(name + " must not be visible to the isolated loader");
        } catch (ClassNotFoundException expected) {
            // the SDK is not reachable, so the calls above provably did not need it
        }
    }
}
