package dev.ykmfa.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class DemoIT {
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
}
