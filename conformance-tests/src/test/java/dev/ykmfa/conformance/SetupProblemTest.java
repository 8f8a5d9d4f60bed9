package dev.ykmfa.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ykmfa.conformance.backend.BackendUnderTest;
import dev.ykmfa.conformance.key.KeyUnderTest;
import java.io.IOException;
import org.junit.jupiter.api.Test;

class SetupProblemTest {

    @Test
    void classify_unavailable_isSkipWithItsMessage() {
        SetupProblem p = SetupProblem.classify("the backend 'moto'", new Unavailable("moto is unavailable: no python3"));
        assertTrue(p.skip());
        assertEquals("moto is unavailable: no python3", p.reason());
    }

    @Test
    void classify_illegalArgument_isFailureNamingComponentAndError() {
        SetupProblem p = SetupProblem.classify("the backend 'awssim'", new IllegalArgumentException("bad name"));
        assertFalse(p.skip());
        assertTrue(p.reason().contains("the backend 'awssim'"), p.reason());
        assertTrue(p.reason().contains("bad name"), p.reason());
    }

    @Test
    void classify_ioOrRuntimeError_isFailure() {
        assertFalse(SetupProblem.classify("the backend 'aws-sim'", new IOException("port in use")).skip());
        assertFalse(SetupProblem.classify("the key 'sim'", new IllegalStateException("applet broken")).skip());
    }

    @Test
    void toFailure_keepsReasonAndCause() {
        IOException cause = new IOException("port in use");
        IllegalStateException f = SetupProblem.classify("the backend 'aws-sim'", cause).toFailure();
        assertSame(cause, f.getCause());
        assertTrue(f.getMessage().contains("port in use"), f.getMessage());
    }

    @Test
    void attempt_unknownBackendName_isFailureNotSkip() {
        Suite.Attempt<BackendUnderTest> a = Suite.attempt("the backend 'awssim'", () -> Suite.createBackend("awssim"));
        assertNull(a.value());
        assertNotNull(a.problem());
        assertFalse(a.problem().skip(), "a typo in -Dykmfa.backend must fail the run, not skip it");
        assertTrue(a.problem().reason().contains("-D" + ConformanceProperties.BACKEND), a.problem().reason());
        assertTrue(a.problem().reason().contains("awssim"), a.problem().reason());
    }

    @Test
    void attempt_unknownKeyName_isFailureNotSkip() {
        Suite.Attempt<KeyUnderTest> a = Suite.attempt("the key 'pcs'", () -> Suite.createKey("pcs"));
        assertNull(a.value());
        assertFalse(a.problem().skip(), "a typo in -Dykmfa.key must fail the run, not skip it");
        assertTrue(a.problem().reason().contains("-D" + ConformanceProperties.KEY), a.problem().reason());
    }

    @Test
    void attempt_defaultBackendThatThrows_isFailure() {
        Suite.Attempt<BackendUnderTest> a = Suite.attempt("the backend 'aws-sim'", () -> {
            throw new IOException("aws-sim could not bind its port");
        });
        assertFalse(a.problem().skip());
        assertTrue(a.problem().reason().contains("could not bind"), a.problem().reason());
    }

    @Test
    void attempt_factoryThrowingUnavailable_isSkip() {
        Suite.Attempt<BackendUnderTest> a = Suite.attempt("the backend 'localstack'", () -> {
            throw new Unavailable("LocalStack is unavailable: no Docker engine");
        });
        assertTrue(a.problem().skip());
        assertEquals("LocalStack is unavailable: no Docker engine", a.problem().reason());
    }

    @Test
    void attempt_success_hasValueAndNoProblem() {
        Suite.Attempt<String> a = Suite.attempt("a value", () -> "made");
        assertEquals("made", a.value());
        assertNull(a.problem());
    }
}
