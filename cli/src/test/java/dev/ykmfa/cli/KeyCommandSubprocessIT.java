package dev.ykmfa.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shaded jar runs {@code ykmfa code} in a new JVM (on a simulated key in a state directory): the JVM's class-load
 * log shows the key commands' fast path ran without picocli's command model, the AWS SDK or aws-sim.
 */
class KeyCommandSubprocessIT {
    private static final String SEED = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";

    @Test
    void code_inANewJvm_loadsNoPicocliModelNoAwsSdkNoAwsSim(@TempDir Path tmp) throws Exception {
        assertTrue(Files.isRegularFile(EnrolledWorld.jar()), "target/ykmfa.jar is built by package, before verify runs this IT");
        Path state = tmp.resolve("key");
        Process add = new ProcessBuilder("java", "-jar", EnrolledWorld.jar().toString(), "--simulated-key=" + state,
                "add", "alice", SEED).redirectErrorStream(true).start();
        String added = new String(add.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, add.waitFor(), added);

        Path classLog = tmp.resolve("classes.log");
        ProcessBuilder code = new ProcessBuilder("java", "-Xlog:class+load:file=" + classLog, "-jar",
                EnrolledWorld.jar().toString(), "code", "-s", "alice").redirectErrorStream(true);
        code.environment().put(YkmfaCommand.ENV_SIMULATED_KEY, state.toString());
        Process p = code.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), out);
        assertTrue(out.matches("\\d{6}\\R"), () -> "just the code: " + out);
        String loaded = Files.readString(classLog);
        assertTrue(loaded.contains(" dev.ykmfa.cli.KeyCommandFastPath "), "the fast path ran");
        for (String heavy : new String[] {" picocli.CommandLine$Model", " picocli.CommandLine ",
            " software.amazon.awssdk.", " dev.ykmfa.awssim."}) {
            assertFalse(loaded.contains(heavy), "ykmfa code must not load" + heavy + "*");
        }
    }
}
