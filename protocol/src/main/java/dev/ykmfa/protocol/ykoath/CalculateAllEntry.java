package dev.ykmfa.protocol.ykoath;

import java.util.Objects;
import java.util.Optional;

/**
 * One credential in the answer of {@link OathSession#calculateAll(java.time.Instant)} ({@code spec/ykoath.md} §4.9):
 * its id and, for a TOTP credential that needs no touch, its code. HOTP entries ({@code 77}) and touch entries
 * ({@code 7C}) carry no code; compute them one by one with {@link OathSession#calculate}.
 */
public final class CalculateAllEntry {
    private final CredentialId id;
    private final Code code;
    private final boolean touchRequired;

    /**
     * @param id the credential id
     * @param code the code, or {@code null} when the card did not compute it
     * @param touchRequired whether the card reported that the credential needs a touch
     */
    public CalculateAllEntry(CredentialId id, Code code, boolean touchRequired) {
        this.id = Objects.requireNonNull(id, "id");
        this.code = code;
        this.touchRequired = touchRequired;
    }

    /** @return the credential id */
    public CredentialId id() {
        return id;
    }

    /** @return the code; empty for HOTP and touch-required credentials */
    public Optional<Code> code() {
        return Optional.ofNullable(code);
    }

    /** @return whether the credential requires a touch (tag {@code 7C}) */
    public boolean touchRequired() {
        return touchRequired;
    }

    /** @return whether the credential is HOTP (tag {@code 77}) */
    public boolean hotp() {
        return id.type() == OathType.HOTP;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof CalculateAllEntry)) {
            return false;
        }
        CalculateAllEntry e = (CalculateAllEntry) o;
        return id.equals(e.id) && Objects.equals(code, e.code) && touchRequired == e.touchRequired;
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, code, touchRequired);
    }

    @Override
    public String toString() {
        String what = code != null ? code.value() : touchRequired ? "[touch required]" : "[HOTP]";
        return id.formatted() + " " + what;
    }
}
