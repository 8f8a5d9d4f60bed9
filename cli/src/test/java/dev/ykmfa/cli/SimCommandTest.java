package dev.ykmfa.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.NoSuchEntityException;

/** {@code ykmfa sim --no-key}: aws-sim served until stopped, printing what scripts need, state kept with --state. */
class SimCommandTest {
    private static final Pattern ENDPOINT = Pattern.compile("AWS endpoint: (http://\\S+)");
    private final ExecutorService pool = Executors.newCachedThreadPool();

    @TempDir
    Path state;

    @AfterEach
    void shutdown() {
        pool.shutdownNow();
    }

    /** A running {@code ykmfa sim}. */
    private final class Running {
        final ByteArrayOutputStream out = new ByteArrayOutputStream();
        final ByteArrayOutputStream err = new ByteArrayOutputStream();
        final CompletableFuture<Void> stop = new CompletableFuture<>();
        final Future<Integer> exit;

        Running(String... args) {
            CliContext context = CliContext.builder().out(new PrintStream(out, true, StandardCharsets.UTF_8))
                    .err(new PrintStream(err, true, StandardCharsets.UTF_8)).env(Map.of()).stopSignal(stop).build();
            exit = pool.submit(() -> Main.run(args, context));
        }

        String awaitReady() throws Exception {
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (System.nanoTime() < deadline) {
                String text = out.toString(StandardCharsets.UTF_8);
                if (text.lines().anyMatch(l -> l.startsWith("ready"))) {
                    return text;
                }
                if (exit.isDone()) {
                    throw new AssertionError("sim ended early with " + exit.get() + ": " + text + err);
                }
                Thread.sleep(20);
            }
            throw new AssertionError("no ready line: " + out + err);
        }

        int stop() throws Exception {
            stop.complete(null);
            return exit.get(10, TimeUnit.SECONDS);
        }
    }

    private static IamClient admin(URI endpoint) {
        return IamClient.builder().httpClient(UrlConnectionHttpClient.create()).region(Region.US_EAST_1)
                .endpointOverride(endpoint).credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create("AKIAIOSFODNN7EXAMPLE",
                                "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"))).build();
    }

    private static URI endpoint(String output) {
        Matcher m = ENDPOINT.matcher(output);
        assertTrue(m.find(), output);
        return URI.create(m.group(1));
    }

    @Test
    void sim_printsEndpointAndAdminThenReady_andServesUntilStopped() throws Exception {
        Running sim = new Running("sim", "--no-key", "--aws-port", "0");
        String output = sim.awaitReady();
        assertTrue(output.contains("AWS_ACCESS_KEY_ID=AKIAIOSFODNN7EXAMPLE"), output);
        assertTrue(output.contains("AWS_SECRET_ACCESS_KEY=wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"), output);
        String[] lines = output.split("\n");
        assertTrue(lines[lines.length - 1].startsWith("ready: aws-sim at http://127.0.0.1:"), output);
        try (IamClient iam = admin(endpoint(output))) {
            assertEquals("admin", iam.getUser().user().userName(), "requests are served once ready");
        }
        assertEquals(0, sim.stop());
    }

    @Test
    void sim_withState_keepsIamEntitiesAcrossARestart() throws Exception {
        Running first = new Running("sim", "--no-key", "--aws-port", "0", "--state", state.toString());
        try (IamClient iam = admin(endpoint(first.awaitReady()))) {
            iam.createUser(r -> r.userName("JohnDoe"));
        }
        assertEquals(0, first.stop());

        Running second = new Running("sim", "--no-key", "--aws-port", "0", "--state", state.toString());
        try (IamClient iam = admin(endpoint(second.awaitReady()))) {
            assertEquals("JohnDoe", iam.getUser(r -> r.userName("JohnDoe")).user().userName());
            org.junit.jupiter.api.Assertions.assertThrows(NoSuchEntityException.class,
                    () -> iam.getUser(r -> r.userName("Nobody")));
        }
        assertEquals(0, second.stop());
    }
}
