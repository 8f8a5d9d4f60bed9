package dev.ykmfa.conformance;

import dev.ykmfa.conformance.backend.AwsSimBackend;
import dev.ykmfa.conformance.backend.BackendUnderTest;
import dev.ykmfa.conformance.backend.Capability;
import dev.ykmfa.conformance.backend.EndpointBackend;
import dev.ykmfa.conformance.backend.LocalStackBackend;
import dev.ykmfa.conformance.backend.MotoBackend;
import dev.ykmfa.conformance.key.KeyUnderTest;
import dev.ykmfa.conformance.key.PcscKey;
import dev.ykmfa.conformance.key.SimulatedKey;
import java.io.IOException;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;

/**
 * The key and the backend of this run, chosen by system properties ({@link ConformanceProperties}), created once on
 * first use and closed when the JVM ends. When one is {@link Unavailable} (no reader, moto missing, no Docker…),
 * every test that needs it is skipped with the reason; when it fails for any other reason (a broken default key or
 * backend, an unknown {@code -Dykmfa.key}/{@code -Dykmfa.backend} value) every test that needs it fails with that
 * error (see {@link SetupProblem}).
 */
public final class Suite {
    private static KeyUnderTest key;
    private static SetupProblem keyProblem;
    private static BackendUnderTest backend;
    private static SetupProblem backendProblem;

    private Suite() {
    }

    /** @return which key this run tests: {@code sim} or {@code pcsc} */
    public static String keyKind() {
        return ConformanceProperties.get(ConformanceProperties.KEY).orElse("sim");
    }

    /** @return which backend this run tests */
    public static String backendKind() {
        if (ConformanceProperties.get(ConformanceProperties.ENDPOINT).isPresent()) {
            return "endpoint";
        }
        return ConformanceProperties.get(ConformanceProperties.BACKEND).orElse("aws-sim");
    }

    /** @return the key if it was created during this run (never creates it), or why there is none */
    public static synchronized Result<KeyUnderTest> peekKey() {
        return new Result<>(key, key == null && keyProblem == null ? "not used in this run" : keyProblem.reason());
    }

    /** @return the backend if it was created during this run (never creates it), or why there is none */
    public static synchronized Result<BackendUnderTest> peekBackend() {
        return new Result<>(backend, backend == null && backendProblem == null ? "not used in this run"
                : backendProblem.reason());
    }

    /**
     * @return the key, or why it is unavailable (a skip)
     * @throws IllegalStateException when the key could not be created for any reason other than {@link Unavailable}
     */
    public static synchronized Result<KeyUnderTest> keyResult() {
        if (key == null && keyProblem == null) {
            Attempt<KeyUnderTest> a = attempt("the key '" + keyKind() + "'", () -> createKey(keyKind()));
            key = a.value();
            keyProblem = a.problem();
            if (key != null) {
                KeyUnderTest k = key;
                Runtime.getRuntime().addShutdownHook(new Thread(k::close, "conformance-key-close"));
            } else {
                report(keyProblem, "test that needs the key");
            }
        }
        return outcome(key, keyProblem);
    }

    /**
     * @return the backend, or why it is unavailable (a skip)
     * @throws IllegalStateException when the backend could not be created for any reason other than
     *         {@link Unavailable}
     */
    public static synchronized Result<BackendUnderTest> backendResult() {
        if (backend == null && backendProblem == null) {
            Attempt<BackendUnderTest> a = attempt("the backend '" + backendKind() + "'",
                    () -> createBackend(backendKind()));
            backend = a.value();
            backendProblem = a.problem();
            if (backend != null) {
                BackendUnderTest b = backend;
                Runtime.getRuntime().addShutdownHook(new Thread(b::close, "conformance-backend-close"));
            } else {
                report(backendProblem, "flow test");
            }
        }
        return outcome(backend, backendProblem);
    }

    private static void report(SetupProblem problem, String which) {
        System.out.println("[conformance] " + (problem.skip() ? "SKIPPING" : "FAILING") + " every " + which
                + ": " + problem.reason());
    }

    private static <T> Result<T> outcome(T value, SetupProblem problem) {
        if (problem != null && !problem.skip()) {
            throw problem.toFailure();
        }
        return new Result<>(value, problem == null ? null : problem.reason());
    }

    /**
     * Runs a factory and sorts what it threw: {@link Unavailable} is a skip, anything else a failure.
     *
     * @param what the component, for the message
     * @param factory creates it
     * @param <T> its type
     * @return the value or the classified problem
     */
    static <T> Attempt<T> attempt(String what, Factory<T> factory) {
        try {
            return new Attempt<>(factory.create(), null);
        } catch (Exception e) {
            return new Attempt<>(null, SetupProblem.classify(what, e));
        }
    }

    static KeyUnderTest createKey(String kind) {
        switch (kind) {
            case "sim":
                return new SimulatedKey();
            case "pcsc":
                if (ConformanceProperties.get(ConformanceProperties.READER).isEmpty()) {
                    throw new Unavailable("no reader named: -Phardware needs -D" + ConformanceProperties.READER
                            + "=NAME (a substring of the PC/SC reader name of the key to test)");
                }
                try {
                    return PcscKey.fromProperties(System.out);
                } catch (IllegalArgumentException e) {
                    throw e;
                } catch (RuntimeException e) {
                    String reader = ConformanceProperties.get(ConformanceProperties.READER).orElseThrow();
                    throw new Unavailable("the key in reader '" + reader + "' is unavailable: " + e.getMessage(), e);
                }
            default:
                throw new IllegalArgumentException("-D" + ConformanceProperties.KEY + " must be sim or pcsc, not '"
                        + kind + "'");
        }
    }

    static BackendUnderTest createBackend(String kind) throws IOException {
        switch (kind) {
            case "aws-sim":
                return new AwsSimBackend();
            case "moto":
                Optional<String> noMoto = MotoBackend.unavailableReason();
                if (noMoto.isPresent()) {
                    throw new Unavailable("moto is unavailable: " + noMoto.get());
                }
                return MotoBackend.start();
            case "localstack":
                Optional<String> noLocalStack = LocalStackBackend.unavailableReason();
                if (noLocalStack.isPresent()) {
                    throw new Unavailable("LocalStack is unavailable: " + noLocalStack.get());
                }
                return LocalStackBackend.start();
            case "endpoint":
                Optional<String> noCredentials = EndpointBackend.unavailableReason();
                if (noCredentials.isPresent()) {
                    throw new Unavailable(noCredentials.get());
                }
                return new EndpointBackend(ConformanceProperties.get(ConformanceProperties.ENDPOINT).orElseThrow());
            default:
                throw new IllegalArgumentException("-D" + ConformanceProperties.BACKEND + " must be aws-sim, moto or"
                        + " localstack (or set -D" + ConformanceProperties.ENDPOINT + "=URL), not '" + kind + "'");
        }
    }

    /** @return the key; the calling test is skipped with the reason when there is none */
    public static KeyUnderTest key() {
        Result<KeyUnderTest> r = keyResult();
        Assumptions.assumeTrue(r.value() != null, r::problem);
        return r.value();
    }

    /**
     * @param needed capabilities the calling test relies on
     * @return the backend; the calling test is skipped with the reason when it is missing or lacks a capability
     */
    public static BackendUnderTest backend(Capability... needed) {
        Result<BackendUnderTest> r = backendResult();
        Assumptions.assumeTrue(r.value() != null, r::problem);
        for (Capability c : needed) {
            Assumptions.assumeTrue(r.value().has(c), () -> r.value().lacks(c));
        }
        return r.value();
    }

    /**
     * @param needed capabilities
     * @return empty when the backend is there with every capability, else the skip reason
     */
    public static Optional<String> backendSkipReason(Capability... needed) {
        Result<BackendUnderTest> r = backendResult();
        if (r.value() == null) {
            return Optional.of(r.problem());
        }
        for (Capability c : needed) {
            if (!r.value().has(c)) {
                return Optional.of(r.value().lacks(c));
            }
        }
        return Optional.empty();
    }

    /**
     * A value or why it is missing.
     *
     * @param value the value, or null
     * @param problem why it is missing, or null
     * @param <T> the type
     */
    public record Result<T>(T value, String problem) {
    }

    /**
     * Creates a key or backend.
     *
     * @param <T> what it creates
     */
    @FunctionalInterface
    interface Factory<T> {
        T create() throws Exception;
    }

    /**
     * A created value, or the classified reason there is none.
     *
     * @param value the value, or null
     * @param problem why it is missing, or null
     * @param <T> the type
     */
    record Attempt<T>(T value, SetupProblem problem) {
    }
}
