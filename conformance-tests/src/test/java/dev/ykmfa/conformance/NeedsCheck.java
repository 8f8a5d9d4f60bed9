package dev.ykmfa.conformance;

import dev.ykmfa.conformance.key.KeyUnderTest;
import dev.ykmfa.conformance.key.PcscKey;
import java.util.Optional;

/** Decides whether a test's {@link Needs} are met; the answer is the skip reason. */
final class NeedsCheck {
    private NeedsCheck() {
    }

    static Optional<String> skipReason(Needs needs) {
        if (needs.key()) {
            Suite.Result<KeyUnderTest> k = Suite.keyResult();
            if (k.value() == null) {
                return Optional.of(unavailable(k.problem()));
            }
            KeyUnderTest key = k.value();
            if (key instanceof PcscKey p && p.freeSlots() < needs.slots()) {
                return Optional.of("needs " + needs.slots() + " free OATH slot(s); the key in the reader has "
                        + p.freeSlots() + " (capacity " + p.capacity() + "): delete an account you do not need, or"
                        + " set -D" + ConformanceProperties.CAPACITY + " if the capacity is wrong");
            }
            if (needs.destructive() && !key.destructiveAllowed()) {
                return Optional.of(key.destructiveRefusal());
            }
            if (needs.touch() && !key.touchAllowed()) {
                return Optional.of(key.touchRefusal());
            }
            if (needs.simulatedKey() && key.simulated() == null) {
                return Optional.of("needs the simulated key in-process (power cuts and touch denial are simulator"
                        + " controls); this run tests " + key.description());
            }
            if (!needs.firmwareAtLeast().isEmpty() && compare(key.firmwareVersion(), needs.firmwareAtLeast()) < 0) {
                return Optional.of("needs OATH firmware " + needs.firmwareAtLeast() + " or later; the key reports "
                        + key.firmwareVersion());
            }
        }
        if (needs.backend() || needs.capabilities().length > 0) {
            Suite.Result<?> b = Suite.backendResult();
            if (b.value() == null) {
                return Optional.of(unavailable(b.problem()));
            }
            return Suite.backendSkipReason(needs.capabilities());
        }
        return Optional.empty();
    }

    /** In strict mode an unavailable key or backend is a failure, not a skip. */
    private static String unavailable(String problem) {
        if (ConformanceProperties.flag(ConformanceProperties.STRICT)) {
            throw new IllegalStateException(problem + " (failing because -D" + ConformanceProperties.STRICT
                    + "=true)");
        }
        return problem;
    }

    private static int compare(String a, String b) {
        String[] x = a.split("\\.");
        String[] y = b.split("\\.");
        for (int i = 0; i < Math.max(x.length, y.length); i++) {
            int xi = i < x.length ? Integer.parseInt(x[i]) : 0;
            int yi = i < y.length ? Integer.parseInt(y[i]) : 0;
            if (xi != yi) {
                return Integer.compare(xi, yi);
            }
        }
        return 0;
    }

}
