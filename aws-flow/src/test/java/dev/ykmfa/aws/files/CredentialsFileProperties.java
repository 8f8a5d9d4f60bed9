package dev.ykmfa.aws.files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ykmfa.aws.process.SessionCredentials;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import software.amazon.awssdk.profiles.Profile;
import software.amazon.awssdk.profiles.ProfileFile;

/**
 * For any existing credentials file (comments, blank lines, odd spacing, CRLF/LF, other profiles, duplicates, a
 * missing final newline), writing a profile changes exactly that profile's credential lines.
 */
class CredentialsFileProperties {
    private static final String TARGET = "target";
    private static final Set<String> MANAGED = Set.of("aws_access_key_id", "aws_secret_access_key",
            "aws_session_token", "aws_expiration", "aws_security_token");
    private static final SessionCredentials NEW = SessionCredentials.of("ASIANEWNEWNEW", "NEWSECRET", "NEWTOKEN",
            Instant.parse("2030-01-01T00:00:00Z"));
    private static final List<String> NEW_LINES = List.of("aws_access_key_id = ASIANEWNEWNEW",
            "aws_secret_access_key = NEWSECRET", "aws_session_token = NEWTOKEN",
            "aws_expiration = 2030-01-01T00:00:00Z");

    @Property(tries = 200)
    void writingAProfile_changesExactlyThatProfilesLines(@ForAll("files") GeneratedFile input) throws IOException {
        Path dir = Files.createTempDirectory("ykmfa-prop");
        try {
            Path file = dir.resolve("credentials");
            Files.writeString(file, input.text, StandardCharsets.ISO_8859_1);
            Map<String, Profile> before = sdk(input.text);

            CredentialsFileWriter.builder().file(file).build().writeProfile(TARGET, NEW);

            String output = Files.readString(file, StandardCharsets.ISO_8859_1);
            String residue = removeNewLines(output);
            String expected = input.withoutManagedTargetLines();
            if (input.hasTarget) {
                String fileNewline = input.text.contains("\n") ? input.newline : "\n";
                assertTrue(residue.equals(expected) || residue.equals(expected + fileNewline),
                        "only the target's credential lines changed:\n--- input\n" + input + "\n--- output\n"
                                + output.replace("\r", "\\r") + "\n--- residue\n" + residue.replace("\r", "\\r")
                                + "\n--- expected\n" + expected.replace("\r", "\\r"));
            } else {
                assertTrue(residue.startsWith(input.text), "the old text is an untouched prefix");
                String tail = residue.substring(input.text.length());
                assertTrue(Pattern.matches("(\r?\n){0,2}\\[" + TARGET + "\\]\r?\n", tail), "appended: " + tail);
            }
            Map<String, Profile> after = sdk(output);
            assertEquals(before.keySet().size() + (input.hasTarget ? 0 : 1), after.keySet().size());
            for (String name : before.keySet()) {
                Map<String, String> old = new HashMap<>(before.get(name).properties());
                Map<String, String> now = new HashMap<>(after.get(name).properties());
                if (name.equals(TARGET)) {
                    old.keySet().removeAll(MANAGED);
                    old.put("aws_access_key_id", "ASIANEWNEWNEW");
                    old.put("aws_secret_access_key", "NEWSECRET");
                    old.put("aws_session_token", "NEWTOKEN");
                    old.put("aws_expiration", "2030-01-01T00:00:00Z");
                }
                assertEquals(old, now, "profile " + name);
            }
        } finally {
            try (var files = Files.list(dir)) {
                for (Path p : (Iterable<Path>) files::iterator) {
                    Files.delete(p);
                }
            }
            Files.delete(dir);
        }
    }

    private static Map<String, Profile> sdk(String text) {
        return ProfileFile.builder().content(new ByteArrayInputStream(text.getBytes(StandardCharsets.ISO_8859_1)))
                .type(ProfileFile.Type.CREDENTIALS).build().profiles();
    }

    private static String removeNewLines(String output) {
        StringBuilder kept = new StringBuilder();
        int start = 0;
        while (start < output.length()) {
            int end = start;
            while (end < output.length() && output.charAt(end) != '\n' && output.charAt(end) != '\r') {
                end++;
            }
            int next = end;
            if (next < output.length() && output.charAt(next) == '\r') {
                next++;
            }
            if (next < output.length() && output.charAt(next) == '\n') {
                next++;
            }
            if (!NEW_LINES.contains(output.substring(start, end))) {
                kept.append(output, start, next);
            }
            start = next;
        }
        return kept.toString();
    }

    /** A generated file: its lines, and which of them are credential lines of the target profile. */
    static final class GeneratedFile {
        final String text;
        final String newline;
        final boolean hasTarget;
        private final boolean finalNewline;
        private final List<String> lines;
        private final List<Boolean> managedTarget;

        GeneratedFile(List<String> lines, List<Boolean> managedTarget, String newline, boolean finalNewline,
                      boolean hasTarget) {
            this.lines = lines;
            this.managedTarget = managedTarget;
            this.newline = newline;
            this.hasTarget = hasTarget;
            this.finalNewline = finalNewline;
            this.text = join(lines, null, finalNewline);
        }

        String withoutManagedTargetLines() {
            return join(lines, managedTarget, finalNewline);
        }

        private String join(List<String> all, List<Boolean> skip, boolean finalNewline) {
            StringBuilder b = new StringBuilder();
            for (int i = 0; i < all.size(); i++) {
                boolean last = i == all.size() - 1;
                if (skip != null && skip.get(i)) {
                    continue;
                }
                b.append(all.get(i));
                if (!last || finalNewline) {
                    b.append(newline);
                }
            }
            return b.toString();
        }

        @Override
        public String toString() {
            return text.replace("\r", "\\r").replace("\n", "\\n\n");
        }
    }

    /** One generated line and its role. */
    static final class Piece {
        final String text;
        final String kind;
        final String key;

        Piece(String text, String kind, String key) {
            this.text = text;
            this.kind = kind;
            this.key = key;
        }
    }

    @Provide
    Arbitrary<GeneratedFile> files() {
        Arbitrary<String> names = Arbitraries.of(TARGET, "default", "dev", "prod", "a.b-c_d", "target2");
        Arbitrary<String> keys = Arbitraries.of("aws_access_key_id", "aws_secret_access_key", "aws_session_token",
                "aws_expiration", "aws_security_token", "region", "output", "role_arn", "x");
        Arbitrary<String> values = Arbitraries.strings().withChars("abcXYZ0189/+=:.-_ ").ofMinLength(1)
                .ofMaxLength(12).map(String::strip).filter(v -> !v.isEmpty());
        Arbitrary<String> spacesA = Arbitraries.of("", " ", "  ", "\t");
        Arbitrary<Piece> header = Combinators.combine(names, Arbitraries.of("", " ", "  "),
                Arbitraries.of("", " # note", " ; note", "\t#x")).as((n, pad, comment) ->
                new Piece("[" + pad + n + pad + "]" + comment, "header", n));
        Arbitrary<Piece> property = Combinators.combine(keys, spacesA, spacesA, values).as((k, s1, s2, v) ->
                new Piece(k + s1 + "=" + s2 + v, "property", k));
        Arbitrary<Piece> comment = Combinators.combine(Arbitraries.of(""), Arbitraries.of("#", ";"),
                Arbitraries.strings().withChars("abc =[]#;").ofMaxLength(10)).as((lead, mark, rest) ->
                new Piece(lead + mark + rest, "comment", null));
        Arbitrary<Piece> blank = Arbitraries.of("", " ", "\t ").map(s -> new Piece(s, "blank", null));
        Arbitrary<Piece> continuation = Combinators.combine(Arbitraries.of(" ", "\t", "   "), values)
                .as((lead, v) -> new Piece(lead + v, "continuation", null));
        Arbitrary<Piece> body = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(5, property), net.jqwik.api.Tuple.of(2, comment),
                net.jqwik.api.Tuple.of(2, blank), net.jqwik.api.Tuple.of(1, continuation));
        Arbitrary<List<Piece>> preamble = Arbitraries.oneOf(comment, blank).list().ofMaxSize(3);
        Arbitrary<List<Piece>> section = Combinators.combine(header, body.list().ofMaxSize(6)).as((h, b) -> {
            List<Piece> all = new ArrayList<>();
            all.add(h);
            all.addAll(b);
            return all;
        });
        return Combinators.combine(preamble, section.list().ofMaxSize(5), Arbitraries.of("\n", "\r\n"),
                Arbitraries.of(true, false)).as(CredentialsFileProperties::assemble);
    }

    private static GeneratedFile assemble(List<Piece> preamble, List<List<Piece>> sections, String newline,
                                          boolean finalNewline) {
        List<String> lines = new ArrayList<>();
        List<Boolean> managed = new ArrayList<>();
        for (Piece p : preamble) {
            lines.add(p.text);
            managed.add(false);
        }
        boolean hasTarget = false;
        for (List<Piece> section : sections) {
            boolean isTarget = section.get(0).key.equals(TARGET);
            hasTarget |= isTarget;
            String currentKey = null;
            for (Piece p : section) {
                boolean removed = false;
                switch (p.kind) {
                    case "property":
                        currentKey = p.key;
                        removed = isTarget && MANAGED.contains(p.key);
                        break;
                    case "continuation":
                        if (currentKey == null) {
                            continue; // a continuation needs a property before it
                        }
                        removed = isTarget && MANAGED.contains(currentKey);
                        break;
                    case "blank":
                        currentKey = null;
                        break;
                    case "header":
                        currentKey = null;
                        break;
                    default:
                        break;
                }
                lines.add(p.text);
                managed.add(removed);
            }
        }
        return new GeneratedFile(lines, managed, newline, finalNewline, hasTarget);
    }
}
