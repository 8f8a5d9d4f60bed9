package dev.ykmfa.protocol.ykoath;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The README's example compiles (it is test source) and runs against a scripted key. */
class ReadmeExampleTest {
    private static final String RFC_SEED_BASE32 = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";

    @Test
    void readmeExample_programsTheKey_andItsCodeEqualsTheHostCode() {
        String id = Hex.ascii("Amazon Web Services:arn:aws:iam::123456789012:mfa/alice");
        ScriptedTransport card = new ScriptedTransport()
                .expect("00 A4 04 00 07 A0 00 00 05 27 21 01", "79 03 05 04 03 71 08 0102030405060708 9000")
                .expect("00 01 00 00 51 71 37 " + id + " 73 16 21 06 3132333435363738393031323334353637383930", "9000")
                .expect("00 A2 00 01 43 71 37 " + id + " 74 08 0000000000000001", "76 05 06 00 04 61 6A 9000");
        Instant t = Instant.ofEpochSecond(59);
        Code code = ReadmeExample.programAndRead(card, "unused".toCharArray(), RFC_SEED_BASE32, t);
        assertEquals("287082", code.value());
        assertEquals(code.value(), ReadmeExample.hostCode(RFC_SEED_BASE32, t));
        assertEquals(Instant.ofEpochSecond(60), code.validUntil());
        card.assertFinished();
        assertTrue(card.closed(), "try-with-resources closed the transport");
    }

    @Test
    void moduleReadme_showsTheExampleVerbatim() throws IOException {
        String source = Files.readString(Path.of("src/test/java/dev/ykmfa/protocol/ykoath/ReadmeExample.java"),
                StandardCharsets.UTF_8);
        String example = source.substring(source.indexOf("// README-BEGIN") + "// README-BEGIN".length(),
                source.indexOf("// README-END"));
        String readme = Files.readString(Path.of("README.md"), StandardCharsets.UTF_8);
        assertTrue(normalized(readme).contains(normalized(example)),
                "protocol/README.md must contain the code between the README markers of ReadmeExample.java");
        Path root = Path.of("../README.md");
        if (Files.exists(root)) {
            String rootReadme = Files.readString(root, StandardCharsets.UTF_8);
            if (rootReadme.contains("programAndRead(")) {
                assertTrue(normalized(rootReadme).contains(normalized(example)),
                        "the root README.md shows programAndRead, so it must show ReadmeExample.java's code verbatim");
            }
        }
    }

    private static String normalized(String text) {
        StringBuilder sb = new StringBuilder();
        text.lines().map(String::strip).filter(l -> !l.isEmpty()).forEach(l -> sb.append(l).append('\n'));
        return sb.toString();
    }
}
