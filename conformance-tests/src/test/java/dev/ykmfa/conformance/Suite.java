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
 * first use and closed when the JVM ends. When one cannot be had (no reader, moto missing, no Docker…), every test
 * that needs it is skipped with the reason.
 */
public final class Suite {
    private static KeyUnderTest key;
    private static String keyProblem;
    private static BackendUnderTest backend;
    private static String backendProblem;

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
        return new Result<>(key, key == null && keyProblem == null ? "not used in this run" : keyProblem);
    }

    /** @return the backend if it was created during this run (never creates it), or why there is none */
    public static synchronized Result<BackendUnderTest> peekBackend() {
        return new Result<>(backend, backend == null && backendProblem == null ? "not used in this run"
                : backendProblem);
    }

    /** @return the key, or why there is none */
    public static synchronized Result<KeyUnderTest> keyResult() {
        if (key == null && keyProblem == null) {
            try {
                key = switch (keyKind()) {
                    case "sim" -> new SimulatedKey();
                    case "pcsc" -> PcscKey.fromProperties(System.out);
                    default -> throw new IllegalArgumentException("-Dykmfa.key must be sim or pcsc, not " + keyKind());
                };
                Runtime.getRuntime().addShutdownHook(new Thread(key::close, "conformance-key-close"));
            } catch (RuntimeException e) {
                keyProblem = "the key under test is unavailable: " + e.getMessage();
                System.out.println("[conformance] " + keyProblem);
            }
        }
        return new Result<>(key, keyProblem);
    }

    /** @return the backend, or why there is none */
    public static synchronized Result<BackendUnderTest> backendResult() {
        if (backend == null && backendProblem == null) {
            try {
                backend = createBackend();
                BackendUnderTest b = backend;
                Runtime.getRuntime().addShutdownHook(new Thread(b::close, "conformance-backend-close"));
            } catch (Unavailable e) {
                backendProblem = e.getMessage();
            } catch (RuntimeException | IOException e) {
                backendProblem = "the backend '" + backendKind() + "' could not be started: " + e;
            }
            if (backendProblem != null) {
                System.out.println("[conformance] SKIPPING every flow test: " + backendProblem);
            }
        }
        return new Result<>(backend, backendProblem);
    }

    private static BackendUnderTest createBackend() throws IOException {
        switch (backendKind()) {
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
                throw new IllegalArgumentException("-Dykmfa.backend must be aws-sim, moto or localstack (or set"
                        + " -Dykmfa.aws.endpoint=URL), not " + backendKind());
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

    private static final class Unavailable extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Unavailable(String message) {
            super(message);
        }
    }
}
