package dev.ykmfa.bench.sim;

import dev.ykmfa.protocol.otp.Totp;
import dev.ykmfa.protocol.ykoath.CalculateAllEntry;
import dev.ykmfa.protocol.ykoath.Code;
import dev.ykmfa.protocol.ykoath.CredentialData;
import dev.ykmfa.protocol.ykoath.CredentialId;
import dev.ykmfa.protocol.ykoath.OathSession;
import dev.ykmfa.sim.SimulatedYubiKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** Builds simulated keys filled with TOTP credentials for the benchmarks, and checks their answers. */
public final class SimKeys {
    /** The largest store the simulator allows; every benchmark key gets it so 200 credentials fit. */
    public static final int CAPACITY = 254;
    /** Bytes of each credential's secret (SHA-1 sized). */
    public static final int SECRET_LENGTH = 20;
    /** The fixed time codes are computed for. */
    public static final Instant TIME = Instant.ofEpochSecond(1_700_000_000L);
    private static final long SEED = 20_261_124L;

    private SimKeys() {
    }

    /** @return the id of the i-th benchmark credential */
    public static CredentialId id(int i) {
        return CredentialId.totp("Bench", String.format("user-%03d@example.com", i));
    }

    /** @return the secret of the i-th benchmark credential (deterministic) */
    public static byte[] secret(int i) {
        byte[] s = new byte[SECRET_LENGTH];
        new SplittableRandom(SEED + i).nextBytes(s);
        return s;
    }

    /** @return the PUT payload of the i-th credential */
    public static CredentialData data(int i) {
        return CredentialData.builder(id(i), secret(i)).build();
    }

    /**
     * @param credentials how many TOTP credentials to program
     * @return a fresh key (capacity {@link #CAPACITY}) holding them
     */
    public static SimulatedYubiKey filledKey(int credentials) {
        SimulatedYubiKey key = SimulatedYubiKey.builder().capacity(CAPACITY).build();
        OathSession session = OathSession.open(key);
        for (int i = 0; i < credentials; i++) {
            session.put(data(i));
        }
        return key;
    }

    /** @return the code the i-th credential must give at {@link #TIME} (computed on the host with protocol's Totp) */
    public static String expectedCode(int i) {
        return Totp.builder(secret(i)).build().generateString(TIME);
    }

    /** Throws unless {@code code} is the i-th credential's code at {@link #TIME}. */
    public static void checkCode(int i, Code code) {
        if (!code.value().equals(expectedCode(i))) {
            throw new IllegalStateException("the simulated key computed " + code.value() + " for " + id(i).displayName()
                    + ", the host computes " + expectedCode(i) + ": refusing to time a wrong answer");
        }
    }

    /** Throws unless CALCULATE ALL returned every credential with its right code. */
    public static void checkAll(int credentials, List<CalculateAllEntry> entries) {
        if (entries.size() != credentials) {
            throw new IllegalStateException("CALCULATE ALL returned " + entries.size() + " entries, expected "
                    + credentials);
        }
        List<String> missing = new ArrayList<>();
        for (int i = 0; i < credentials; i++) {
            CredentialId id = id(i);
            boolean ok = entries.stream().anyMatch(e -> e.id().equals(id)
                    && e.code().map(c -> c.value().equals(expectedCode(idIndex(id)))).orElse(false));
            if (!ok) {
                missing.add(id.displayName());
            }
        }
        if (!missing.isEmpty()) {
            throw new IllegalStateException("CALCULATE ALL gave no or wrong codes for " + missing);
        }
    }

    private static int idIndex(CredentialId id) {
        String name = id.name();
        return Integer.parseInt(name.substring(name.indexOf('-') + 1, name.indexOf('@')));
    }
}
