package dev.ykmfa.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ykmfa.aws.process.CredentialProcessJson;
import dev.ykmfa.aws.process.SessionCredentials;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.ProcessCredentialsProvider;

/**
 * The shaded jar as a real {@code credential_process}: the AWS SDK's own {@link ProcessCredentialsProvider} runs
 * {@code java -jar target/ykmfa.jar credential-process …} in a new JVM; the cache filled in-process serves it (the
 * subprocess cannot reach the in-process key, so an answer proves the cache-hit path of the real jar), and the JVM's
 * class-load log shows that a hit loads neither picocli nor the AWS SDK.
 */
class CredentialProcessSubprocessIT {
    @TempDir
    Path tmp;

    @Test
    void sdkProcessProvider_acceptsTheJarsJson_fromTheCache() throws Exception {
        assertTrue(Files.isRegularFile(EnrolledWorld.jar()), "target/ykmfa.jar is built by package, before verify runs this IT");
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

            Path classLog = tmp.resolve("classes.log");
            java.util.List<String> jvm = new java.util.ArrayList<>(java.util.List.of("java",
                    "-Xlog:class+load:file=" + classLog, "-jar", EnrolledWorld.jar().toString(), "credential-process"));
            jvm.addAll(java.util.List.of(world.processArgs()));
            Process p = new ProcessBuilder(jvm).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            assertEquals(0, p.waitFor(), out);
            assertEquals(filled.out.trim(), out.trim(), "the cached answer, byte for byte");
            String loaded = Files.readString(classLog);
            assertTrue(loaded.contains(" dev.ykmfa.cli.process.LeanCacheHit "), "the fast path ran");
            for (String heavy : new String[] {" picocli.", " software.amazon.awssdk.", " dev.ykmfa.cli.Cli ",
                " java.time.format."}) {
                assertFalse(loaded.contains(heavy), "a cache hit must not load" + heavy + "*");
            }

            // The companion jar: the same answer, without loading a class from ykmfa.jar.
            Path companion = EnrolledWorld.jar().resolveSibling("ykmfa-credential-process.jar");
            Path companionLog = tmp.resolve("companion-classes.log");
            java.util.List<String> fast = new java.util.ArrayList<>(java.util.List.of("java",
                    "-Xlog:class+load:file=" + companionLog, "-jar", companion.toString(), "credential-process"));
            fast.addAll(java.util.List.of(world.processArgs()));
            Process q = new ProcessBuilder(fast).redirectErrorStream(true).start();
            String fastOut = new String(q.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            assertEquals(0, q.waitFor(), fastOut);
            assertEquals(filled.out.trim(), fastOut.trim());
            String fastLoaded = Files.readString(companionLog);
            assertTrue(fastLoaded.contains("ykmfa-credential-process.jar"), "classes came from the companion");
            assertFalse(fastLoaded.contains("/ykmfa.jar"), "nothing was loaded from ykmfa.jar on a hit");

            // A miss (or anything but a hit) still works: the rest comes from ykmfa.jar through Class-Path.
            Process help = new ProcessBuilder("java", "-jar", companion.toString(), "credential-process", "--help")
                    .redirectErrorStream(true).start();
            String helpOut = new String(help.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            assertEquals(0, help.waitFor(), helpOut);
            assertTrue(helpOut.startsWith("Usage: ykmfa credential-process"), helpOut);
        }
    }
}
