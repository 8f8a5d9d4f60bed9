package dev.ykmfa.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The AWS CLI v2 ({@code /usr/bin/aws}) uses {@code credential_process = java -jar …/ykmfa.jar credential-process …}
 * from a config file against aws-sim: the JSON is accepted, the role session it carries is allowed EC2
 * DescribeInstances, and STS says who it is. Skipped, with the reason, when /usr/bin/aws is missing.
 */
class CredentialProcessInteropIT {
    private static final Path AWS_CLI = Path.of("/usr/bin/aws");

    @TempDir
    Path tmp;

    @Test
    void awsCliV2_usesTheCredentialProcess_againstAwsSim() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(AWS_CLI), "/usr/bin/aws (AWS CLI v2) is not installed");
        Assumptions.assumeTrue(Files.isRegularFile(EnrolledWorld.jar()), "target/ykmfa.jar is built by package");
        try (EnrolledWorld world = new EnrolledWorld(tmp)) {
            CliRunner.Result filled = world.fillCache();
            assertEquals(0, filled.exit, filled::toString);

            StringBuilder line = new StringBuilder("credential_process = java -jar ").append(EnrolledWorld.jar())
                    .append(" credential-process");
            for (String a : world.processArgs()) {
                line.append(' ').append(a);
            }
            Path config = tmp.resolve("config");
            Files.writeString(config, "[profile dev]\nregion = us-east-1\n" + line + "\n");

            String arn = aws(world, config, "sts", "get-caller-identity", "--query", "Arn", "--output", "text");
            assertEquals("arn:aws:sts::123456789012:assumed-role/developer-ec2-mfa/JohnDoe", arn.trim());
            String instances = aws(world, config, "ec2", "describe-instances", "--output", "json");
            assertTrue(instances.replaceAll("\\s", "").contains("\"Reservations\":[]"), instances);
        }
    }

    private String aws(EnrolledWorld world, Path config, String... args) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of(AWS_CLI.toString(), "--profile", "dev",
                "--endpoint-url", world.endpoint()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(false);
        Map<String, String> env = pb.environment();
        env.keySet().removeIf(k -> k.startsWith("AWS_"));
        env.put("AWS_CONFIG_FILE", config.toString());
        env.put("AWS_SHARED_CREDENTIALS_FILE", world.sourceCredentials.toString());
        env.put("HOME", tmp.toString());
        pb.redirectError(tmp.resolve("aws-stderr.txt").toFile()).redirectInput(new File("/dev/null"));
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "aws CLI timed out");
        assertEquals(0, p.exitValue(), () -> "aws " + String.join(" ", args) + " failed: " + out
                + readQuietly(tmp.resolve("aws-stderr.txt")));
        return out;
    }

    private static String readQuietly(Path p) {
        try {
            return Files.readString(p);
        } catch (java.io.IOException e) {
            return "";
        }
    }
}
