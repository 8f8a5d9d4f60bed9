package dev.ykmfa.protocol.ykoath;

import java.time.Instant;
import java.util.Objects;

/**
 * A one-time code read from the key, with the interval in which it is valid: for TOTP the time step
 * {@code [T·period, (T+1)·period)} ({@code spec/ykoath.md} §5.4); for HOTP from the moment of calculation with no
 * end ({@link Instant#MAX}).
 */
public final class Code {
    private final String value;
    private final Instant validFrom;
    private final Instant validUntil;

    /**
     * @param value the digits
     * @param validFrom start of validity
     * @param validUntil end of validity (exclusive)
     */
    public Code(String value, Instant validFrom, Instant validUntil) {
        this.value = Objects.requireNonNull(value, "value");
        this.validFrom = Objects.requireNonNull(validFrom, "validFrom");
        this.validUntil = Objects.requireNonNull(validUntil, "validUntil");
    }

    /** @return the code, zero-padded to its number of digits */
    public String value() {
        return value;
    }

    /** @return the instant from which the code is valid */
    public Instant validFrom() {
        return validFrom;
    }

    /** @return the instant at which the code stops being valid */
    public Instant validUntil() {
        return validUntil;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof Code)) {
            return false;
        }
        Code c = (Code) o;
        return value.equals(c.value) && validFrom.equals(c.validFrom) && validUntil.equals(c.validUntil);
    }

    @Override
    public int hashCode() {
        return Objects.hash(value, validFrom, validUntil);
    }

    @Override
    public String toString() {
        return value + " [" + validFrom + ", " + validUntil + ")";
    }
}
