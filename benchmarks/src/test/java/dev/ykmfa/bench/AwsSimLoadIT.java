package dev.ykmfa.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ykmfa.bench.aws.AwsSimLoad;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * CI smoke run of the aws-sim load harness with a small store and 0.1 s phases: every phase must report, and no
 * request may get an unexpected answer (accepted codes 200 with credentials; wrong and replayed codes 403). The
 * figures mean nothing here.
 */
class AwsSimLoadIT {
    private static final Pattern NAME = Pattern.compile("\"name\":\"([^\"]+)\"");
    private static final Pattern ERRORS = Pattern.compile("\"errors\":(\\d+)");
    private static final Pattern OK = Pattern.compile("\"ok\":(\\d+)");

    @Test
    void everyPhase_reports_withNoUnexpectedAnswer() throws InterruptedException {
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        try (PrintStream capture = new PrintStream(captured, true, StandardCharsets.UTF_8)) {
            System.setOut(capture);
            AwsSimLoad.run(2_000, 0.1, new int[] {1, 4}, new int[] {10});
        } finally {
            System.setOut(original);
        }
        List<String> results = Arrays.stream(captured.toString(StandardCharsets.UTF_8).split("\n"))
                .filter(l -> l.startsWith("RESULT ")).collect(Collectors.toList());
        Set<String> names = new TreeSet<>();
        for (String r : results) {
            Matcher name = NAME.matcher(r);
            assertTrue(name.find(), "a RESULT line without a name: " + r);
            names.add(name.group(1));
            Matcher errors = ERRORS.matcher(r);
            if (errors.find()) {
                assertEquals("0", errors.group(1), "unexpected answers in " + r);
                Matcher ok = OK.matcher(r);
                assertTrue(ok.find() && Long.parseLong(ok.group(1)) > 0, "no request succeeded in " + r);
            }
        }
        assertEquals(new TreeSet<>(Set.of("aws.startup", "aws.seed",
                "aws.assume_role.c1", "aws.assume_role.c4",
                "aws.get_caller_identity.c1", "aws.get_caller_identity.c4",
                "aws.wrong_code.c4", "aws.replayed_code.c4",
                "aws.scale.u10.assume_role", "aws.scale.u10.get_caller_identity")), names);
    }
}
