package dev.ykmfa.cli.readme;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The root README's "Embedding the provider in Java" block is {@link EmbeddingExample}'s code, imports included. */
class EmbeddingExampleReadmeTest {
    private static final Path SOURCE = Path.of("src/test/java/dev/ykmfa/cli/readme/EmbeddingExample.java");
    private static final Path ROOT_README = Path.of("../README.md");
    private static final String SECTION = "## Embedding the provider in Java";
    private static final String BEGIN = "// README-BEGIN";
    private static final String END = "// README-END";

    @Test
    void rootReadme_showsTheEmbeddingExampleVerbatim_withItsImports() throws IOException {
        String source = Files.readString(SOURCE, StandardCharsets.UTF_8);
        String example = source.substring(source.indexOf(BEGIN) + BEGIN.length(), source.indexOf(END));
        assertTrue(Files.exists(ROOT_README), "the root README.md is next to the cli module: " + ROOT_README);
        String block = javaBlockOfSection(Files.readString(ROOT_README, StandardCharsets.UTF_8));

        assertEquals(normalized(example), normalized(withoutImports(block)),
                "README.md's \"" + SECTION + "\" block must be the code between the README markers of " + SOURCE);
        assertEquals(imports(source), imports(block),
                "README.md's \"" + SECTION + "\" block must list exactly the imports of " + SOURCE);
    }

    private static String javaBlockOfSection(String readme) {
        int section = readme.indexOf(SECTION);
        assertTrue(section >= 0, "README.md has no section \"" + SECTION + "\"");
        int open = readme.indexOf("```java\n", section);
        int nextSection = readme.indexOf("\n## ", section + SECTION.length());
        assertTrue(open >= 0 && (nextSection < 0 || open < nextSection),
                "the section \"" + SECTION + "\" of README.md has no ```java block");
        int start = open + "```java\n".length();
        return readme.substring(start, readme.indexOf("\n```", start));
    }

    private static List<String> imports(String code) {
        return code.lines().map(String::strip).filter(l -> l.startsWith("import ")).sorted()
                .collect(Collectors.toList());
    }

    private static String withoutImports(String code) {
        return code.lines().filter(l -> !l.strip().startsWith("import ")).collect(Collectors.joining("\n"));
    }

    private static String normalized(String text) {
        StringBuilder sb = new StringBuilder();
        text.lines().map(String::strip).filter(l -> !l.isEmpty()).forEach(l -> sb.append(l).append('\n'));
        return sb.toString();
    }
}
