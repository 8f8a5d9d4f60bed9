package dev.ykmfa.awssim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ykmfa.awssim.json.Json;
import dev.ykmfa.protocol.otp.Base32;
import dev.ykmfa.protocol.otp.Totp;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The blog's commands run verbatim by the AWS CLI v2 ({@code /usr/bin/aws}) with {@code --endpoint-url} against
 * the simulator, in an isolated HOME with its own config and credentials files.
 */
class AwsCliInteropIT {
    private static final Path AWS = Path.of("/usr/bin/aws");
    private static final String ROLE_ARN = "arn:aws:iam::123456789012:role/developer-ec2-mfa";
    private static final String SERIAL = "arn:aws:iam::123456789012:mfa/JohnDoe";

    @TempDir
    Path home;
    private MutableClock clock;
    private AwsSimulator sim;

    /** Exit code, stdout and stderr of one CLI run. */
    private record Run(int exit, String out, String err) {
        @SuppressWarnings("unchecked")
        Map<String, Object> json() {
            return (Map<String, Object>) Json.parse(out);
        }
    }

    @BeforeEach
    void start() throws IOException {
        Assumptions.assumeTrue(Files.isExecutable(AWS), "AWS CLI v2 is not installed at /usr/bin/aws"
                + " (apt-get install awscli; .ci/run does this) — skipping the CLI interop suite");
        clock = MutableClock.atStepStart();
        sim = AwsSimulator.builder().clock(clock).build().start();
        Files.writeString(home.resolve("config"), "[default]\nregion = us-east-1\noutput = json\n");
        Files.writeString(home.resolve("credentials"), "[default]\naws_access_key_id = "
                + sim.adminAccessKeyId() + "\naws_secret_access_key = " + sim.adminSecretAccessKey() + "\n");
    }

    @AfterEach
    void stop() {
        if (sim != null) {
            sim.close();
        }
    }

    private Run aws(String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        cmd.add(AWS.toString());
        cmd.add("--endpoint-url");
        cmd.add(sim.endpoint().toString());
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(home.toFile());
        Map<String, String> env = pb.environment();
        env.keySet().removeIf(k -> k.startsWith("AWS_"));
        env.put("HOME", home.toString());
        env.put("AWS_CONFIG_FILE", home.resolve("config").toString());
        env.put("AWS_SHARED_CREDENTIALS_FILE", home.resolve("credentials").toString());
        env.put("AWS_PAGER", "");
        Path out = home.resolve("stdout.txt");
        Path err = home.resolve("stderr.txt");
        pb.redirectOutput(out.toFile()).redirectError(err.toFile()).redirectInput(ProcessBuilder.Redirect.PIPE);
        Process p = pb.start();
        p.getOutputStream().close();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("aws " + String.join(" ", args) + " did not finish in 120 s");
        }
        return new Run(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }

    private Run ok(String... args) throws IOException, InterruptedException {
        Run r = aws(args);
        assertEquals(0, r.exit(), () -> "aws " + String.join(" ", args) + " failed: " + r.err());
        return r;
    }

    @Test
    @SuppressWarnings("unchecked")
    void blogCommands_verbatim_withTheAwsCli() throws Exception {
        Files.writeString(home.resolve("trust.json"), BlogFlow.TRUST);
        Files.writeString(home.resolve("policy.json"), BlogFlow.BLOG_POLICY);

        // Administrator: role, policy, group, user, key, virtual MFA device.
        Map<String, Object> role = (Map<String, Object>) ok("iam", "create-role", "--role-name", "developer-ec2-mfa",
                "--assume-role-policy-document", "file://trust.json").json().get("Role");
        assertEquals(ROLE_ARN, role.get("Arn"));
        assertTrue(role.get("AssumeRolePolicyDocument") instanceof Map, "the CLI URL-decodes and parses it");
        ok("iam", "attach-role-policy", "--role-name", "developer-ec2-mfa", "--policy-arn",
                "arn:aws:iam::aws:policy/AmazonEC2FullAccess");
        ok("iam", "update-role", "--role-name", "developer-ec2-mfa", "--max-session-duration", "3600");
        String policyArn = (String) ((Map<String, Object>) ok("iam", "create-policy", "--policy-name",
                "yubi-policy-mfa-level-one", "--policy-document", "file://policy.json").json().get("Policy"))
                .get("Arn");
        assertEquals("arn:aws:iam::123456789012:policy/yubi-policy-mfa-level-one", policyArn);
        ok("iam", "create-group", "--group-name", "developers-mfa");
        ok("iam", "attach-group-policy", "--group-name", "developers-mfa", "--policy-arn", policyArn);
        ok("iam", "create-user", "--user-name", "JohnDoe");
        ok("iam", "add-user-to-group", "--group-name", "developers-mfa", "--user-name", "JohnDoe");
        Map<String, Object> key = (Map<String, Object>) ok("iam", "create-access-key", "--user-name", "JohnDoe")
                .json().get("AccessKey");
        Map<String, Object> device = (Map<String, Object>) ok("iam", "create-virtual-mfa-device",
                "--virtual-mfa-device-name", "JohnDoe", "--outfile", "seed.txt", "--bootstrap-method",
                "Base32StringSeed").json().get("VirtualMFADevice");
        assertEquals(SERIAL, device.get("SerialNumber"));
        String seed = Files.readString(home.resolve("seed.txt")).trim();
        Totp totp = Totp.builder(Base32.decode(seed)).build();
        ok("iam", "enable-mfa-device", "--user-name", "JohnDoe", "--serial-number", SERIAL,
                "--authentication-code1", totp.generateString(clock.instant().minusSeconds(30)),
                "--authentication-code2", totp.generateString(clock.instant()));
        Map<String, Object> qrOut = (Map<String, Object>) ok("iam", "create-virtual-mfa-device",
                "--virtual-mfa-device-name", "Spare", "--outfile", "qr.png", "--bootstrap-method", "QRCodePNG")
                .json().get("VirtualMFADevice");
        assertEquals("arn:aws:iam::123456789012:mfa/Spare", qrOut.get("SerialNumber"));
        byte[] png = Files.readAllBytes(home.resolve("qr.png"));
        assertEquals("\u0089PNG", new String(png, 0, 4, StandardCharsets.ISO_8859_1));

        // Developer: configure the long-term keys, then the blog's assume-role with a fresh code.
        ok("configure", "set", "aws_access_key_id", (String) key.get("AccessKeyId"), "--profile", "johndoe");
        ok("configure", "set", "aws_secret_access_key", (String) key.get("SecretAccessKey"), "--profile", "johndoe");
        ok("configure", "set", "region", "us-east-1", "--profile", "johndoe");

        Run noMfa = aws("--profile", "johndoe", "sts", "assume-role", "--role-arn", ROLE_ARN, "--role-session-name",
                "johndoe-dev", "--duration-seconds", "3600");
        assertEquals(254, noMfa.exit());
        assertTrue(noMfa.err().contains("An error occurred (AccessDenied) when calling the AssumeRole operation: User:"
                + " arn:aws:iam::123456789012:user/JohnDoe is not authorized to perform: sts:AssumeRole on resource: "
                + ROLE_ARN), noMfa.err());

        clock.advance(java.time.Duration.ofSeconds(30));
        String code = totp.generateString(clock.instant());
        Run assumed = ok("--profile", "johndoe", "sts", "assume-role", "--role-arn", ROLE_ARN,
                "--role-session-name", "johndoe-dev", "--serial-number", SERIAL, "--token-code", code,
                "--duration-seconds", "3600");
        Map<String, Object> json = assumed.json();
        Map<String, Object> user = (Map<String, Object>) json.get("AssumedRoleUser");
        assertEquals("arn:aws:sts::123456789012:assumed-role/developer-ec2-mfa/johndoe-dev", user.get("Arn"));
        assertTrue(((String) user.get("AssumedRoleId")).endsWith(":johndoe-dev"));
        Map<String, Object> creds = (Map<String, Object>) json.get("Credentials");
        assertTrue(((String) creds.get("AccessKeyId")).startsWith("ASIA"));

        Run replay = aws("--profile", "johndoe", "sts", "assume-role", "--role-arn", ROLE_ARN,
                "--role-session-name", "johndoe-dev", "--serial-number", SERIAL, "--token-code", code,
                "--duration-seconds", "3600");
        assertEquals(254, replay.exit());
        assertTrue(replay.err().contains("An error occurred (AccessDenied) when calling the AssumeRole operation:"
                + " MultiFactorAuthentication failed with invalid MFA one time pass code."), replay.err());

        Run tooLong = aws("--profile", "johndoe", "sts", "assume-role", "--role-arn", ROLE_ARN,
                "--role-session-name", "johndoe-dev", "--serial-number", SERIAL, "--token-code",
                totp.generateString(clock.instant().plusSeconds(30)), "--duration-seconds", "7200");
        assertEquals(254, tooLong.exit());
        assertTrue(tooLong.err().contains("(ValidationError) when calling the AssumeRole operation: The requested"
                + " DurationSeconds exceeds the MaxSessionDuration set for this role."), tooLong.err());

        // The session profile, as the blog writes it with aws configure.
        ok("configure", "--profile", "johndoe-developer-role", "set", "aws_access_key_id",
                (String) creds.get("AccessKeyId"));
        ok("configure", "--profile", "johndoe-developer-role", "set", "aws_secret_access_key",
                (String) creds.get("SecretAccessKey"));
        ok("configure", "--profile", "johndoe-developer-role", "set", "aws_session_token",
                (String) creds.get("SessionToken"));
        ok("configure", "--profile", "johndoe-developer-role", "set", "region", "us-east-1");
        assertTrue(Files.readString(home.resolve("credentials")).contains("[johndoe-developer-role]"));

        Run who = ok("--profile", "johndoe-developer-role", "sts", "get-caller-identity");
        assertEquals("arn:aws:sts::123456789012:assumed-role/developer-ec2-mfa/johndoe-dev", who.json().get("Arn"));
        Run instances = ok("--profile", "johndoe-developer-role", "ec2", "describe-instances");
        assertEquals(List.of(), instances.json().get("Reservations"));

        Run denied = aws("--profile", "johndoe", "ec2", "describe-instances");
        assertEquals(254, denied.exit());
        assertTrue(denied.err().contains("An error occurred (UnauthorizedOperation) when calling the DescribeInstances"
                + " operation: You are not authorized to perform this operation."), denied.err());
    }

    @Test
    void wrongSecret_andUnknownKey_failWithAwsMessages() throws Exception {
        Files.writeString(home.resolve("credentials"), "[default]\naws_access_key_id = " + sim.adminAccessKeyId()
                + "\naws_secret_access_key = " + "x".repeat(40) + "\n[ghost]\naws_access_key_id = "
                + "AKIAAAAAAAAAAAAAAAAA\naws_secret_access_key = " + "y".repeat(40) + "\n");
        Files.writeString(home.resolve("config"), "[default]\nregion = us-east-1\n[profile ghost]\nregion = us-east-1\n");
        Run bad = aws("sts", "get-caller-identity");
        assertEquals(254, bad.exit(), bad::err);
        assertTrue(bad.err().contains("(SignatureDoesNotMatch) when calling the GetCallerIdentity operation: The"
                + " request signature we calculated does not match the signature you provided."), bad.err());
        Run ghost = aws("--profile", "ghost", "iam", "list-users");
        assertEquals(254, ghost.exit(), ghost::err);
        assertTrue(ghost.err().contains("(InvalidClientTokenId) when calling the ListUsers operation: The security"
                + " token included in the request is invalid."), ghost.err());
    }
}
