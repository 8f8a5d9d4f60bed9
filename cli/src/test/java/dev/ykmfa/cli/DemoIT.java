package dev.ykmfa.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ykmfa.cli.demo.BlogDemo;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The demo end to end. Secrets are checked two ways: (1) the demo is run with a work directory the test owns, so the
 * files it writes (the long-term key file and the role-session credentials file) survive and yield the actual
 * generated secret access keys and session token, none of which may appear in the output; (2) the MFA seed is never
 * written anywhere, so the output is also scanned for any run of 32 or more base64/Base32 characters, the shape of
 * a 40-char secret access key, a Base32 seed or a session token (the work directory's path is blanked out first, its
 * random digits have that shape too). Failure messages name where and how long a match is,
 * never its value.
 */
class DemoIT {
    /** A run of characters from the base64 alphabet (which contains Base32's) long enough to be a secret. */
    private static final Pattern SECRET_SHAPED = Pattern.compile("[A-Za-z0-9/+=]{32,}");
    private static final Pattern SECRET_IN_FILE =
            Pattern.compile("(?m)^\\s*(aws_secret_access_key|aws_session_token)\\s*=\\s*(\\S+)\\s*$");

    @TempDir
    Path workDir;
    @Test
    void demo_runsTheBlogEndToEnd_andExits0() {
        CliRunner.Result r = new CliRunner().run("demo");
        assertEquals(0, r.exit, r::toString);
        String out = r.out;
        for (String blogName : new String[] {"developer-ec2-mfa", "yubi-policy-mfa-level-one", "developers-mfa",
            "JohnDoe", "johndoe-developer-role", "arn:aws:iam::123456789012:mfa/JohnDoe",
            "arn:aws:iam::123456789012:role/developer-ec2-mfa",
            "$ ykman oath accounts add -t arn:aws:iam::123456789012:mfa/JohnDoe <MFA_SECRET>",
            "$ aws --profile johndoe-developer-role ec2 describe-instances",
            "arn:aws:sts::123456789012:assumed-role/developer-ec2-mfa/JohnDoe"}) {
            assertTrue(out.contains(blogName), () -> "missing '" + blogName + "' in\n" + out);
        }
        Matcher codes = Pattern.compile("code 1: (\\d{6}) {3}code 2: (\\d{6})").matcher(out);
        assertTrue(codes.find(), "two codes printed");
        assertFalse(codes.group(1).equals(codes.group(2)), "consecutive steps give different codes");
        assertTrue(out.contains("--authentication-code1 " + codes.group(1) + " --authentication-code2 "
                + codes.group(2)), out);
        assertTrue(out.contains("ALLOWED: {\"Reservations\": []}"), out);
        assertTrue(out.contains("DENIED: UnauthorizedOperation: You are not authorized to perform this operation."),
                out);
        assertTrue(out.contains("DENIED as expected: AccessDenied"), out);
    }

    @Test
    void demo_masksSecrets_andLeavesNoFilesBehind() {
        CliRunner.Result r = new CliRunner().run("demo");
        assertEquals(0, r.exit, r::toString);
        assertTrue(r.out.contains("Credentials.SecretAccessKey ******** (40 chars)"), r.out);
        assertTrue(r.out.contains("aws_session_token = ******** ("), r.out);
        assertFalse(r.out.contains("wJalrXUtnFEMI"), "the admin secret is not shown");
        Matcher secretLine = Pattern.compile("aws_secret_access_key = (.*)").matcher(r.out);
        while (secretLine.find()) {
            assertTrue(secretLine.group(1).startsWith("********"), secretLine.group());
        }
        Matcher dir = Pattern.compile("files go to (\\S+)").matcher(r.out);
        assertTrue(dir.find(), r.out);
        assertTrue(dir.group(1).startsWith(System.getProperty("java.io.tmpdir")), dir.group(1));
        assertFalse(Files.exists(Path.of(dir.group(1))), "the temporary directory is removed");
    }

    @Test
    void demo_printsNoActualSecret_norAnythingShapedLikeOne() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ByteArrayOutputStream debug = new ByteArrayOutputStream();
        try (PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
             PrintStream err = new PrintStream(debug, true, StandardCharsets.UTF_8)) {
            new BlogDemo(out, workDir, new DebugLog(err)).run();
        }
        String out = bytes.toString(StandardCharsets.UTF_8) + debug.toString(StandardCharsets.UTF_8);

        List<String> secrets = new ArrayList<>();
        for (Path file : new Path[] {workDir.resolve(BlogDemo.USER + ".credentials"), workDir.resolve("credentials")}) {
            assertTrue(Files.exists(file), () -> "the demo writes " + file);
            Matcher m = SECRET_IN_FILE.matcher(Files.readString(file));
            while (m.find()) {
                secrets.add(m.group(2));
            }
        }
        assertEquals(3, secrets.size(), "long-term secret key, session secret key and session token found");
        for (int i = 0; i < secrets.size(); i++) {
            String secret = secrets.get(i);
            assertTrue(secret.length() >= 32, "secret #" + i + " is a real value (" + secret.length() + " chars)");
            assertFalse(out.contains(secret), "secret #" + i + " (" + secret.length() + " chars) is in the output");
            assertFalse(out.contains(secret.substring(0, 16)), "a 16-char prefix of secret #" + i + " is printed");
        }
        // the work directory's path (/tmp/junit<digits>/...) is not a secret but has the shape of one
        Matcher shaped = SECRET_SHAPED.matcher(out.replace(workDir.toString(), "<workdir>"));
        if (shaped.find()) {
            int line = out.substring(0, shaped.start()).split("\n", -1).length;
            throw new AssertionError("a secret-shaped run of " + (shaped.end() - shaped.start())
                    + " base64/Base32 characters is printed on output line " + line);
        }
    }
}
