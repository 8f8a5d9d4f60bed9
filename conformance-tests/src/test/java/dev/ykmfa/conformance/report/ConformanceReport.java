package dev.ykmfa.conformance.report;

import dev.ykmfa.conformance.ConformanceProperties;
import dev.ykmfa.conformance.Suite;
import dev.ykmfa.conformance.backend.BackendUnderTest;
import dev.ykmfa.conformance.backend.Capability;
import dev.ykmfa.conformance.key.KeyUnderTest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

/**
 * Writes {@code target/conformance-report.md}: each behaviour (test) of this suite with passed / FAILED / skipped and
 * the reason, the key (description, firmware) and the backend (name, capabilities with the reasons for the missing
 * ones) — what a team attaches to its validation ticket. Registered for the JUnit Platform through
 * {@code META-INF/services}; it only reports tests of {@code dev.ykmfa.conformance}.
 */
public final class ConformanceReport implements TestExecutionListener {
    /** The report's file name. */
    public static final String FILE_NAME = "conformance-report.md";
    private static final String PACKAGE = "dev.ykmfa.conformance.";
    private static final int MAX_REASON = 300;

    private final List<Row> rows = new ArrayList<>();
    private TestPlan plan;
    private Instant started;

    private record Row(String group, String behaviour, String status, String detail) {
    }

    @Override
    public void testPlanExecutionStarted(TestPlan testPlan) {
        this.plan = testPlan;
        this.started = Instant.now();
    }

    @Override
    public synchronized void executionSkipped(TestIdentifier id, String reason) {
        if (ours(id)) {
            rows.add(new Row(group(id), behaviour(id), "skipped", reason));
        }
    }

    @Override
    public synchronized void executionFinished(TestIdentifier id, TestExecutionResult result) {
        if (!ours(id)) {
            return;
        }
        if (!id.isTest() && result.getStatus() == TestExecutionResult.Status.SUCCESSFUL) {
            return;
        }
        String detail = result.getThrowable().map(t -> String.valueOf(t.getMessage())).orElse("");
        String status = switch (result.getStatus()) {
            case SUCCESSFUL -> "passed";
            case ABORTED -> "skipped";
            case FAILED -> "**FAILED**";
        };
        rows.add(new Row(group(id), behaviour(id) + (id.isTest() ? "" : " (whole class)"), status, detail));
    }

    @Override
    public synchronized void testPlanExecutionFinished(TestPlan testPlan) {
        if (rows.isEmpty()) {
            return;
        }
        Path dir = Path.of(ConformanceProperties.get(ConformanceProperties.REPORT_DIR).orElse("target"));
        try {
            Files.createDirectories(dir);
            Files.writeString(dir.resolve(FILE_NAME), render(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the conformance report into " + dir, e);
        }
    }

    private boolean ours(TestIdentifier id) {
        return id.getSource().filter(MethodSource.class::isInstance).map(MethodSource.class::cast)
                .map(m -> m.getClassName().startsWith(PACKAGE)).orElse(false)
                || (!id.isTest() && id.getLegacyReportingName().startsWith(PACKAGE));
    }

    private String group(TestIdentifier id) {
        Optional<MethodSource> m = id.getSource().filter(MethodSource.class::isInstance).map(MethodSource.class::cast);
        String cls = m.map(MethodSource::getClassName).orElse(id.getLegacyReportingName());
        return cls.substring(cls.lastIndexOf('.') + 1);
    }

    private String behaviour(TestIdentifier id) {
        Optional<MethodSource> m = id.getSource().filter(MethodSource.class::isInstance).map(MethodSource.class::cast);
        String name = m.map(MethodSource::getMethodName).orElse(id.getDisplayName());
        return name.replace('_', ' ');
    }

    private String render() {
        StringBuilder b = new StringBuilder();
        b.append("# ykmfa conformance report\n\n");
        b.append("Run: ").append(started == null ? Instant.now() : started.truncatedTo(ChronoUnit.SECONDS))
                .append(" · `mvn verify -pl conformance-tests` ").append(profileHint()).append("\n\n");
        Suite.Result<KeyUnderTest> key = Suite.peekKey();
        b.append("## Key\n\n");
        if (key.value() != null) {
            b.append("- ").append(key.value().description()).append("\n");
            b.append("- OATH firmware version: **").append(key.value().firmwareVersion()).append("**\n");
            b.append("- capacity: ").append(key.value().capacity()).append(" credentials; destructive tests: ")
                    .append(key.value().destructiveAllowed() ? "allowed" : "not allowed").append("; touch tests: ")
                    .append(key.value().touchAllowed() ? "allowed" : "not allowed").append("\n\n");
        } else {
            b.append("- unavailable: ").append(key.problem()).append("\n\n");
        }
        b.append("## Backend\n\n");
        Suite.Result<BackendUnderTest> backend = Suite.peekBackend();
        if (backend.value() != null) {
            BackendUnderTest be = backend.value();
            b.append("- ").append(be.name()).append(" at ").append(be.endpoint()).append(", partition ")
                    .append(be.partition()).append("\n\n| capability | |\n|---|---|\n");
            for (Map.Entry<Capability, Optional<String>> e : be.capabilityTable().entrySet()) {
                b.append("| ").append(e.getKey()).append(" — ").append(e.getKey().description()).append(" | ")
                        .append(e.getValue().map(r -> "no: " + r).orElse("yes")).append(" |\n");
            }
            b.append("\n");
        } else {
            b.append("- unavailable: ").append(backend.problem()).append("\n\n");
        }
        long passed = rows.stream().filter(r -> r.status().equals("passed")).count();
        long failed = rows.stream().filter(r -> r.status().contains("FAILED")).count();
        long skipped = rows.stream().filter(r -> r.status().equals("skipped")).count();
        b.append("## Behaviours\n\n").append(passed).append(" passed, ").append(failed).append(" failed, ")
                .append(skipped).append(" skipped\n\n| suite | behaviour | result | reason / detail |\n|---|---|---|---|\n");
        rows.stream().sorted((x, y) -> (x.group() + x.behaviour()).compareTo(y.group() + y.behaviour()))
                .forEach(r -> b.append("| ").append(r.group()).append(" | ").append(cell(r.behaviour())).append(" | ")
                        .append(r.status()).append(" | ")
                        .append(r.status().equals("passed") ? "" : cell(r.detail())).append(" |\n"));
        return b.toString();
    }

    private static String profileHint() {
        return "(key: " + Suite.keyKind() + ", backend: " + Suite.backendKind() + ")";
    }

    private static String cell(String s) {
        String one = s == null ? "" : s.replace('\n', ' ').replace("|", "\\|");
        return one.length() > MAX_REASON ? one.substring(0, MAX_REASON) + "…" : one;
    }
}
